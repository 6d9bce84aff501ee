using SkiaSharp;

namespace ScanArchive.SampleGenerator.Output;

internal static class RasterImages
{
    /// <summary>Wraps interleaved grey or RGB samples as an opaque Skia image for the encoders.</summary>
    public static SKImage Create(byte[] pixels, int width, int height, int channels)
    {
        if (channels == 1)
        {
            return SKImage.FromPixelCopy(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque), pixels, width)
                ?? throw new InvalidOperationException("Could not wrap grey pixels.");
        }

        var rgba = new byte[width * height * 4];
        for (int i = 0, j = 0; i < pixels.Length; i += 3, j += 4)
        {
            rgba[j] = pixels[i];
            rgba[j + 1] = pixels[i + 1];
            rgba[j + 2] = pixels[i + 2];
            rgba[j + 3] = 255;
        }

        return SKImage.FromPixelCopy(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque), rgba, width * 4)
            ?? throw new InvalidOperationException("Could not wrap RGB pixels.");
    }
}
