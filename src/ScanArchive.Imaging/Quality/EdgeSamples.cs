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
}
