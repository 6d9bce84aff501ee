using ScanArchive.Core.Imaging;

namespace ScanArchive.TestSupport;

/// <summary>Small synthetic images and assertions for tests that need pixels without a file.</summary>
public static class TestImages
{
    /// <summary>A white grey page with a black rectangle, at a given resolution.</summary>
    public static RasterImage WhitePageWithBox(int width, int height, int? dpi, PixelBox box)
    {
        var pixels = new byte[width * height];
        Array.Fill(pixels, (byte)255);
        for (var y = box.Y; y < box.Bottom; y++)
        {
            pixels.AsSpan((y * width) + box.X, box.Width).Clear();
        }

        return new RasterImage(width, height, PixelFormat.Gray8, pixels, dpi);
    }

    /// <summary>Fraction of pixels darker than mid-grey.</summary>
    public static double InkCoverage(RasterImage image)
    {
        long dark = 0;
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < row.Length; x += image.BytesPerPixel)
            {
                if (row[x] < 128)
                {
                    dark++;
                }
            }
        }

        return dark / (double)((long)image.Width * image.Height);
    }
}
