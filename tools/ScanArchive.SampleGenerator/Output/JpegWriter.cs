using SkiaSharp;

namespace ScanArchive.SampleGenerator.Output;

internal static class JpegWriter
{
    /// <summary>
    /// Skia writes a JFIF header with "no units, 1:1 aspect", so the density is patched in afterwards;
    /// OCR engines read the DPI from there.
    /// </summary>
    public static byte[] Encode(byte[] pixels, int width, int height, int channels, int quality, int dpi)
    {
        using var image = RasterImages.Create(pixels, width, height, channels);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality)
            ?? throw new InvalidOperationException("JPEG encoding failed.");
        var bytes = data.ToArray();
        SetJfifDensity(bytes, dpi);
        return bytes;
    }

    public static void SetJfifDensity(byte[] jpeg, int dpi)
    {
        // SOI, APP0 marker, length, "JFIF\0", version (2), units (1), Xdensity (2), Ydensity (2).
        if (jpeg.Length < 18 || jpeg[0] != 0xFF || jpeg[1] != 0xD8 || jpeg[2] != 0xFF || jpeg[3] != 0xE0
            || jpeg[6] != (byte)'J' || jpeg[7] != (byte)'F' || jpeg[8] != (byte)'I' || jpeg[9] != (byte)'F' || jpeg[10] != 0)
        {
            throw new InvalidOperationException("Encoder output does not start with a JFIF APP0 segment.");
        }

        jpeg[13] = 1; // dots per inch
        jpeg[14] = (byte)(dpi >> 8);
        jpeg[15] = (byte)dpi;
        jpeg[16] = (byte)(dpi >> 8);
        jpeg[17] = (byte)dpi;
    }
}
