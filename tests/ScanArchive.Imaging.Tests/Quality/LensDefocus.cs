using ScanArchive.Core.Imaging;

namespace ScanArchive.Imaging.Tests.Quality;

/// <summary>
/// Test pages out of focus the way a lens is (written apart from the code under test): every pixel spread evenly over
/// a disk, its rim weighted by the share of each pixel it covers; and a resampling to a lower resolution by area.
/// </summary>
internal static class LensDefocus
{
    /// <summary>Convolves a grey page with a disk of <paramref name="radius"/> pixels.</summary>
    public static RasterImage Disk(RasterImage image, double radius)
    {
        if (image.Format != PixelFormat.Gray8)
        {
            throw new ArgumentException("grey pages only", nameof(image));
        }

        int w = image.Width, h = image.Height;
        var reach = (int)Math.Ceiling(radius);

        // Per kernel row dy the disk covers a run of half-width a(dy) (averaged over the row's height): pixels within
        // it whole, the two end pixels in part. Each row is then a difference of prefix sums.
        var halfWidth = new double[(2 * reach) + 1];
        double total = 0;
        for (var dy = -reach; dy <= reach; dy++)
        {
            const int Steps = 16;
            double a = 0;
            for (var s = 0; s < Steps; s++)
            {
                var y = dy - 0.5 + ((s + 0.5) / Steps);
                a += Math.Sqrt(Math.Max(0, (radius * radius) - (y * y)));
            }

            halfWidth[dy + reach] = a / Steps;
            total += 2 * halfWidth[dy + reach];
        }

        var prefix = new double[h][];
        for (var y = 0; y < h; y++)
        {
            var p = prefix[y] = new double[w + 1];
            var row = image.Row(y);
            for (var x = 0; x < w; x++)
            {
                p[x + 1] = p[x] + row[x];
            }
        }

        double Sum(double[] p, int from, int to) => p[Math.Clamp(to, 0, w)] - p[Math.Clamp(from, 0, w)];

        var output = new byte[w * h];
        var acc = new double[w];
        for (var y = 0; y < h; y++)
        {
            Array.Clear(acc);
            for (var dy = -reach; dy <= reach; dy++)
            {
                var a = halfWidth[dy + reach];
                if (a <= 0)
                {
                    continue;
                }

                var p = prefix[Math.Clamp(y + dy, 0, h - 1)];
                var whole = (int)Math.Floor(a - 0.5); // pixels |dx| ≤ whole lie inside entirely
                var part = a - 0.5 - whole;           // share of the pixels at ±(whole + 1)
                for (var x = 0; x < w; x++)
                {
                    acc[x] += Sum(p, x - whole, x + whole + 1) +
                        (part * (Sum(p, x - whole - 1, x - whole) + Sum(p, x + whole + 1, x + whole + 2)));
                }
            }

            for (var x = 0; x < w; x++)
            {
                output[(y * w) + x] = (byte)Math.Clamp(Math.Round(acc[x] / total), 0, 255);
            }
        }

        return new RasterImage(w, h, PixelFormat.Gray8, output, image.Dpi);
    }

    /// <summary>A grey page resampled from its resolution to <paramref name="dpi"/> by area averaging (a scanner's lower setting).</summary>
    public static RasterImage Resample(RasterImage image, int dpi)
    {
        var from = image.Dpi ?? throw new ArgumentException("the page declares no resolution", nameof(image));
        var scale = from / (double)dpi;
        int w = (int)(image.Width / scale), h = (int)(image.Height / scale);
        var rows = new double[image.Height * w];
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y).ToArray();
            for (var x = 0; x < w; x++)
            {
                rows[(y * w) + x] = Area(i => row[i], x * scale, (x + 1) * scale, image.Width);
            }
        }

        var output = new byte[w * h];
        for (var x = 0; x < w; x++)
        {
            for (var y = 0; y < h; y++)
            {
                output[(y * w) + x] = (byte)Math.Clamp(Math.Round(Area(i => rows[(i * w) + x], y * scale, (y + 1) * scale, image.Height)), 0, 255);
            }
        }

        return new RasterImage(w, h, PixelFormat.Gray8, output, dpi);
    }

    /// <summary>Mean of the samples over [start, end) in source pixels, partial pixels weighted by their overlap.</summary>
    private static double Area(Func<int, double> sample, double start, double end, int length)
    {
        double sum = 0;
        for (var i = (int)Math.Floor(start); i < Math.Min(length, (int)Math.Ceiling(end)); i++)
        {
            var overlap = Math.Min(end, i + 1) - Math.Max(start, i);
            sum += sample(i) * overlap;
        }

        return sum / (end - start);
    }
}
