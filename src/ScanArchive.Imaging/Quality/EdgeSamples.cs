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
    /// The median gradient spread of the edges spanning at least <paramref name="minContrast"/> as the blur's own spread in pixels at 150 dpi for text of the sample
    /// pages' size: the spread every edge has from sampling alone (a step falling between two pixels, √⅙ px) is taken
    /// out, and the rest scaled by the resolution the text size implies. Scaled by the text, because legibility is about
    /// blur against the size of the characters (a receipt's large print stays legible under a blur that would soften
    /// 10-point text) and because declared resolutions lie (a receipt scanned at ~300 dpi declared 96).
    /// </summary>
    /// <param name="minContrast">Grey levels an edge's ramp must span (full contrast).</param>
    /// <param name="textHeightAnalysis">Median character height in analysis pixels, or null without enough text.</param>
    /// <param name="assumedAnalysisDpi">The analysis image's resolution from the file or an A4 page, used without text.</param>
    public double? SpreadAt150(int minContrast, double? textHeightAnalysis, double assumedAnalysisDpi)
    {
        if (MedianSpread(minContrast) is not { } s)
        {
            return null;
        }

        var analysisDpi = textHeightAnalysis is { } h ? 300 * h / PageQualityAnalyzer.TextHeightAt300Dpi : assumedAnalysisDpi;
        return Math.Sqrt(Math.Max(0, (s * s) - SamplingSpreadVariance)) * AnalysisImage.TargetDpi / analysisDpi;
    }

    /// <summary>Variance (px²) of a perfect step's gradient sampled at a random phase: weights f and 1 − f one pixel apart.</summary>
    private const double SamplingSpreadVariance = 1.0 / 6;
}
