namespace ScanArchive.Imaging.Quality;

/// <summary>The best line angle along one axis of the image.</summary>
/// <param name="Degrees">Skew, positive = counter-clockwise as seen on screen (for horizontal lines: the right end is higher).</param>
/// <param name="Score">Profile sharpness at that angle (comparable between the two axes of one image).</param>
/// <param name="Strength">Score at the best angle ÷ mean score over the sweep (1 = no line structure).</param>
internal readonly record struct AxisSkew(double Degrees, double Score, double Strength);

/// <summary>
/// Line structure along both axes: text lines of an upright page run horizontally, of a sideways page vertically.
/// The vertical sweep is made only when asked for (a page found turned a quarter): on upright pages it is half the
/// estimator's cost for nothing.
/// </summary>
internal sealed class SkewEstimate
{
    private readonly Lazy<AxisSkew> _vertical;

    public SkewEstimate(AxisSkew horizontal, Func<AxisSkew> vertical)
    {
        Horizontal = horizontal;
        _vertical = new Lazy<AxisSkew>(vertical, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static SkewEstimate None { get; } = new(new AxisSkew(0, 0, 1), () => new AxisSkew(0, 0, 1));

    public AxisSkew Horizontal { get; }

    public AxisSkew Vertical => _vertical.Value;

    /// <summary>The skew along the axis the text lines run on for a page turned by <paramref name="rotationClockwise"/>.</summary>
    public AxisSkew ForRotation(int rotationClockwise) => rotationClockwise is 90 or 270 ? Vertical : Horizontal;
}

/// <summary>
/// Finds the skew of text lines by projection profiles: ink pixels are projected onto the page's vertical axis
/// along lines tilted by each candidate angle, and the angle whose profile shows the sharpest line/gap transitions
/// wins (the criterion Leptonica's pixFindSkew uses: sum of squared differences of adjacent bins). The same is done
/// for vertical lines, which tells a sideways page from an upright one.
/// </summary>
internal static class SkewEstimator
{
    private const double CoarseStep = 0.5;
    private const double FineStep = 0.05;

    /// <summary>Points beyond this are sampled evenly: the profile shape does not need every pixel.</summary>
    internal const int MaxPoints = 60_000;

    /// <param name="xs">X of the ink points.</param>
    /// <param name="ys">Y of the ink points.</param>
    /// <param name="width">Image width.</param>
    /// <param name="height">Image height.</param>
    /// <param name="maxDegrees">Search range either way.</param>
    public static SkewEstimate Estimate(int[] xs, int[] ys, int count, int width, int height, double maxDegrees)
    {
        if (count < 50)
        {
            return SkewEstimate.None;
        }

        var step = Math.Max(1, count / MaxPoints);
        var n = count / step;
        var px = new float[n];
        var py = new float[n];
        for (var i = 0; i < n; i++)
        {
            px[i] = xs[i * step];
            py[i] = ys[i * step];
        }

        var horizontal = Sweep(px, py, width, height, maxDegrees);
        return new SkewEstimate(
            new AxisSkew(horizontal.Angle, horizontal.Score, horizontal.Mean > 0 ? horizontal.Score / horizontal.Mean : 1),
            () =>
            {
                // A vertical line tilted counter-clockwise by θ runs x = x0 + y·tanθ; swapping the axes and negating
                // the angle turns that into the horizontal case.
                var vertical = Sweep(py, px, height, width, maxDegrees);
                return new AxisSkew(-vertical.Angle, vertical.Score, vertical.Mean > 0 ? vertical.Score / vertical.Mean : 1);
            });
    }

    private readonly record struct SweepResult(double Angle, double Score, double Mean);

    /// <summary>Coarse sweep, then a fine search around the best coarse angle, then a parabola through the top three.</summary>
    private static SweepResult Sweep(float[] xs, float[] ys, int width, int height, double maxDegrees)
    {
        var margin = (int)Math.Ceiling(width * Math.Tan(maxDegrees * Math.PI / 180)) + 2;
        var bins = new int[height + (2 * margin)];
        double bestAngle = 0, bestScore = double.MinValue, sum = 0;
        var steps = 0;
        for (var a = -maxDegrees; a <= maxDegrees + 1e-9; a += CoarseStep)
        {
            var s = Score(xs, ys, a, bins, margin);
            sum += s;
            steps++;
            if (s > bestScore)
            {
                (bestScore, bestAngle) = (s, a);
            }
        }

        var mean = sum / steps;
        var coarse = bestAngle;
        double fineBest = coarse, fineScore = bestScore;
        var scores = new Dictionary<int, double>();
        for (var k = -(int)(CoarseStep / FineStep); k <= (int)(CoarseStep / FineStep); k++)
        {
            var a = coarse + (k * FineStep);
            var s = k == 0 ? bestScore : Score(xs, ys, a, bins, margin);
            scores[k] = s;
            if (s > fineScore)
            {
                (fineScore, fineBest) = (s, a);
            }
        }

        var kb = (int)Math.Round((fineBest - coarse) / FineStep);
        if (scores.TryGetValue(kb - 1, out var left) && scores.TryGetValue(kb + 1, out var right))
        {
            var denominator = left - (2 * fineScore) + right;
            if (denominator < 0)
            {
                fineBest += FineStep * 0.5 * (left - right) / denominator;
            }
        }

        return new SweepResult(fineBest, fineScore, mean);
    }

    /// <summary>Sum of squared differences of adjacent bins of the profile along lines at <paramref name="degrees"/>.</summary>
    private static double Score(float[] xs, float[] ys, double degrees, int[] bins, int margin)
    {
        Array.Clear(bins);
        var t = (float)Math.Tan(degrees * Math.PI / 180);
        for (var i = 0; i < xs.Length; i++)
        {
            // y + x·tanθ is constant along a line whose right end rises by θ (image y points down).
            var b = (int)(ys[i] + (xs[i] * t) + margin + 0.5f);
            if ((uint)b < (uint)bins.Length)
            {
                bins[b]++;
            }
        }

        double score = 0;
        for (var i = 1; i < bins.Length; i++)
        {
            double d = bins[i] - bins[i - 1];
            score += d * d;
        }

        return score;
    }
}
