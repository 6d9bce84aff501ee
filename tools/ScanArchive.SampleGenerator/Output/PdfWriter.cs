using SkiaSharp;

namespace ScanArchive.SampleGenerator.Output;

internal static class PdfWriter
{
    /// <summary>Fixed dates keep the PDF byte-identical between runs.</summary>
    private static readonly DateTime FixedTimestamp = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// One page whose size in points matches the scan at <paramref name="dpi"/>, showing the JPEG.
    /// Skia embeds JPEG data as-is (DCTDecode), so the PDF holds exactly the scanned image.
    /// </summary>
    public static byte[] WrapJpeg(byte[] jpeg, int widthPx, int heightPx, int dpi, string title)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title,
            Creator = "ScanArchive.SampleGenerator",
            Producer = "ScanArchive.SampleGenerator",
            Creation = FixedTimestamp,
            Modified = FixedTimestamp,
            RasterDpi = dpi,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var width = widthPx * 72f / dpi;
            var height = heightPx * 72f / dpi;
            var canvas = document.BeginPage(width, height);
            using var image = SKImage.FromEncodedData(jpeg) ?? throw new InvalidOperationException("Could not read back the page JPEG.");
            canvas.DrawImage(image, new SKRect(0, 0, width, height));
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }

    /// <summary>Finds the embedded page JPEG (from SOI to the end of its stream) for verification.</summary>
    public static byte[]? ExtractJpeg(byte[] pdf)
    {
        var marker = "/DCTDecode"u8;
        var at = pdf.AsSpan().IndexOf(marker);
        if (at < 0)
        {
            return null;
        }

        var streamKeyword = pdf.AsSpan(at).IndexOf("stream"u8);
        var soi = pdf.AsSpan(at + streamKeyword).IndexOf([(byte)0xFF, (byte)0xD8]);
        if (streamKeyword < 0 || soi < 0)
        {
            return null;
        }

        var start = at + streamKeyword + soi;
        var end = pdf.AsSpan(start).IndexOf("endstream"u8);
        return end < 0 ? null : pdf.AsSpan(start, end).TrimEnd("\r\n"u8).ToArray();
    }
}
