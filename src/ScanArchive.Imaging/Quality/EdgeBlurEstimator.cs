using System.Numerics;
using System.Runtime.Intrinsics;

namespace ScanArchive.Imaging.Quality;

/// <summary>
/// Estimates how blurred a page is from the width of its ink edges. A step edge of contrast C blurred by a
/// Gaussian of σ has a steepest slope of C / (σ·√(2π)), so σ = C / (slope·√(2π)) at every edge crossing; the
/// median over the page's text edges is robust to noise, thin strokes and a few soft specks. Unlike the variance of
/// the Laplacian, this does not depend on how much text the page carries or on its contrast, only on focus.
/// </summary>
internal static class EdgeBlurEstimator
{
    private static readonly double SqrtTwoPi = Math.Sqrt(2 * Math.PI);

    /// <summary>How far an edge ramp is followed either way, in analysis pixels.</summary>
    private const int MaxRamp = 12;

    /// <summary>Median Gaussian σ of the ink edges in analysis pixels, or null when the page has too few edges.</summary>
    /// <param name="image">The analysis image.</param>
    /// <param name="minContrast">Smallest step (grey levels) for an edge to count: well above noise, below the page's ink contrast.</param>
    public static double? MedianSigma(AnalysisImage image, int minContrast)
    {
        var samples = Samples(image, minContrast);
        return samples.Count < 200 ? null : samples[samples.Count / 2];
    }

    /// <summary>Every edge crossing's σ in analysis pixels, sorted ascending.</summary>
    internal static List<float> Samples(AnalysisImage image, int minContrast)
    {
        int w = image.Width, h = image.Height;
        var g = image.Grey;
        var samples = new List<float>(8192);
        var minSlope = Math.Max(4, minContrast / 8);

        // Most of a page is plain paper: candidates (a steep enough central difference) are found 16 pixels at a time,
        // and only those are looked at closely. Same samples as testing every pixel, a fraction of the time.
        var steep = (byte)Math.Min(255, 2 * minSlope);
        var candidates = new List<int>(256);

        // Horizontal crossings, every second row (plenty of samples, half the cost).
        for (var y = 2; y < h - 2; y += 2)
        {
            var row = y * w;
            foreach (var x in Candidates(g, row, 1, 2, w - 2, steep, everySecond: false, candidates))
            {
                var i = row + x;
                var gx = g[i + 1] - g[i - 1];
                var ax = Math.Abs(gx);
                var gy = g[i + w] - g[i - w];
                if (Math.Abs(gy) > ax || ax < Math.Abs(g[i] - g[i - 2]) || ax <= Math.Abs(g[i + 2] - g[i]))
                {
                    continue;
                }

                AddSample(g, i, 1, x, w, gx, minContrast, samples);
            }
        }

        // Vertical crossings, every second column.
        for (var y = 2; y < h - 2; y++)
        {
            var row = y * w;
            foreach (var x in Candidates(g, row, w, 2, w - 2, steep, everySecond: true, candidates))
            {
                var i = row + x;
                var gy = g[i + w] - g[i - w];
                var ay = Math.Abs(gy);
                var gx = g[i + 1] - g[i - 1];
                if (Math.Abs(gx) > ay || ay < Math.Abs(g[i] - g[i - (2 * w)]) || ay <= Math.Abs(g[i + (2 * w)] - g[i]))
                {
                    continue;
                }

                AddSample(g, i, w, y, h, gy, minContrast, samples);
            }
        }

        samples.Sort();
        return samples;
    }

    /// <summary>
    /// The x in [from, to) of one row where |g[i + step] − g[i − step]| ≥ <paramref name="steep"/> (i = row + x), in
    /// increasing order; with <paramref name="everySecond"/> only even x. Fills and returns <paramref name="found"/>.
    /// </summary>
    internal static List<int> Candidates(byte[] g, int row, int step, int from, int to, byte steep, bool everySecond, List<int> found)
    {
        found.Clear();
        var x = from;
        if (Vector128.IsHardwareAccelerated)
        {
            var limit = Vector128.Create(steep);
            // Bit k of the mask stands for x + k; from and every block start are even, so even x are the even bits.
            var parity = everySecond ? 0x5555u : 0xFFFFu;
            for (; x + 16 <= to; x += 16)
            {
                var ahead = Vector128.Create(g.AsSpan(row + x + step, 16));
                var behind = Vector128.Create(g.AsSpan(row + x - step, 16));
                var difference = Vector128.Max(ahead, behind) - Vector128.Min(ahead, behind);
                var bits = Vector128.GreaterThanOrEqual(difference, limit).ExtractMostSignificantBits() & parity;
                while (bits != 0)
                {
                    found.Add(x + BitOperations.TrailingZeroCount(bits));
                    bits &= bits - 1;
                }
            }
        }

        for (; x < to; x++)
        {
            if ((!everySecond || (x & 1) == 0) && Math.Abs(g[row + x + step] - g[row + x - step]) >= steep)
            {
                found.Add(x);
            }
        }

        return found;
    }

    /// <summary>Follows the ramp through pixel <paramref name="i"/> both ways while it keeps rising (or falling) and records σ.</summary>
    private static void AddSample(byte[] g, int i, int stride, int position, int length, int gradient, int minContrast, List<float> samples)
    {
        var sign = Math.Sign(gradient);
        int up = i, down = i;
        for (var k = 0; k < MaxRamp && position + k + 1 < length; k++)
        {
            var next = up + stride;
            if ((g[next] - g[up]) * sign < 0)
            {
                break;
            }

            up = next;
        }

        for (var k = 0; k < MaxRamp && position - k - 1 >= 0; k++)
        {
            var next = down - stride;
            if ((g[down] - g[next]) * sign < 0)
            {
                break;
            }

            down = next;
        }

        var contrast = Math.Abs(g[up] - g[down]);
        if (contrast < minContrast)
        {
            return;
        }

        // The central difference spans two pixels.
        var slope = Math.Abs(gradient) / 2.0;
        samples.Add((float)(contrast / (slope * SqrtTwoPi)));
    }
}
