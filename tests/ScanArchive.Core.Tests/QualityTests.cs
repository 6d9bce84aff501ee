using System.Globalization;
using System.Text.Json;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Quality;

namespace ScanArchive.Core.Tests;

public class QualityJudgeTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Measurements of a good 300-dpi office scan.</summary>
    internal static PageQualityMetrics Good() => new()
    {
        Width = 2480,
        Height = 3508,
        Dpi = 300,
        DpiSource = DpiSource.Header,
        TextHeightPixels = 34,
        Sharpness = 0.97,
        InkCoverage = 0.05,
        ContentMarks = 500,
        SkewDegrees = 0.8,
        SkewConfidence = 40,
        OrientationMethod = OrientationMethods.Osd,
        OrientationConfidence = 12,
        Brightness = 238,
        InkLevel = 50,
    };

    [Fact]
    public void A_good_page_passes_with_no_reasons()
    {
        var quality = PageQuality.From(Good(), QualityProfile.Default);

        Assert.Equal(QualityVerdict.Pass, quality.Verdict);
        Assert.Empty(quality.Issues);
        Assert.Equal("Scan quality is fine.", quality.Describe(English));
    }

    [Theory]
    [InlineData(0.5, QualityVerdict.Warn)]
    [InlineData(0.3, QualityVerdict.Fail)]
    public void Blur_warns_then_fails_and_explains_faint_print(double sharpness, QualityVerdict verdict)
    {
        // A blurred page is also pale (ink spread out); that is the blur, not faint print.
        var quality = PageQuality.From(Good() with { Sharpness = sharpness, InkLevel = 170 }, QualityProfile.Default);

        Assert.Equal(verdict, quality.Verdict);
        Assert.Equal([QualityReason.Blurry], quality.Reasons);
        Assert.True(quality.Blurry);
        Assert.False(quality.LowContrast);
    }

    [Theory]
    [InlineData(0.70, QualityVerdict.Pass)]
    [InlineData(QualityThresholds.DefaultMaxEdgeSpread + 0.01, QualityVerdict.Warn)]
    [InlineData(1.4, QualityVerdict.Warn)]
    [InlineData(QualityThresholds.DefaultFailEdgeSpread + 0.01, QualityVerdict.Fail)]
    public void Wide_edges_make_a_page_blurry_even_when_its_edges_look_steep(double spread, QualityVerdict verdict)
    {
        // A lens's defocus: thin strokes keep a steep rim (sharpness well above its limit) while every edge is wide.
        var quality = PageQuality.From(Good() with { Sharpness = 0.72, EdgeSpread = spread }, QualityProfile.Default);

        Assert.Equal(verdict, quality.Verdict);
        Assert.Equal(verdict != QualityVerdict.Pass, quality.Blurry);
    }

    [Fact]
    public void Edge_spread_limits_are_per_profile_and_validated()
    {
        var metrics = Good() with { EdgeSpread = 1.0 };
        var lenient = QualityProfile.Default with { Thresholds = QualityProfile.Default.Thresholds with { MaxEdgeSpread = 1.2 } };
        var inverted = QualityProfile.Default with { Thresholds = QualityProfile.Default.Thresholds with { MaxEdgeSpread = 3, FailEdgeSpread = 2 } };

        Assert.True(PageQuality.From(metrics, QualityProfile.Default).Blurry);
        Assert.False(PageQuality.From(metrics, lenient).Blurry);
        Assert.Empty(QualityProfile.Default.Validate(English));
        Assert.Contains(inverted.Validate(English), p => p.Contains("Edge spread", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_without_full_contrast_edges_is_judged_by_its_sharpness_alone()
    {
        var quality = PageQuality.From(Good() with { Sharpness = 0.9, EdgeSpread = null }, QualityProfile.Default);

        Assert.Equal(QualityVerdict.Pass, quality.Verdict);
    }

    [Fact]
    public void The_blur_message_names_the_edge_spread_when_it_was_measured()
    {
        var quality = PageQuality.From(Good() with { Sharpness = 0.72, EdgeSpread = 1.04 }, QualityProfile.Default);

        Assert.StartsWith("Blurry (sharpness 0.72, edge spread 1.04)", quality.Describe(English), StringComparison.Ordinal);
        Assert.Contains("边缘宽度 1.04", quality.Describe(Chinese), StringComparison.Ordinal);
    }

    [Fact]
    public void Low_resolution_comes_from_the_declared_dpi_or_from_tiny_characters()
    {
        var declared = PageQuality.From(Good() with { Dpi = 100, TextHeightPixels = 15 }, QualityProfile.Default);
        var estimated = PageQuality.From(Good() with { Dpi = 80, DpiSource = DpiSource.Estimated, TextHeightPixels = 9 }, QualityProfile.Default);
        var smallButFine = PageQuality.From(Good() with { Dpi = 240, DpiSource = DpiSource.Estimated, TextHeightPixels = 27 }, QualityProfile.Default);
        var warn = PageQuality.From(Good() with { Dpi = 180, TextHeightPixels = 20 }, QualityProfile.Default);

        Assert.Equal(QualityVerdict.Fail, declared.Verdict);
        Assert.True(declared.LowResolution);
        Assert.Equal(QualityVerdict.Fail, estimated.Verdict);
        Assert.True(estimated.LowResolution);
        Assert.False(smallButFine.LowResolution);
        Assert.Equal(QualityVerdict.Warn, warn.Verdict);
    }

    [Fact]
    public void A_blank_page_is_flagged_with_a_warning_and_nothing_else()
    {
        var metrics = Good() with { InkCoverage = 0.0001, Sharpness = 0.2, InkLevel = 238, TextHeightPixels = null };

        var quality = PageQuality.From(metrics, QualityProfile.Default);

        Assert.Equal(QualityVerdict.Warn, quality.Verdict);
        Assert.Equal([QualityReason.Blank], quality.Reasons);
        Assert.Equal("Blank page (flagged, not removed). Check that the page is meant to be empty.", quality.Describe(English));
        Assert.Equal("空白页（已标记，未删除）。请确认该页确实应为空白。", quality.Describe(Chinese));
    }

    [Fact]
    public void Thresholds_come_from_the_profile()
    {
        var faint = Good() with { InkLevel = 160 };
        var strict = QualityProfile.Default with { Thresholds = new QualityThresholds { MinContrast = 100 } };
        var lenient = QualityProfile.Default with { Thresholds = new QualityThresholds { MinContrast = 60 } };

        Assert.Equal([QualityReason.LowContrast], PageQuality.From(faint, strict).Reasons);
        Assert.Empty(PageQuality.From(faint, lenient).Reasons);
    }

    [Fact]
    public void Colour_is_only_a_problem_for_a_lineart_profile()
    {
        var sealed_ = Good() with { ColourFraction = 0.005 };

        Assert.Empty(PageQuality.From(sealed_, QualityProfile.Default).Reasons);
        Assert.Equal([QualityReason.ColourLostInLineart], PageQuality.From(sealed_, QualityProfile.Default with { Lineart = true }).Reasons);
        Assert.Empty(PageQuality.From(Good() with { ColourFraction = null }, QualityProfile.Default with { Lineart = true }).Reasons);
    }

    [Fact]
    public void Fail_issues_come_first_and_the_sentence_names_every_issue_in_both_languages()
    {
        var metrics = Good() with { Dpi = 100, TextHeightPixels = 12, CutOffSides = PageSides.Right | PageSides.Bottom, OrientationMethod = OrientationMethods.Uncertain };

        var quality = PageQuality.From(metrics, QualityProfile.Default);

        Assert.Equal(QualityVerdict.Fail, quality.Verdict);
        Assert.Equal([QualityReason.LowResolution, QualityReason.ContentCutOff, QualityReason.OrientationUncertain], quality.Reasons);
        Assert.Equal(
            "Resolution too low (100 dpi, characters 12 px tall); content cut off at the bottom and right edge; page orientation unclear, not turned. Scan the page again.",
            quality.Describe(English));
        Assert.Equal(
            "分辨率过低（100 dpi，字高 12 像素）；内容在下、右边缘被裁切；无法确定页面方向，未自动旋转。请重新扫描该页。",
            quality.Describe(Chinese));
    }
}

public class QualityJsonAndPipelineTests
{
    private static OcrPage Page(PageQuality? quality)
    {
        var box = new PixelBox(10, 10, 50, 20);
        return new OcrPage(2480, 3508, 300, 90, "chi_sim+eng", [new OcrLine("姓名", box, [new OcrWord("姓名", box, 90)])]) { Quality = quality };
    }

    [Fact]
    public void Each_page_carries_a_qc_object_in_the_documented_shape()
    {
        var quality = PageQuality.From(QualityJudgeTests.Good() with { Sharpness = 0.3, Rotation = 90, SkewDegrees = -1.234, ColourFraction = 0.0053 }, QualityProfile.Default)
            with { Cleanup = new PageCleanup(90, -1.23, new PixelBox(4, 6, 2400, 3400)) { RestoredBlurSigma = 5.24 } };
        var analysis = new DocumentAnalysis { Input = new AnalysisInput("/in/a.png", "a.png"), Pages = [Page(quality), Page(null)] };

        using var doc = JsonDocument.Parse(AnalysisJson.ToJson(analysis, CultureInfo.GetCultureInfo("en-US")));
        var pages = doc.RootElement.GetProperty("pages");
        var qc = pages[0].GetProperty("qc");

        Assert.Equal("fail", qc.GetProperty("verdict").GetString());
        Assert.Equal(["blurry"], qc.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.StartsWith("Blurry (sharpness 0.30)", qc.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(qc.GetProperty("blurry").GetBoolean());
        foreach (var flag in new[] { "blank", "lowResolution", "lowContrast" })
        {
            Assert.False(qc.GetProperty(flag).GetBoolean());
        }

        Assert.Equal(90, qc.GetProperty("rotation").GetInt32());
        Assert.Equal(-1.23, qc.GetProperty("skewDegrees").GetDouble());
        Assert.Equal(300, qc.GetProperty("dpi").GetInt32());
        Assert.Equal("header", qc.GetProperty("dpiSource").GetString());
        Assert.Equal(0.3, qc.GetProperty("sharpness").GetDouble());
        Assert.Equal(188, qc.GetProperty("contrast").GetDouble());
        Assert.Equal(34, qc.GetProperty("textHeight").GetDouble());
        Assert.Equal(0.0053, qc.GetProperty("colourFraction").GetDouble());
        Assert.Equal("osd", qc.GetProperty("orientationMethod").GetString());
        Assert.Equal(0, qc.GetProperty("cutOffSides").GetArrayLength());
        var cleanup = qc.GetProperty("cleanup");
        Assert.Equal(90, cleanup.GetProperty("rotatedClockwise").GetInt32());
        Assert.Equal(-1.23, cleanup.GetProperty("deskewedDegrees").GetDouble());
        Assert.Equal([4, 6, 2400, 3400], cleanup.GetProperty("crop").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(5.24, cleanup.GetProperty("restoredBlurSigma").GetDouble());
        Assert.Equal(JsonValueKind.Null, pages[1].GetProperty("qc").ValueKind);
    }

    [Fact]
    public async Task The_analyzer_checks_pages_first_skips_blank_ones_and_recognizes_the_cleaned_image()
    {
        var reader = new ListReader(Blank: 2, Pages: 3);
        var engine = new RecordingEngine();
        var cleaner = new MarkingCleaner();
        var analyzer = new DocumentAnalyzer(reader, engine, cleaner);

        var result = await analyzer.AnalyzeAsync(new AnalysisInput("doc", "doc"));

        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Pages.Count);
        Assert.Equal(TextSource.None, result.Pages[1].Source);
        Assert.Empty(result.Pages[1].Lines);
        Assert.True(result.Pages[1].Quality!.Blank);
        Assert.All(new[] { result.Pages[0], result.Pages[2] }, p => Assert.Equal(TextSource.Ocr, p.Source));
        Assert.All(result.Pages, p => Assert.NotNull(p.Quality));

        // Only the cleaned images of the two non-blank pages reached the engine.
        Assert.Equal(2, engine.Seen.Count);
        Assert.All(engine.Seen, image => Assert.Equal(MarkingCleaner.CleanedMark, image.Pixels[1]));
    }

    /// <summary>Pages whose first pixel is the page number; one of them is blank.</summary>
    private sealed record ListReader(int Blank, int Pages) : IDocumentReader
    {
        public DocumentFormat Identify(string path) => DocumentFormat.Png;

        public IEnumerable<DocumentPage> ReadPages(string path)
        {
            for (var i = 1; i <= Pages; i++)
            {
                var pixels = new byte[16];
                pixels[0] = (byte)i;
                yield return DocumentPage.FromImage(i, new RasterImage(4, 4, PixelFormat.Gray8, pixels, 300));
            }
        }
    }

    /// <summary>Says page <c>Blank</c> is blank and marks the images it hands on as cleaned (a new buffer).</summary>
    private sealed class MarkingCleaner : IPageCleaner
    {
        public const byte CleanedMark = 77;

        public CleanedPage Clean(RasterImage page, QualityProfile profile, CancellationToken cancellationToken = default)
        {
            var blank = page.Pixels[0] == 2;
            var metrics = QualityJudgeTests.Good() with { InkCoverage = blank ? 0 : 0.05 };
            var pixels = (byte[])page.Pixels.Clone();
            pixels[1] = CleanedMark;
            return new CleanedPage(blank ? page : new RasterImage(4, 4, PixelFormat.Gray8, pixels, 300), PageQuality.From(metrics, profile));
        }

        public CleanedPage Reorient(RasterImage page, QualityProfile profile, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("no page here is taken as upright pending recognition");
    }

    private sealed class RecordingEngine : IOcrEngine
    {
        public List<RasterImage> Seen { get; } = [];

        public string Languages => "fake";

        public int Concurrency => 1;

        public Task<OcrPage> RecognizeAsync(RasterImage page, CancellationToken cancellationToken = default)
        {
            lock (Seen)
            {
                Seen.Add(page);
            }

            var box = new PixelBox(0, 0, 4, 4);
            return Task.FromResult(new OcrPage(4, 4, 300, 90, Languages, [new OcrLine("x", box, [new OcrWord("x", box, 90)])]));
        }

        public void Dispose()
        {
        }
    }
}
