using ScanArchive.Core.Imaging;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging.Quality;
using ScanArchive.TestSupport;

namespace ScanArchive.Imaging.Tests.Quality;

/// <summary>
/// Issue 17: a page visibly out of focus the way a lens is (disk blur, text still legible) must get at least a warning,
/// at 300 and at 200 dpi; sharp pages must not. The slope-based sharpness alone passed such pages (0.58–0.80).
/// </summary>
public class DefocusTests
{
    private static readonly PageQualityAnalyzer Analyzer = new();

    /// <summary>Disk radius of the defocus: strokes soft over several pixels, text still legible (the page).</summary>
    private const double DefocusRadiusMm = 0.35;

    /// <summary>A careful scan's own softness: must stay unflagged.</summary>
    private const double SharpRadiusMm = 0.12;

    private static double Pixels(double mm, int dpi) => mm / 25.4 * dpi;

    private static RasterImage Page(string name, int dpi)
    {
        var page = PageDegradations.Grey(PageQualityAnalyzerTests.Decode(name));
        return dpi == page.Dpi ? page : LensDefocus.Resample(page, dpi);
    }

    [Theory]
    [InlineData("en-invoice.jpg", 300)]
    [InlineData("en-invoice.jpg", 200)]
    [InlineData("zh-contract.jpg", 300)]
    [InlineData("zh-customer-registration.png", 200)]
    public void A_page_out_of_focus_like_a_lens_gets_at_least_a_warning(string name, int dpi)
    {
        var sharp = Analyzer.Analyze(Page(name, dpi));
        var defocused = Analyzer.Analyze(LensDefocus.Disk(Page(name, dpi), Pixels(DefocusRadiusMm, dpi)));

        Assert.False(sharp.Blurry, sharp.Describe());
        Assert.True(defocused.Blurry, $"{name} at {dpi} dpi: {defocused.Describe()} (edge spread {defocused.Metrics.EdgeSpread})");
        Assert.True(defocused.Verdict >= QualityVerdict.Warn);
        Assert.True(defocused.Metrics.EdgeSpread > sharp.Metrics.EdgeSpread + 0.2, $"spread {sharp.Metrics.EdgeSpread} -> {defocused.Metrics.EdgeSpread}");
    }

    [Fact]
    public void The_steepest_slope_alone_would_have_passed_that_page()
    {
        // Guards the reason for the second measure: if this ever fails, the slope-based sharpness catches lens defocus
        // by itself and the edge spread should be re-examined (bench blur).
        var defocused = Analyzer.Analyze(LensDefocus.Disk(Page("en-invoice.jpg", 300), Pixels(DefocusRadiusMm, 300)));

        Assert.True(defocused.Metrics.Sharpness >= QualityProfile.Default.Thresholds.MinSharpness, $"sharpness {defocused.Metrics.Sharpness}");
        Assert.True(defocused.Blurry);
    }

    public static TheoryData<string, int> SharpPages()
    {
        var data = new TheoryData<string, int>();
        foreach (var page in SamplePages.All.Where(p => p.IsCleanDocument))
        {
            data.Add(page.ToString(), 300);
            data.Add(page.ToString(), 200);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SharpPages))]
    public void Sharp_pages_and_a_scanners_own_softness_stay_unflagged(string name, int dpi)
    {
        var page = Page(name, dpi);
        var asScanned = Analyzer.Analyze(page);
        var soft = Analyzer.Analyze(LensDefocus.Disk(page, Pixels(SharpRadiusMm, dpi)));

        Assert.False(asScanned.Blurry, $"{name} at {dpi} dpi: {asScanned.Describe()}");
        Assert.False(soft.Blurry, $"{name} at {dpi} dpi, disk {SharpRadiusMm} mm: {soft.Describe()}");
        Assert.InRange(asScanned.Metrics.EdgeSpread!.Value, 0, QualityProfile.Default.Thresholds.MaxEdgeSpread - 0.1);
    }

    [Fact]
    public void A_page_flagged_only_by_its_edge_spread_is_not_restored_as_if_gaussian()
    {
        var defocused = LensDefocus.Disk(Page("en-invoice.jpg", 300), Pixels(DefocusRadiusMm, 300));

        var cleaned = new PageCleaner().Clean(defocused, QualityProfile.Default);

        Assert.True(cleaned.Quality.Blurry);
        Assert.Null(cleaned.Quality.Cleanup.RestoredBlurSigma);
    }
}
