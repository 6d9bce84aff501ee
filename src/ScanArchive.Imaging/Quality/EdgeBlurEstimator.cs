using System.Numerics;
using System.Runtime.Intrinsics;

namespace ScanArchive.Imaging.Quality;

/// <summary>
/// Estimates how blurred a page is from the width of its ink edges. A step edge of contrast C blurred by a
/// Gaussian of σ has a steepest slope of C / (σ·√(2π)), so σ = C / (slope·√(2π)) at every edge crossing; the
/// median over the page's text edges is robust to noise, thin strokes and a few soft specks. Unlike the variance of
/// the Laplacian, this does not depend on how much text the page carries or on its contrast, only on focus.
/// The same pass measures each full-contrast edge's spread (<see cref="EdgeSamples.Spreads"/>): the steepest slope
/// alone misses a lens's defocus, whose disk-shaped blur leaves thin strokes a steep rim.
/// </summary>
internal static class EdgeBlurEstimator
{
    private static readonly double SqrtTwoPi = Math.Sqrt(2 * Math.PI);

    /// <summary>How far an edge ramp is followed either way, in analysis pixels.</summary>
    private const int MaxRamp = 12;

    /// <summary>Median Gaussian σ of the ink edges in analysis pixels, or null when the page has too few edges.</summary>
    /// <param name="image">The analysis image.</param>
    /// <param name="minContrast">Smallest step (grey levels) for an edge to count: well above noise, below the page's ink contrast.</param>
    public static double? MedianSigma(AnalysisImage image, int minContrast) => Median(Samples(image, minContrast));

    /// <summary>The median of sorted σ samples, or null when there are too few for a verdict.</summary>
    public static double? Median(List<float> sortedSigmas) =>
        sortedSigmas.Count < MinSamples ? null : sortedSigmas[sortedSigmas.Count / 2];

    /// <summary>Fewer edge crossings than this (a blank or nearly blank page) give no σ.</summary>
    private const int MinSamples = 200;

    /// <summary>Every edge crossing's σ in analysis pixels, sorted ascending.</summary>
    internal static List<float> Samples(AnalysisImage image, int minContrast) => Measure(image, minContrast, int.MaxValue).Sigmas;

    /// <summary>
    /// Every edge crossing's σ (sorted ascending) and, for the crossings whose ramp spans at least
    /// <paramref name="spreadMinContrast"/> grey levels, the spread of their gradient profile, in one pass.
    /// </summary>
    internal static EdgeSamples Measure(AnalysisImage image, int minContrast, int spreadMinContrast)
    {
        int w = image.Width, h = image.Height;
        var g = image.Grey;
        var samples = new List<float>(8192);
        var spreads = new List<EdgeSpreadSample>(spreadMinContrast == int.MaxValue ? 0 : 4096);
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

                AddSample(g, i, 1, x, w, gx, minContrast, samples, spreadMinContrast, spreads);
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

                AddSample(g, i, w, y, h, gy, minContrast, samples, spreadMinContrast, spreads);
            }
        }

        samples.Sort();
        return new EdgeSamples(samples, spreads);
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

    /// <summary>
    /// Follows the ramp through pixel <paramref name="i"/> both ways while it keeps rising (or falling) and records σ;
    /// for a ramp of at least <paramref name="spreadMinContrast"/> also the spread of its gradient.
    /// </summary>
    private static void AddSample(byte[] g, int i, int stride, int position, int length, int gradient, int minContrast, List<float> samples, int spreadMinContrast, List<EdgeSpreadSample> spreads)
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
        if (contrast >= spreadMinContrast)
        {
            spreads.Add(new EdgeSpreadSample(GradientSpread(g, down, up, stride), (short)contrast));
        }
    }

    /// <summary>
    /// Standard deviation (pixels) of the gradient along the ramp from <paramref name="from"/> to <paramref name="to"/>:
    /// the edge's line spread function, whose second moment is the blur's whatever its shape (a Gaussian of σ gives σ,
    /// a lens's disk of radius r gives r/2), and which a thin stroke's steep rim does not fool as long as the edge is
    /// followed to full contrast. Two small sums over at most 2·<see cref="MaxRamp"/> pixels.
    /// </summary>
    private static float GradientSpread(byte[] g, int from, int to, int stride)
    {
        double total = 0, first = 0, second = 0;
        var k = 0;
        for (var p = from; p != to; p += stride, k++)
        {
            double d = Math.Abs(g[p + stride] - g[p]);
            total += d;
            first += d * k;
            second += d * k * k;
        }

        if (total <= 0)
        {
            return 0;
        }

        var mean = first / total;
        return (float)Math.Sqrt(Math.Max(0, (second / total) - (mean * mean)));
    }
}
