using ImageMagick;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Imaging.Raster;

/// <summary>Copies a decoded Magick.NET image into a <see cref="RasterImage"/>, the library-neutral page type.</summary>
internal static class MagickPixels
{
    /// <summary>
    /// Bilevel and grey images become <see cref="PixelFormat.Gray8"/> (1-bit expands to 0/255), colour becomes
    /// <see cref="PixelFormat.Rgb24"/>. Transparency is flattened onto white, as on paper.
    /// </summary>
    public static RasterImage ToRaster(MagickImage image, int? dpi)
    {
        var gray = IsGray(image);
        if (image.HasAlpha)
        {
            image.BackgroundColor = MagickColors.White;
            image.Alpha(AlphaAction.Remove);
            image.Alpha(AlphaAction.Off);
        }

        var width = checked((int)image.Width);
        var height = checked((int)image.Height);
        image.Depth = 8;

        if (gray && image.ColorSpace == ColorSpace.Gray)
        {
            return new RasterImage(width, height, PixelFormat.Gray8, Export(image, MagickFormat.Gray, width * height), dpi);
        }

        if (image.ColorSpace is not (ColorSpace.sRGB or ColorSpace.RGB or ColorSpace.Gray))
        {
            // CMYK and Lab JPEGs: convert rather than let the RGB export reinterpret the channels.
            image.ColorSpace = ColorSpace.sRGB;
        }

        var rgb = Export(image, MagickFormat.Rgb, width * height * 3);
        return gray
            ? new RasterImage(width, height, PixelFormat.Gray8, TakeRed(rgb), dpi)
            : new RasterImage(width, height, PixelFormat.Rgb24, rgb, dpi);
    }

    /// <summary>True when every pixel has R = G = B, so the image loses nothing as grey.</summary>
    public static bool IsNeutral(ReadOnlySpan<byte> rgb)
    {
        for (var i = 0; i + 2 < rgb.Length; i += 3)
        {
            if (rgb[i] != rgb[i + 1] || rgb[i] != rgb[i + 2])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first channel of packed RGB: exact for neutral pixels (no luma formula, no rounding).</summary>
    public static byte[] TakeRed(ReadOnlySpan<byte> rgb)
    {
        var gray = new byte[rgb.Length / 3];
        for (var i = 0; i < gray.Length; i++)
        {
            gray[i] = rgb[i * 3];
        }

        return gray;
    }

    private static bool IsGray(MagickImage image)
    {
        if (image.ColorSpace == ColorSpace.Gray || image.ColorType is ColorType.Bilevel or ColorType.Grayscale or ColorType.GrayscaleAlpha)
        {
            return true;
        }

        // 1-bit BMPs and palette PNGs from scanners carry a black/white or grey palette.
        if (image.ColorType is ColorType.Palette or ColorType.PaletteAlpha or ColorType.PaletteBilevelAlpha && image.ColormapSize > 0)
        {
            for (var i = 0; i < image.ColormapSize; i++)
            {
                var color = image.GetColormapColor(i);
                if (color is null || color.R != color.G || color.R != color.B)
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    private static byte[] Export(MagickImage image, MagickFormat format, int expectedLength)
    {
        var bytes = image.ToByteArray(format);
        return bytes.Length == expectedLength
            ? bytes
            : throw new InvalidOperationException($"Pixel export gave {bytes.Length} bytes, expected {expectedLength}.");
    }
}
