using ScanArchive.Core.Imaging;

namespace ScanArchive.Imaging.Quality;

/// <summary>Turns a page upright and straightens it in one resampling pass, and crops; always into a new image.</summary>
internal static class PageTransform
{
    /// <summary>
    /// Undoes a clockwise quarter turn <paramref name="rotationClockwise"/> and a skew <paramref name="skewDegrees"/>
    /// (positive = the scan is turned counter-clockwise). Quarter turns alone are exact pixel moves; with a skew the
    /// two are combined into one bilinear rotation about the centre (one resampling, not two), keeping the upright
    /// page's size and filling the uncovered corners with <paramref name="fill"/> (the paper level).
    /// </summary>
    public static RasterImage Straighten(RasterImage image, int rotationClockwise, double skewDegrees, byte fill)
    {
        var quarter = ((rotationClockwise % 360) + 360) % 360;
        if (skewDegrees == 0)
        {
            return quarter == 0 ? image : PixelRotation.RotateClockwise(image, 360 - quarter);
        }

        var (outW, outH) = quarter is 90 or 270 ? (image.Height, image.Width) : (image.Width, image.Height);

        // The scan shows the upright page turned counter-clockwise by (skew − quarter); turning it back by
        // (quarter − skew) counter-clockwise restores it.
        var radians = (quarter - skewDegrees) * Math.PI / 180;
        return Rotate(image, radians, outW, outH, fill);
    }

    /// <summary>An enlarged (or reduced) copy, bilinear; the declared resolution scales along.</summary>
    public static RasterImage Scale(RasterImage image, double factor)
    {
        var outW = Math.Max(1, (int)Math.Round(image.Width * factor));
        var outH = Math.Max(1, (int)Math.Round(image.Height * factor));
        var bpp = image.BytesPerPixel;
        var output = new byte[outW * outH * bpp];
        int w = image.Width, h = image.Height;
        for (var y = 0; y < outH; y++)
        {
            var sy = Math.Clamp(((y + 0.5) / factor) - 0.5, 0, h - 1);
            var y0 = Math.Min((int)sy, h - 2 < 0 ? 0 : h - 2);
            var fy = sy - y0;
            var y1 = Math.Min(y0 + 1, h - 1);
            for (var x = 0; x < outW; x++)
            {
                var sx = Math.Clamp(((x + 0.5) / factor) - 0.5, 0, w - 1);
                var x0 = Math.Min((int)sx, w - 2 < 0 ? 0 : w - 2);
                var fx = sx - x0;
                var x1 = Math.Min(x0 + 1, w - 1);
                for (var c = 0; c < bpp; c++)
                {
                    double p00 = image.Pixels[(y0 * image.Stride) + (x0 * bpp) + c], p01 = image.Pixels[(y0 * image.Stride) + (x1 * bpp) + c];
                    double p10 = image.Pixels[(y1 * image.Stride) + (x0 * bpp) + c], p11 = image.Pixels[(y1 * image.Stride) + (x1 * bpp) + c];
                    var top = p00 + ((p01 - p00) * fx);
                    var bottom = p10 + ((p11 - p10) * fx);
                    output[(((y * outW) + x) * bpp) + c] = (byte)Math.Round(top + ((bottom - top) * fy));
                }
            }
        }

        return new RasterImage(outW, outH, image.Format, output, image.Dpi is { } dpi ? (int)Math.Round(dpi * factor) : null);
    }

    /// <summary>A copy of part of the image.</summary>
    public static RasterImage Crop(RasterImage image, PixelBox box)
    {
        var bpp = image.BytesPerPixel;
        var pixels = new byte[box.Width * box.Height * bpp];
        for (var y = 0; y < box.Height; y++)
        {
            image.Pixels.AsSpan(((box.Y + y) * image.Stride) + (box.X * bpp), box.Width * bpp).CopyTo(pixels.AsSpan(y * box.Width * bpp));
        }

        return new RasterImage(box.Width, box.Height, image.Format, pixels, image.Dpi);
    }

    /// <summary>
    /// Rotates counter-clockwise (as seen on screen) by <paramref name="radians"/> about the centre into a canvas of the
    /// given size. Each output pixel samples the source bilinearly in 8-bit fixed point, stepping along the row.
    /// </summary>
    private static RasterImage Rotate(RasterImage image, double radians, int outW, int outH, byte fill)
    {
        var bpp = image.BytesPerPixel;
        var output = new byte[outW * outH * bpp];
        int w = image.Width, h = image.Height, stride = image.Stride;
        var src = image.Pixels;
        var cos = Math.Cos(radians);
        var sin = Math.Sin(radians);
        double cxIn = (w - 1) / 2.0, cyIn = (h - 1) / 2.0, cxOut = (outW - 1) / 2.0, cyOut = (outH - 1) / 2.0;
        const int Shift = 16;
        const double One = 1 << Shift;
        var stepX = (long)Math.Round(cos * One);
        var stepY = (long)Math.Round(sin * One);
        for (var y = 0; y < outH; y++)
        {
            var dy = y - cyOut;

            // Output (dx, dy) comes from the source point turned back clockwise: (dx·cos − dy·sin, dx·sin + dy·cos).
            var sx = (long)Math.Round(((-cxOut * cos) - (dy * sin) + cxIn) * One);
            var sy = (long)Math.Round(((-cxOut * sin) + (dy * cos) + cyIn) * One);
            var dest = output.AsSpan(y * outW * bpp, outW * bpp);
            for (var x = 0; x < outW; x++, sx += stepX, sy += stepY)
            {
                var x0 = (int)(sx >> Shift);
                var y0 = (int)(sy >> Shift);
                if (sx < 0 || sy < 0 || x0 >= w - 1 || y0 >= h - 1)
                {
                    dest.Slice(x * bpp, bpp).Fill(fill);
                    continue;
                }

                var fx = (int)((sx >> (Shift - 8)) & 0xFF);
                var fy = (int)((sy >> (Shift - 8)) & 0xFF);
                var i = (y0 * stride) + (x0 * bpp);
                for (var c = 0; c < bpp; c++, i++)
                {
                    int p00 = src[i], p01 = src[i + bpp], p10 = src[i + stride], p11 = src[i + stride + bpp];
                    var top = (p00 << 8) + ((p01 - p00) * fx);
                    var bottom = (p10 << 8) + ((p11 - p10) * fx);
                    dest[(x * bpp) + c] = (byte)(((top << 8) + ((bottom - top) * fy) + (1 << 15)) >> 16);
                }
            }
        }

        return new RasterImage(outW, outH, image.Format, output, image.Dpi);
    }
}
