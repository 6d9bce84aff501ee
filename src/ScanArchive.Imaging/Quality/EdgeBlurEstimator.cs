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
        int w = image.Width, h = image.Height;
        var g = image.Grey;
        var samples = new List<float>(8192);
        var minSlope = Math.Max(4, minContrast / 8);

        // Horizontal crossings, every second row (plenty of samples, half the cost).
        for (var y = 2; y < h - 2; y += 2)
        {
            var row = y * w;
            for (var x = 2; x < w - 2; x++)
            {
                var i = row + x;
                var gx = g[i + 1] - g[i - 1];
                var ax = Math.Abs(gx);
                if (ax < 2 * minSlope)
                {
                    continue;
                }

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
            for (var x = 2; x < w - 2; x += 2)
            {
                var i = row + x;
                var gy = g[i + w] - g[i - w];
                var ay = Math.Abs(gy);
                if (ay < 2 * minSlope)
                {
                    continue;
                }

                var gx = g[i + 1] - g[i - 1];
                if (Math.Abs(gx) > ay || ay < Math.Abs(g[i] - g[i - (2 * w)]) || ay <= Math.Abs(g[i + (2 * w)] - g[i]))
                {
                    continue;
                }

                AddSample(g, i, w, y, h, gy, minContrast, samples);
            }
        }

        if (samples.Count < 200)
        {
            return null;
        }

        samples.Sort();
        return samples[samples.Count / 2];
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
