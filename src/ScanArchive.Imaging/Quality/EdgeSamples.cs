namespace ScanArchive.Imaging.Quality;

/// <summary>What one pass of <see cref="EdgeBlurEstimator"/> over the analysis image found at the ink edges.</summary>
/// <param name="Sigmas">Every edge crossing's Gaussian σ from its steepest slope, analysis pixels, sorted ascending.</param>
/// <param name="Spreads">The gradient spread of every crossing whose ramp reached the requested contrast, in scan order.</param>
internal sealed record EdgeSamples(List<float> Sigmas, List<EdgeSpreadSample> Spreads)
{
    /// <summary>
    /// Fewer full-contrast edges than this give no spread: a page of fine print blurred so far that no stroke reaches
    /// its full darkness any more is caught by the slope σ instead (it measures σ 6 px as sharpness 0.27–0.38).
    /// </summary>
    public const int MinSpreadSamples = 60;

    /// <summary>Median spread (analysis pixels) of the edges spanning at least <paramref name="minContrast"/>, or null with too few.</summary>
    public double? MedianSpread(int minContrast)
    {
        var kept = new List<float>(Spreads.Count);
        foreach (var s in Spreads)
        {
            if (s.Contrast >= minContrast)
            {
                kept.Add(s.Spread);
            }
        }

        if (kept.Count < MinSpreadSamples)
        {
            return null;
        }

        kept.Sort();
        return kept[kept.Count / 2];
    }

    /// <summary>
    /// The median gradient spread of the edges spanning at least <paramref name="minContrast"/> as the blur's own spread
    /// in pixels at 150 dpi: the spread every edge has from sampling alone (a step falling between two pixels, √⅙ px) is
    /// taken out, and the rest scaled by the page's resolution. That is the declared one unless the text size implies one
    /// more than <see cref="MaxResolutionDisagreement"/> times higher or lower: declared resolutions lie (a receipt
    /// scanned at about 300 dpi declared 96, and would have measured a blur three times its own), and files without one
    /// are not all A4.
    /// </summary>
    /// <param name="minContrast">Grey levels an edge's ramp must span (full contrast).</param>
    /// <param name="textHeightAnalysis">Median character height in analysis pixels, or null without enough text.</param>
    /// <param name="declaredAnalysisDpi">The file's plausible resolution over the reduction factor, or null.</param>
    /// <param name="assumedAnalysisDpi">The analysis image's resolution as taken for an A4 page, used with neither.</param>
    public double? SpreadAt150(int minContrast, double? textHeightAnalysis, double? declaredAnalysisDpi, double assumedAnalysisDpi)
    {
        if (MedianSpread(minContrast) is not { } s)
        {
            return null;
        }

        double? fromText = textHeightAnalysis is { } h ? 300 * h / PageQualityAnalyzer.TextHeightAt300Dpi : null;
        var analysisDpi = (declaredAnalysisDpi, fromText) switch
        {
            ({ } declared, { } text) when text / declared <= MaxResolutionDisagreement && declared / text <= MaxResolutionDisagreement => declared,
            (_, { } text) => text,
            ({ } declared, null) => declared,
            _ => assumedAnalysisDpi,
        };
        return Math.Sqrt(Math.Max(0, (s * s) - SamplingSpreadVariance)) * AnalysisImage.TargetDpi / analysisDpi;
    }

    /// <summary>
    /// A declared resolution is trusted for the spread while the text size implies one within this factor of it (sample
    /// pages at 200 and 300 dpi: 0.9–1.3; large print at twice the usual size stays within it).
    /// </summary>
    private const double MaxResolutionDisagreement = 2;

    /// <summary>Variance (px²) of a perfect step's gradient sampled at a random phase: weights f and 1 − f one pixel apart.</summary>
    private const double SamplingSpreadVariance = 1.0 / 6;
}
