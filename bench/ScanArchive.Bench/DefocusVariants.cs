using ScanArchive.Core.Imaging;

namespace ScanArchive.Bench;

/// <summary>
/// Camera-like degradations for the blur calibration, written independently of the code under test: defocus as a
/// uniform disk (the out-of-focus point spread of a lens with a round aperture, edges anti-aliased), a colour rendering
/// of a grey page (tinted paper, blue-black ink), sensor noise, an illumination fall-off, and JPEG re-encoding.
/// </summary>
internal static class DefocusVariants
{
    /// <summary>Convolves every channel with a disk of radius <paramref name="radius"/> pixels (area-weighted rim).</summary>
    public static RasterImage Disk(RasterImage image, double radius)
    {
        var (w, h, bpp) = (image.Width, image.Height, image.BytesPerPixel);
        var reach = (int)Math.Ceiling(radius);

        // The kernel by rows: each row dy is a run [-a, a] of full weight plus the fractional end pixels, so the
        // convolution is a sum of prefix-sum differences per kernel row (cost grows with r, not r²).
        var half = new double[(2 * reach) + 1];
        double total = 0;
        for (var dy = -reach; dy <= reach; dy++)
        {
            // Average the run half-length over the pixel's height (supersampled) for a smooth rim.
            double a = 0;
            const int Sub = 8;
            for (var s = 0; s < Sub; s++)
            {
                var y = dy - 0.5 + ((s + 0.5) / Sub);
                a += radius * radius - (y * y) > 0 ? Math.Sqrt((radius * radius) - (y * y)) : 0;
            }

            half[dy + reach] = a / Sub;
            total += 2 * half[dy + reach];
        }

        var output = new byte[w * h * bpp];
        var prefix = new double[w + 1];
        var accumulator = new double[w];
        for (var c = 0; c < bpp; c++)
        {
            var sums = new double[h][];
            for (var y = 0; y < h; y++)
            {
                var row = image.Row(y);
                var p = new double[w + 1];
                for (var x = 0; x < w; x++)
                {
                    p[x + 1] = p[x] + row[(x * bpp) + c];
                }

                sums[y] = p;
            }

            for (var y = 0; y < h; y++)
            {
                Array.Clear(accumulator);
                for (var dy = -reach; dy <= reach; dy++)
                {
                    var a = half[dy + reach];
                    if (a <= 0)
                    {
                        continue;
                    }

                    // Pixels |k| < n are covered whole, pixels ±n by a + ½ − n; below half a pixel only the centre, by 2a.
                    var p = sums[Math.Clamp(y + dy, 0, h - 1)];
                    var n = (int)Math.Floor(a + 0.5);
                    var rim = n == 0 ? 2 * a : a + 0.5 - n;
                    for (var x = 0; x < w; x++)
                    {
                        double sum;
                        if (n == 0)
                        {
                            sum = rim * (p[x + 1] - p[x]);
                        }
                        else
                        {
                            // Beyond the page's sides the edge pixels repeat (no dark frame).
                            var lo = Math.Max(0, x - n + 1);
                            var hi = Math.Min(w - 1, x + n - 1);
                            var left = Math.Max(0, x - n);
                            var right = Math.Min(w - 1, x + n);
                            var outside = (lo - (x - n + 1)) * (p[1] - p[0]) + ((x + n - 1 - hi) * (p[w] - p[w - 1]));
                            sum = p[hi + 1] - p[lo] + outside + (rim * ((p[left + 1] - p[left]) + (p[right + 1] - p[right])));
                        }

                        accumulator[x] += sum;
                    }
                }

                for (var x = 0; x < w; x++)
                {
                    output[(((y * w) + x) * bpp) + c] = (byte)Math.Clamp(Math.Round(accumulator[x] / total), 0, 255);
                }
            }
        }

        return new RasterImage(w, h, image.Format, output, image.Dpi);
    }

    /// <summary>A grey page rendered in colour: grey level v mixes ink (v = 0) and paper (v = 255) linearly per channel.</summary>
    public static RasterImage Colourize(RasterImage grey, (byte R, byte G, byte B) paper, (byte R, byte G, byte B) ink)
    {
        if (grey.Format != PixelFormat.Gray8)
        {
            return grey;
        }

        var rgb = new byte[grey.Width * grey.Height * 3];
        for (var y = 0; y < grey.Height; y++)
        {
            var row = grey.Row(y);
            for (var x = 0; x < grey.Width; x++)
            {
                var t = row[x] / 255.0;
                var i = ((y * grey.Width) + x) * 3;
                rgb[i] = (byte)Math.Round(ink.R + ((paper.R - ink.R) * t));
                rgb[i + 1] = (byte)Math.Round(ink.G + ((paper.G - ink.G) * t));
                rgb[i + 2] = (byte)Math.Round(ink.B + ((paper.B - ink.B) * t));
            }
        }

        return new RasterImage(grey.Width, grey.Height, PixelFormat.Rgb24, rgb, grey.Dpi);
    }

    /// <summary>Adds Gaussian sensor noise (σ grey levels) and a radial light fall-off (fraction lost in the corners).</summary>
    public static RasterImage Sensor(RasterImage image, double noise, double falloff, Random random)
    {
        var (w, h, bpp) = (image.Width, image.Height, image.BytesPerPixel);
        var output = new byte[w * h * bpp];
        var (cx, cy) = (w / 2.0, h / 2.0);
        var corner = (cx * cx) + (cy * cy);
        for (var y = 0; y < h; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < w; x++)
            {
                var gain = 1 - (falloff * (((x - cx) * (x - cx)) + ((y - cy) * (y - cy))) / corner);
                for (var c = 0; c < bpp; c++)
                {
                    var u1 = 1.0 - random.NextDouble();
                    var u2 = random.NextDouble();
                    var gauss = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                    output[(((y * w) + x) * bpp) + c] = (byte)Math.Clamp(Math.Round((row[(x * bpp) + c] * gain) + (gauss * noise)), 0, 255);
                }
            }
        }

        return new RasterImage(w, h, image.Format, output, image.Dpi);
    }

    /// <summary>Encodes as JPEG at <paramref name="quality"/> and decodes again (what a camera or a scanner's JPEG mode leaves).</summary>
    public static RasterImage Jpeg(RasterImage image, int quality)
    {
        var info = new SkiaSharp.SKImageInfo(image.Width, image.Height, image.Format == PixelFormat.Gray8 ? SkiaSharp.SKColorType.Gray8 : SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Opaque);
        var pixels = image.Format == PixelFormat.Gray8 ? Copy(image) : ToRgba(image);
        using var bitmap = new SkiaSharp.SKBitmap(info);
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, quality);
        using var decoded = SkiaSharp.SKBitmap.Decode(data, info);
        var bytes = decoded.Bytes;
        if (image.Format == PixelFormat.Gray8)
        {
            return new RasterImage(image.Width, image.Height, PixelFormat.Gray8, bytes, image.Dpi);
        }

        var rgb = new byte[image.Width * image.Height * 3];
        for (var i = 0; i < image.Width * image.Height; i++)
        {
            rgb[i * 3] = bytes[i * 4];
            rgb[(i * 3) + 1] = bytes[(i * 4) + 1];
            rgb[(i * 3) + 2] = bytes[(i * 4) + 2];
        }

        return new RasterImage(image.Width, image.Height, PixelFormat.Rgb24, rgb, image.Dpi);
    }

    private static byte[] Copy(RasterImage image)
    {
        var bytes = new byte[image.Width * image.Height];
        for (var y = 0; y < image.Height; y++)
        {
            image.Row(y)[..image.Width].CopyTo(bytes.AsSpan(y * image.Width));
        }

        return bytes;
    }

    private static byte[] ToRgba(RasterImage image)
    {
        var rgba = new byte[image.Width * image.Height * 4];
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < image.Width; x++)
            {
                var i = ((y * image.Width) + x) * 4;
                rgba[i] = row[x * 3];
                rgba[i + 1] = row[(x * 3) + 1];
                rgba[i + 2] = row[(x * 3) + 2];
                rgba[i + 3] = 255;
            }
        }

        return rgba;
    }
}
