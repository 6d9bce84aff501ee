using ScanArchive.Core.Imaging;

namespace ScanArchive.Ocr;

/// <summary>
/// Turns a colour page grey for recognition with red ink (company seals, 公章) dropped out: a seal printed over a
/// signature line otherwise binarizes to a black ring and star across the text beneath it.
/// </summary>
/// <remarks>
/// Red pixels are lifted by their redness (red channel plus how far it exceeds green and blue): seal ink turns
/// white, while black text under the seal, hardly red, stays dark. Every other pixel gets Leptonica's luminance
/// weights. Pages without red ink are left in colour, exactly as before.
/// </remarks>
internal static class SealDropout
{
    /// <summary>How much redder than green and blue a pixel must be (0–255) to count as seal ink.</summary>
    private const int RedExcess = 30;

    /// <summary>Share of seal-red pixels from which a page counts as stamped (a 4 cm seal on A4 is about 0.3 %).</summary>
    private const double MinRedShare = 0.0005;

    /// <summary>
    /// A grey page for recognition, or null when <paramref name="image"/> is not a colour image or carries (almost)
    /// no red ink: then Tesseract gets the colour image as before.
    /// </summary>
    public static RasterImage? ToGray(RasterImage image)
    {
        if (image.Format != PixelFormat.Rgb24 || CountRed(image) < (long)image.Width * image.Height * MinRedShare)
        {
            return null;
        }

        var gray = new byte[image.Width * image.Height];
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            var dest = gray.AsSpan(y * image.Width, image.Width);
            for (int x = 0, i = 0; x < dest.Length; x++, i += 3)
            {
                int r = row[i], g = row[i + 1], b = row[i + 2];
                var excess = r - Math.Max(g, b);
                dest[x] = excess >= RedExcess
                    ? (byte)Math.Min(255, r + excess)
                    : (byte)(((r * 77) + (g * 128) + (b * 51) + 128) >> 8);
            }
        }

        return new RasterImage(image.Width, image.Height, PixelFormat.Gray8, gray, image.Dpi);
    }

    private static long CountRed(RasterImage image)
    {
        long count = 0;
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (var i = 0; i + 2 < row.Length; i += 3)
            {
                if (row[i] - Math.Max(row[i + 1], row[i + 2]) >= RedExcess)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
