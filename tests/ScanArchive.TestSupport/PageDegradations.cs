using ScanArchive.Core.Imaging;

namespace ScanArchive.TestSupport;

/// <summary>
/// Simple, independent page degradations for quality-check tests (the code under test never shares these): quarter
/// turns, skew on an enlarged canvas, box-approximated Gaussian blur, crops.
/// </summary>
public static class PageDegradations
{
    /// <summary>Turns a page clockwise by 0, 90, 180 or 270 degrees.</summary>
    public static RasterImage TurnClockwise(RasterImage image, int degrees)
    {
        var turns = ((degrees / 90 % 4) + 4) % 4;
        var bpp = image.BytesPerPixel;
        int w = image.Width, h = image.Height;
        var (nw, nh) = turns % 2 == 0 ? (w, h) : (h, w);
        var output = new byte[nw * nh * bpp];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var (nx, ny) = turns switch
                {
                    0 => (x, y),
                    1 => (h - 1 - y, x),
                    2 => (w - 1 - x, h - 1 - y),
                    _ => (y, w - 1 - x),
                };
                image.Pixels.AsSpan((y * image.Stride) + (x * bpp), bpp).CopyTo(output.AsSpan(((ny * nw) + nx) * bpp, bpp));
            }
        }

        return new RasterImage(nw, nh, image.Format, output, image.Dpi);
    }

    /// <summary>Turns a grey page counter-clockwise by <paramref name="degrees"/> on an enlarged canvas (nearest neighbour).</summary>
    public static RasterImage Skew(RasterImage image, double degrees, byte background = 255)
    {
        if (image.Format != PixelFormat.Gray8)
        {
            throw new ArgumentException("grey pages only", nameof(image));
        }

        var rad = degrees * Math.PI / 180;
        double cos = Math.Cos(rad), sin = Math.Sin(rad);
        int w = image.Width, h = image.Height;
        var outW = (int)Math.Ceiling(Math.Abs(w * cos) + Math.Abs(h * sin));
        var outH = (int)Math.Ceiling(Math.Abs(w * sin) + Math.Abs(h * cos));
        var output = new byte[outW * outH];
        double cx = w / 2.0, cy = h / 2.0, ox = outW / 2.0, oy = outH / 2.0;
        for (var y = 0; y < outH; y++)
        {
            for (var x = 0; x < outW; x++)
            {
                double dx = x + 0.5 - ox, dy = y + 0.5 - oy;
                var sx = (int)Math.Floor((dx * cos) - (dy * sin) + cx);
                var sy = (int)Math.Floor((dx * sin) + (dy * cos) + cy);
                output[(y * outW) + x] = sx < 0 || sy < 0 || sx >= w || sy >= h ? background : image.Pixels[(sy * image.Stride) + sx];
            }
        }

        return new RasterImage(outW, outH, PixelFormat.Gray8, output, image.Dpi);
    }

    /// <summary>Gaussian blur of about <paramref name="sigma"/> px on a grey page (three box blurs per axis).</summary>
    public static RasterImage Blur(RasterImage image, double sigma)
    {
        if (image.Format != PixelFormat.Gray8)
        {
            throw new ArgumentException("grey pages only", nameof(image));
        }

        int w = image.Width, h = image.Height;
        var plane = new float[w * h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                plane[(y * w) + x] = image.Pixels[(y * image.Stride) + x];
            }
        }

        // Three boxes of radius r have variance 3·((2r+1)² − 1)/12 ≈ σ².
        var r = Math.Max(1, (int)Math.Round((Math.Sqrt((4 * sigma * sigma) + 1) - 1) / 2));
        for (var pass = 0; pass < 3; pass++)
        {
            Box(plane, w, h, r, 1, w);
            Box(plane, h, w, r, w, 1);
        }

        return new RasterImage(w, h, PixelFormat.Gray8, plane.Select(v => (byte)Math.Clamp(Math.Round(v), 0, 255)).ToArray(), image.Dpi);
    }

    /// <summary>A part of the page.</summary>
    public static RasterImage Crop(RasterImage image, PixelBox box)
    {
        var bpp = image.BytesPerPixel;
        var output = new byte[box.Width * box.Height * bpp];
        for (var y = 0; y < box.Height; y++)
        {
            image.Pixels.AsSpan(((box.Y + y) * image.Stride) + (box.X * bpp), box.Width * bpp).CopyTo(output.AsSpan(y * box.Width * bpp));
        }

        return new RasterImage(box.Width, box.Height, image.Format, output, image.Dpi);
    }

    /// <summary>A grey page lying on a flatbed's dark lid: <paramref name="margin"/> pixels of lid on every side.</summary>
    public static RasterImage OnLid(RasterImage image, int margin, byte lid = 35)
    {
        var grey = Grey(image);
        int w = grey.Width + (2 * margin), h = grey.Height + (2 * margin);
        var pixels = new byte[w * h];
        Array.Fill(pixels, lid);
        for (var y = 0; y < grey.Height; y++)
        {
            grey.Row(y).CopyTo(pixels.AsSpan(((y + margin) * w) + margin, grey.Width));
        }

        return new RasterImage(w, h, PixelFormat.Gray8, pixels, image.Dpi);
    }

    /// <summary>A grey copy of a colour page.</summary>
    public static RasterImage Grey(RasterImage image)
    {
        if (image.Format == PixelFormat.Gray8)
        {
            return image;
        }

        var grey = new byte[image.Width * image.Height];
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < image.Width; x++)
            {
                grey[(y * image.Width) + x] = (byte)(((row[x * 3] * 299) + (row[(x * 3) + 1] * 587) + (row[(x * 3) + 2] * 114)) / 1000);
            }
        }

        return new RasterImage(image.Width, image.Height, PixelFormat.Gray8, grey, image.Dpi);
    }

    private static void Box(float[] plane, int length, int lines, int r, int step, int lineStride)
    {
        var line = new float[length];
        for (var l = 0; l < lines; l++)
        {
            var start = l * lineStride;
            for (var i = 0; i < length; i++)
            {
                line[i] = plane[start + (i * step)];
            }

            double acc = 0;
            for (var k = -r; k <= r; k++)
            {
                acc += line[Math.Clamp(k, 0, length - 1)];
            }

            for (var i = 0; i < length; i++)
            {
                plane[start + (i * step)] = (float)(acc / ((2 * r) + 1));
                acc += line[Math.Min(i + r + 1, length - 1)] - line[Math.Max(i - r, 0)];
            }
        }
    }
}
