using System.Globalization;
using System.Text;

namespace ScanArchive.Imaging.Tests;

/// <summary>
/// Writes a PDF laid out like a linearized one (as many scanners and web tools save them): a cross-reference table
/// and trailer right after the header, then catalog, page tree and pages, the page images last. Cut such a file
/// anywhere in its images and a lenient parser still finds every page from the early table, without their pictures.
/// </summary>
internal static class PagesFirstPdf
{
    private const string Header = "%PDF-1.4\n%\u00e2\u00e3\n";

    /// <summary>One A4 page per JPEG (the image across the whole page); a null entry is a page that draws nothing.</summary>
    /// <param name="pages">The JPEG of each page.</param>
    /// <param name="dropImages">Leave the image objects out (the pages still name them), as a damaged file would.</param>
    public static byte[] Build(IReadOnlyList<byte[]?> pages, bool dropImages = false)
    {
        // Objects: 1 catalog, 2 page tree, then per page i: page 3+3i, content 4+3i, image 5+3i.
        var size = 3 + (3 * pages.Count);
        using var body = new MemoryStream();
        var offsets = new long[size];
        void Text(string s) => body.Write(Encoding.Latin1.GetBytes(s));
        void Begin(int id)
        {
            offsets[id] = body.Position;
            Text(Invariant($"{id} 0 obj\n"));
        }

        Begin(1);
        Text("<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        Begin(2);
        var kids = string.Join(' ', Enumerable.Range(0, pages.Count).Select(i => Invariant($"{3 + (3 * i)} 0 R")));
        Text(Invariant($"<< /Type /Pages /Kids [{kids}] /Count {pages.Count} >>\nendobj\n"));
        for (var i = 0; i < pages.Count; i++)
        {
            var (page, content, image) = (3 + (3 * i), 4 + (3 * i), 5 + (3 * i));
            var resources = pages[i] is null ? "<< >>" : Invariant($"<< /XObject << /Im1 {image} 0 R >> >>");
            Begin(page);
            Text(Invariant($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {resources} /Contents {content} 0 R >>\nendobj\n"));
            var drawing = pages[i] is null ? string.Empty : "q 595 0 0 842 0 0 cm /Im1 Do Q";
            Begin(content);
            Text(Invariant($"<< /Length {drawing.Length} >>\nstream\n{drawing}\nendstream\nendobj\n"));
        }

        for (var i = 0; i < pages.Count; i++)
        {
            if (pages[i] is not { } jpeg || dropImages)
            {
                continue;
            }

            var (width, height) = JpegSize(jpeg);
            Begin(5 + (3 * i));
            Text(Invariant($"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length {jpeg.Length} >>\nstream\n"));
            body.Write(jpeg);
            Text("\nendstream\nendobj\n");
        }

        // Table entries are fixed-width, so the early table's length (and with it every object's offset) is known.
        var trailer = Invariant($"trailer\n<< /Size {size} /Root 1 0 R >>\n");
        var tableLength = Table(offsets, 0).Length + trailer.Length;
        var shift = Encoding.Latin1.GetByteCount(Header) + tableLength;
        var table = Table(offsets, shift);

        using var output = new MemoryStream();
        output.Write(Encoding.Latin1.GetBytes(Header + table + trailer));
        body.Position = 0;
        body.CopyTo(output);
        var xref = output.Position;
        output.Write(Encoding.Latin1.GetBytes(table + trailer + Invariant($"startxref\n{xref}\n%%EOF\n")));
        return output.ToArray();
    }

    private static string Table(long[] offsets, long shift)
    {
        var table = new StringBuilder(Invariant($"xref\n0 {offsets.Length}\n0000000000 65535 f \n"));
        for (var id = 1; id < offsets.Length; id++)
        {
            table.Append(offsets[id] > 0 ? Invariant($"{offsets[id] + shift:D10} 00000 n \n") : "0000000000 65535 f \n");
        }

        return table.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Width and height from the JPEG's SOF marker.</summary>
    private static (int Width, int Height) JpegSize(byte[] jpeg)
    {
        for (var i = 2; i + 9 < jpeg.Length;)
        {
            var marker = jpeg[i + 1];
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (marker is >= 0xC0 and <= 0xC3)
            {
                return ((jpeg[i + 7] << 8) | jpeg[i + 8], (jpeg[i + 5] << 8) | jpeg[i + 6]);
            }

            i += 2 + length;
        }

        throw new InvalidDataException("No SOF marker in the JPEG.");
    }
}
