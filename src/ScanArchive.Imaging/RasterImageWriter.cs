using ImageMagick;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Imaging;

/// <summary>Writes page images losslessly (scanned originals are kept exactly as captured).</summary>
public static class RasterImageWriter
{
    /// <summary>PNG with the page's resolution recorded, so that reading it back gives the same pixels and DPI.</summary>
    public static byte[] ToPng(RasterImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var settings = new MagickReadSettings
        {
            Width = (uint)image.Width,
            Height = (uint)image.Height,
            Format = image.Format == PixelFormat.Gray8 ? MagickFormat.Gray : MagickFormat.Rgb,
            Depth = 8,
        };
        var pixels = image.Stride == image.Width * image.BytesPerPixel ? image.Pixels : Pack(image);
        using var magick = new MagickImage(pixels, settings);
        if (image.Dpi is { } dpi)
        {
            magick.Density = new Density(dpi, dpi, DensityUnit.PixelsPerInch);
        }

        // Fast compression: scanned pages are large and written while the scanner keeps feeding.
        magick.Settings.SetDefine(MagickFormat.Png, "compression-level", "3");
        return magick.ToByteArray(MagickFormat.Png);
    }

    private static byte[] Pack(RasterImage image)
    {
        var row = image.Width * image.BytesPerPixel;
        var packed = new byte[row * image.Height];
        for (var y = 0; y < image.Height; y++)
        {
            image.Row(y).CopyTo(packed.AsSpan(y * row, row));
        }

        return packed;
    }
}
