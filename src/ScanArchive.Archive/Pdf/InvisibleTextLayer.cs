using System.Globalization;
using System.IO.Compression;
using System.Text;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Archive.Pdf;

/// <summary>
/// Writes a one-page PDF of invisible text from recognized words, in the form Tesseract's own text layer has (a
/// glyphless CID font, Identity-H codes that are the text's UTF-16 units, an identity ToUnicode map, each word
/// stretched over its box), so that <see cref="SearchablePdfBuilder"/> lays it over the page image like the
/// engine's layer. Used for pages whose text a person corrected: the engine's layer still holds what it read.
/// </summary>
/// <remarks>
/// Written by hand rather than with PdfPig's builder: the builder embeds simple TrueType fonts (at most 255
/// characters each, no CJK), while this layer must carry any script. The font program is Tesseract's
/// <c>pdf.ttf</c> (Apache-2.0, see GlyphLessFont.NOTICE), one blank glyph every code maps to.
/// </remarks>
internal static class InvisibleTextLayer
{
    /// <summary>Each glyph is half an em wide (the font's default width, /DW 500); Tz stretches words to their boxes.</summary>
    private const double GlyphWidthEm = 0.5;

    private const string FontResource = "ScanArchive.Archive.Pdf.GlyphLessFont.ttf";

    private static readonly Lazy<byte[]> Font = new(() =>
    {
        using var stream = typeof(InvisibleTextLayer).Assembly.GetManifestResourceStream(FontResource)
            ?? throw new InvalidOperationException($"The embedded font {FontResource} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>
    /// The page's words as invisible text on a page of <paramref name="width"/> × <paramref name="height"/> pixels at
    /// <paramref name="dpi"/> (the image the PDF shows); word boxes are scaled from the recognition's pixel size.
    /// </summary>
    public static byte[] Write(OcrPage page, int width, int height, int dpi)
    {
        ArgumentNullException.ThrowIfNull(page);
        var perPixel = 72.0 / (dpi > 0 ? dpi : 300);
        var scaleX = page.Width > 0 ? width / (double)page.Width : 1;
        var scaleY = page.Height > 0 ? height / (double)page.Height : 1;
        var pageWidth = width * perPixel;
        var pageHeight = height * perPixel;

        var content = new StringBuilder("BT\n3 Tr\n");
        foreach (var word in page.Lines.SelectMany(l => l.Words))
        {
            var codes = Codes(word.Text);
            if (codes.Length == 0 || word.Box.Width <= 0 || word.Box.Height <= 0)
            {
                continue;
            }

            var x = word.Box.X * scaleX * perPixel;
            var boxWidth = word.Box.Width * scaleX * perPixel;
            var fontSize = Math.Max(1, word.Box.Height * scaleY * perPixel);
            var y = pageHeight - (word.Box.Y + word.Box.Height) * scaleY * perPixel;
            var stretch = 100 * boxWidth / (codes.Length / 4 * GlyphWidthEm * fontSize);
            content.Append(CultureInfo.InvariantCulture, $"/F1 {fontSize:0.###} Tf {stretch:0.###} Tz 1 0 0 1 {x:0.###} {y:0.###} Tm <{codes}> Tj\n");
        }

        content.Append("ET\n");
        return Document(pageWidth, pageHeight, Encoding.ASCII.GetBytes(content.ToString()));
    }

    /// <summary>The text as hexadecimal UTF-16 code units (the font's CIDs); characters beyond the BMP are left out.</summary>
    private static string Codes(string text)
    {
        var hex = new StringBuilder(text.Length * 4);
        foreach (var ch in text.Trim())
        {
            if (!char.IsSurrogate(ch) && !char.IsControl(ch))
            {
                hex.Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return hex.ToString();
    }

    private static byte[] Document(double width, double height, byte[] content)
    {
        // Every code maps to glyph 1, the font's one blank glyph.
        var cidToGid = new byte[65536 * 2];
        for (var i = 1; i < cidToGid.Length; i += 2)
        {
            cidToGid[i] = 1;
        }

        const string toUnicode = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\n" +
            "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

        var pdf = new PdfObjectWriter();
        pdf.Object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Object(3, string.Create(CultureInfo.InvariantCulture,
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width:0.###} {height:0.###}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"));
        pdf.Stream(4, "", content);
        pdf.Object(5, "<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>");
        pdf.Object(6, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> " +
            "/FontDescriptor 8 0 R /CIDToGIDMap 9 0 R /DW 500 >>");
        pdf.Stream(7, "", Encoding.ASCII.GetBytes(toUnicode));
        pdf.Object(8, "<< /Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 /FontBBox [0 0 500 1000] /ItalicAngle 0 /Ascent 1000 /Descent -1 " +
            "/CapHeight 1000 /StemV 80 /FontFile2 10 0 R >>");
        pdf.Stream(9, "", cidToGid);
        pdf.Stream(10, string.Create(CultureInfo.InvariantCulture, $"/Length1 {Font.Value.Length} "), Font.Value);
        return pdf.Finish(rootObject: 1);
    }

    /// <summary>Writes numbered objects in order and the cross-reference table that finds them.</summary>
    private sealed class PdfObjectWriter
    {
        private readonly MemoryStream _output = new();
        private readonly List<long> _offsets = [];

        public PdfObjectWriter() => Write("%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n");

        public void Object(int number, string body)
        {
            Begin(number);
            Write(body);
            Write("\nendobj\n");
        }

        /// <summary>A Flate-compressed stream; <paramref name="extra"/> goes into its dictionary.</summary>
        public void Stream(int number, string extra, byte[] data)
        {
            using var packed = new MemoryStream();
            using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(data);
            }

            Begin(number);
            Write(string.Create(CultureInfo.InvariantCulture, $"<< {extra}/Filter /FlateDecode /Length {packed.Length} >>\nstream\n"));
            packed.Position = 0;
            packed.CopyTo(_output);
            Write("\nendstream\nendobj\n");
        }

        public byte[] Finish(int rootObject)
        {
            var xref = _output.Position;
            Write(string.Create(CultureInfo.InvariantCulture, $"xref\n0 {_offsets.Count + 1}\n0000000000 65535 f \n"));
            foreach (var offset in _offsets)
            {
                Write(string.Create(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n"));
            }

            Write(string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {_offsets.Count + 1} /Root {rootObject} 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
            return _output.ToArray();
        }

        private void Begin(int number)
        {
            if (number != _offsets.Count + 1)
            {
                throw new InvalidOperationException("Objects are written in order, from 1.");
            }

            _offsets.Add(_output.Position);
            Write(string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n"));
        }

        private void Write(string text) => _output.Write(Encoding.Latin1.GetBytes(text));
    }
}
