using ScanArchive.Core.Imaging;

namespace ScanArchive.Imaging;

/// <summary>Turns a page image by quarter turns (a PDF page's /Rotate), so OCR sees it the way a viewer shows it.</summary>
internal static class PixelRotation
{
    /// <summary>Rotates clockwise by 0, 90, 180 or 270 degrees; other angles are normalised to those.</summary>
    public static RasterImage RotateClockwise(RasterImage image, int degrees)
    {
        var quarterTurns = ((degrees / 90 % 4) + 4) % 4;
        if (quarterTurns == 0)
        {
            return image;
        }

        var bpp = image.BytesPerPixel;
        var (w, h) = (image.Width, image.Height);
        var (newW, newH) = quarterTurns == 2 ? (w, h) : (h, w);
        var output = new byte[newW * newH * bpp];
        for (var y = 0; y < h; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < w; x++)
            {
                var (nx, ny) = quarterTurns switch
                {
                    1 => (h - 1 - y, x),
                    2 => (w - 1 - x, h - 1 - y),
                    _ => (y, w - 1 - x),
                };
                row.Slice(x * bpp, bpp).CopyTo(output.AsSpan(((ny * newW) + nx) * bpp, bpp));
            }
        }

        return new RasterImage(newW, newH, image.Format, output, image.Dpi);
    }
}
