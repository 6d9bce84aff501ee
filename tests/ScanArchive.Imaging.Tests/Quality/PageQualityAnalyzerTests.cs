using ScanArchive.Core.Imaging;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging.Quality;
using ScanArchive.TestSupport;

namespace ScanArchive.Imaging.Tests.Quality;

/// <summary>Quality metrics on the real sample scans and on degraded copies of them (no orientation detector here; see ScanArchive.Ocr.Tests for OSD).</summary>
public class PageQualityAnalyzerTests
{
    private static readonly PageQualityAnalyzer Analyzer = new();

    internal static RasterImage Decode(SamplePage page) =>
        new DocumentReader().ReadPages(page.ImagePath).First().Image ?? throw new InvalidOperationException($"{page} has no image");

    internal static RasterImage Decode(string name) => Decode(SamplePages.First(p => p.ToString() == name, name));

    public static TheoryData<string> CleanDocuments() => [.. SamplePages.All.Where(p => p.IsCleanDocument).Select(p => p.ToString())];

    public static TheoryData<string> PagesWithText() => [.. SamplePages.All.Where(p => !p.Flag("blank")).Select(p => p.ToString())];

    [Theory]
    [MemberData(nameof(CleanDocuments))]
    public void Clean_document_pages_pass(string name)
    {
        var quality = Analyzer.Analyze(Decode(name));

        Assert.True(quality.Verdict == QualityVerdict.Pass, $"{name}: {quality.Describe()}");
        Assert.Equal(300, quality.Metrics.Dpi);
        Assert.InRange(quality.Metrics.Sharpness!.Value, 0.8, 1);
    }

    [Theory]
    [InlineData("qc-blank-page.jpg", QualityReason.Blank)]
    [InlineData("qc-blurry-en-invoice.jpg", QualityReason.Blurry)]
    [InlineData("qc-low-resolution-zh-account-application.jpg", QualityReason.LowResolution)]
    [InlineData("qc-low-contrast-zh-service-record.jpg", QualityReason.LowContrast)]
    public void Each_qc_case_is_flagged_with_its_own_reason_only(string name, QualityReason reason)
    {
        var quality = Analyzer.Analyze(Decode(name));

        Assert.Equal([reason], quality.Reasons);
        Assert.NotEqual(QualityVerdict.Pass, quality.Verdict);
    }

    [Theory]
    [MemberData(nameof(PagesWithText))]
    public void Skew_is_measured_within_a_tenth_of_a_degree_of_the_label(string name)
    {
        var page = SamplePages.First(p => p.ToString() == name, name);

        var quality = Analyzer.Analyze(Decode(page));

        Assert.InRange(quality.Metrics.SkewDegrees, page.Number("skewDegrees") - 0.1, page.Number("skewDegrees") + 0.1);
    }

    [Fact]
    public void Without_an_orientation_detector_a_sideways_page_is_reported_uncertain_not_turned()
    {
        var quality = Analyzer.Analyze(Decode("qc-sideways-en-customer-registration.jpg"));

        Assert.Equal(OrientationMethods.Uncertain, quality.Metrics.OrientationMethod);
        Assert.Equal(0, quality.Metrics.Rotation);
        Assert.Equal([QualityReason.OrientationUncertain], quality.Reasons);
    }

    [Fact]
    public void Sharpness_falls_with_blur_and_strong_blur_fails()
    {
        var page = PageDegradations.Grey(Decode("en-invoice.jpg"));

        var sharp = Analyzer.Analyze(page).Metrics.Sharpness!.Value;
        var mild = Analyzer.Analyze(PageDegradations.Blur(page, 1.2));
        var soft = Analyzer.Analyze(PageDegradations.Blur(page, 4.5));
        var strong = Analyzer.Analyze(PageDegradations.Blur(page, 6));

        Assert.False(mild.Blurry, mild.Describe());
        Assert.True(mild.Metrics.Sharpness < sharp);
        Assert.True(soft.Blurry, soft.Describe());
        Assert.True(strong.Metrics.Sharpness < soft.Metrics.Sharpness);
        Assert.Equal(QualityVerdict.Fail, strong.Verdict);
    }

    [Fact]
    public void Resolution_is_estimated_from_the_text_when_the_file_declares_none()
    {
        var page = Decode("zh-invoice.jpg").WithDpi(null);

        var metrics = Analyzer.Analyze(page).Metrics;

        Assert.Equal(DpiSource.Estimated, metrics.DpiSource);
        Assert.InRange(metrics.Dpi!.Value, 225, 375);
    }

    [Fact]
    public void A_placeholder_resolution_is_not_believed()
    {
        // 96 dpi on a 2480 × 3508 image would be a 36-inch page.
        var metrics = Analyzer.Analyze(Decode("en-invoice.jpg").WithDpi(96)).Metrics;

        Assert.Equal(DpiSource.Estimated, metrics.DpiSource);
        Assert.False(Analyzer.Analyze(Decode("en-invoice.jpg").WithDpi(96)).LowResolution);
    }

    [Fact]
    public void A_blank_sheet_with_punch_holes_dust_and_a_lid_edge_is_blank_but_a_page_with_one_heading_is_not()
    {
        var sheet = SyntheticBlank(punchHoles: true, lidBand: 40, specks: 150);
        var heading = Decode("en-service-agreement.jpg");

        var blank = Analyzer.Analyze(sheet);
        var sparse = Analyzer.Analyze(KeepRows(heading, heading.Height * 8 / 100, heading.Height * 13 / 100));

        Assert.True(blank.Blank, blank.Describe());
        Assert.Equal(2, blank.Metrics.PunchHoles);
        Assert.False(sparse.Blank, sparse.Describe());
    }

    [Fact]
    public void Colour_content_is_flagged_only_when_the_profile_scans_in_lineart()
    {
        var lineart = QualityProfile.Default with { Lineart = true };
        var contract = Decode("zh-contract.jpg");

        Assert.True(Analyzer.Analyze(contract, lineart).Has(QualityReason.ColourLostInLineart));
        Assert.False(Analyzer.Analyze(contract).Has(QualityReason.ColourLostInLineart));
        Assert.False(Analyzer.Analyze(PageDegradations.Grey(contract), lineart).Has(QualityReason.ColourLostInLineart));
        Assert.InRange(Analyzer.Analyze(contract).Metrics.ColourFraction!.Value, 0.001, 0.05);
    }

    [Fact]
    public void Text_running_off_the_right_edge_is_reported_as_cut_off()
    {
        var page = Decode("en-invoice.jpg");

        var cut = Analyzer.Analyze(PageDegradations.Crop(page, new PixelBox(0, 0, page.Width * 3 / 4, page.Height)));

        Assert.Equal(PageSides.Right, cut.Metrics.CutOffSides);
        Assert.True(cut.Has(QualityReason.ContentCutOff));
    }

    [Fact]
    public void Lines_of_a_skewed_page_give_its_angle_even_far_beyond_the_label_range()
    {
        var page = PageDegradations.Grey(Decode("en-service-agreement.jpg"));
        var label = SamplePages.First(p => p.ToString() == "en-service-agreement.jpg", "en-service-agreement").Number("skewDegrees");

        foreach (var extra in new[] { -12.0, 4.0 })
        {
            var metrics = Analyzer.Analyze(PageDegradations.Skew(page, extra)).Metrics;
            Assert.InRange(metrics.SkewDegrees, label + extra - 0.15, label + extra + 0.15);
        }
    }

    /// <summary>An A4 sheet at 300 dpi: grey paper, noise, dust, optional punched holes (dark) and a band of dark lid.</summary>
    internal static RasterImage SyntheticBlank(bool punchHoles, int lidBand, int specks)
    {
        const int W = 2480, H = 3508;
        var random = new Random(7);
        var pixels = new byte[W * H];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(232 + random.Next(-4, 5));
        }

        void Disc(double cx, double cy, double r, byte level)
        {
            for (var y = (int)(cy - r); y <= cy + r; y++)
            {
                for (var x = (int)(cx - r); x <= cx + r; x++)
                {
                    if (x >= 0 && y >= 0 && x < W && y < H && ((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= r * r)
                    {
                        pixels[(y * W) + x] = level;
                    }
                }
            }
        }

        for (var s = 0; s < specks; s++)
        {
            Disc(random.Next(W), random.Next(H), 1 + (random.NextDouble() * 2), (byte)random.Next(60, 160));
        }

        if (punchHoles)
        {
            // ISO 838: 6 mm holes 12 mm from the edge, 80 mm apart.
            Disc(142, (H / 2) - 472, 35, 25);
            Disc(142, (H / 2) + 472, 35, 25);
        }

        for (var y = 0; y < H; y++)
        {
            pixels.AsSpan((y * W) + W - lidBand, lidBand).Fill(60);
        }

        return new RasterImage(W, H, PixelFormat.Gray8, pixels, 300);
    }

    /// <summary>The page with everything outside rows [from, to) painted paper-white.</summary>
    private static RasterImage KeepRows(RasterImage page, int from, int to)
    {
        var grey = PageDegradations.Grey(page);
        var pixels = (byte[])grey.Pixels.Clone();
        for (var y = 0; y < grey.Height; y++)
        {
            if (y < from || y >= to)
            {
                pixels.AsSpan(y * grey.Stride, grey.Width).Fill(240);
            }
        }

        return new RasterImage(grey.Width, grey.Height, PixelFormat.Gray8, pixels, grey.Dpi);
    }
}
