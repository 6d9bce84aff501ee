using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging.Quality;
using ScanArchive.TestSupport;

namespace ScanArchive.Ocr.Tests;

/// <summary>Orientation with the real Tesseract OSD (osd.traineddata) through the quality step, and OCR after cleanup.</summary>
public sealed class OrientationDetectorTests : IClassFixture<OrientationDetectorTests.DetectorFixture>
{
    private readonly DetectorFixture _fixture;

    public OrientationDetectorTests(DetectorFixture fixture)
    {
        _fixture = fixture;
    }

    public static TheoryData<string, int> TurnedPages() => new()
    {
        { "en-invoice.jpg", 90 },
        { "en-invoice.jpg", 180 },
        { "en-invoice.jpg", 270 },
        { "zh-contract.jpg", 90 },
        { "zh-contract.jpg", 180 },
        { "zh-contract.jpg", 270 },
    };

    public static TheoryData<string> CleanDocuments() => [.. SamplePages.All.Where(p => p.IsCleanDocument).Select(p => p.ToString())];

    [Theory]
    [MemberData(nameof(TurnedPages))]
    public async Task Every_quarter_turn_is_found_and_undone_by_a_cheap_cue_and_read_once(string name, int turn)
    {
        var page = PageDegradations.TurnClockwise(EngineFixture.Decode(Sample(name)), turn);
        var counting = new CountingEngine(_fixture.Engine);

        var recognized = await new CheckedPageRecognizer(counting, _fixture.Cleaner).RecognizeAsync(page);
        var quality = recognized.Ocr.Quality!;

        Assert.Equal(turn, quality.Metrics.Rotation);
        Assert.Equal(turn, quality.Cleanup.RotatedClockwise);
        Assert.Equal(QualityVerdict.Pass, quality.Verdict);
        Assert.True(recognized.Ocr.MeanConfidence >= QualityProfile.Default.Thresholds.MinUprightRecognitionConfidence, $"mean confidence {recognized.Ocr.MeanConfidence:F1} after turning");

        // Shown turned across, Latin text is settled by its ascenders (or, upside down, its descenders), Chinese text by
        // its character shapes (the contract has enough digits and Latin for the ascender count to answer first): no
        // OSD, and no reading thrown away.
        Assert.Contains(quality.Metrics.OrientationMethod, new[] { OrientationMethods.Ascenders, OrientationMethods.Descenders, OrientationMethods.CharacterShapes });
        Assert.Equal(1, counting.Pages);
    }

    [Theory]
    [InlineData("qc-sideways-en-customer-registration.jpg")]
    [InlineData("qc-upside-down-zh-invoice.jpg")]
    public async Task The_turned_sample_scans_are_found(string name)
    {
        var sample = Sample(name);

        var quality = (await _fixture.Recognizer.RecognizeAsync(EngineFixture.Decode(sample))).Ocr.Quality!;

        Assert.Equal((int)sample.Number("rotation"), quality.Metrics.Rotation);
    }

    [Fact]
    public async Task An_upright_chinese_page_is_settled_by_its_character_shapes_and_read_once()
    {
        var counting = new CountingEngine(_fixture.Engine);
        var recognizer = new CheckedPageRecognizer(counting, _fixture.Cleaner);

        var page = await recognizer.RecognizeAsync(EngineFixture.Decode(Sample("zh-invoice.jpg")));

        Assert.Equal(1, counting.Pages);
        Assert.Equal(OrientationMethods.CharacterShapes, page.Ocr.Quality!.Metrics.OrientationMethod);
        Assert.True(page.Ocr.Quality.Metrics.OrientationConfidence >= 4);
        Assert.Equal(0, page.Ocr.Quality.Metrics.Rotation);
    }

    [Theory]
    [MemberData(nameof(CleanDocuments))]
    public void Upright_pages_stay_upright(string name)
    {
        var quality = _fixture.Cleaner.Clean(EngineFixture.Decode(Sample(name)), QualityProfile.Default).Quality;

        Assert.Equal(0, quality.Metrics.Rotation);
        Assert.NotEqual(OrientationMethods.Uncertain, quality.Metrics.OrientationMethod);
    }

    [Fact]
    public void Upright_text_is_settled_by_cheap_cues_and_by_osd_only_when_the_profile_or_a_weak_reading_asks()
    {
        var latin = _fixture.Cleaner.Clean(EngineFixture.Decode(Sample("en-service-agreement.jpg")), QualityProfile.Default).Quality;
        var chinese = EngineFixture.Decode(Sample("zh-invoice.jpg"));
        var cheap = _fixture.Cleaner.Clean(chinese, QualityProfile.Default).Quality;
        var osdFirst = _fixture.Cleaner.Clean(chinese, QualityProfile.Default with { ConfirmUprightByRecognition = false }).Quality;
        var reoriented = _fixture.Cleaner.Reorient(chinese, QualityProfile.Default).Quality;

        Assert.Equal(OrientationMethods.Ascenders, latin.Metrics.OrientationMethod);
        Assert.Equal(OrientationMethods.CharacterShapes, cheap.Metrics.OrientationMethod);
        Assert.Equal(OrientationMethods.Osd, osdFirst.Metrics.OrientationMethod);
        Assert.Equal(OrientationMethods.Osd, reoriented.Metrics.OrientationMethod);
        Assert.All(new[] { cheap, osdFirst, reoriented }, q => Assert.Equal(0, q.Metrics.Rotation));
    }

    [Fact]
    public void A_page_without_text_has_no_orientation()
    {
        var pixels = new byte[1240 * 1754];
        Array.Fill(pixels, (byte)235);

        Assert.Null(_fixture.Detector.Detect(new RasterImage(1240, 1754, PixelFormat.Gray8, pixels, 150)));
    }

    [Fact]
    public void A_missing_tessdata_folder_is_a_clear_error()
    {
        var error = Assert.Throws<OcrException>(() => TesseractOrientationDetector.Create("/nonexistent/tessdata"));
        Assert.Contains("/nonexistent/tessdata", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Recognizing the sideways and the strongly skewed sample after cleanup finds at least the ground-truth words that
    /// the raw scan and the engine's own deskew find (Tesseract reads a sideways Latin page fairly well by itself; the
    /// 9° form loses its left column to the scanner lid without cleanup), and the engine finds nothing left to
    /// straighten (no second rotation).
    /// </summary>
    [Theory]
    [InlineData("qc-sideways-en-customer-registration.jpg")]
    [InlineData("qc-skewed-zh-customer-registration.jpg")]
    public async Task Cleaned_pages_read_better_and_are_not_rotated_twice(string name)
    {
        var sample = Sample(name);
        var raw = EngineFixture.Decode(sample);
        using var pool = TesseractEnginePool.Create(new TesseractOptions { Workers = 1, Deskew = false });
        using var deskewing = TesseractEnginePool.Create(new TesseractOptions { Workers = 1 });

        var cleaned = _fixture.Cleaner.Clean(raw, QualityProfile.Default);
        var before = await pool.RecognizeAsync(raw);
        var after = await deskewing.RecognizeAsync(cleaned.Image);

        var expected = Tokens(sample.Text);
        var found = Recall(expected, Tokens(ReadingOrder.Text(after.Lines)));
        var raw0 = Recall(expected, Tokens(ReadingOrder.Text(before.Lines)));
        var engineOnly = Recall(expected, Tokens(ReadingOrder.Text((await deskewing.RecognizeAsync(raw)).Lines)));
        Assert.True(found > 0.7, $"{found:P0} of the ground-truth tokens after cleanup, raw {raw0:P0}, engine's own deskew {engineOnly:P0}");
        // Within one point: skews under MinDeskewDegrees are left alone, which can cost the odd token on a page turned upright.
        Assert.True(found >= Math.Max(raw0, engineOnly) - 0.01, $"{found:P0} of the ground-truth tokens after cleanup, raw {raw0:P0}, engine's own deskew {engineOnly:P0}");
        Assert.Equal(0, after.SkewCorrectedDegrees);
    }

    private static SamplePage Sample(string name) => SamplePages.First(p => p.ToString() == name, name);

    /// <summary>Whitespace-separated words, with every CJK character its own token (as score.py counts them).</summary>
    private static List<string> Tokens(string text) =>
        [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).SelectMany(w => OcrText.IsCjk(w[0]) ? w.Select(c => c.ToString()) : new[] { w })];

    private static double Recall(List<string> expected, List<string> actual)
    {
        var pool = actual.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var hits = 0;
        foreach (var token in expected)
        {
            if (pool.TryGetValue(token, out var n) && n > 0)
            {
                pool[token] = n - 1;
                hits++;
            }
        }

        return expected.Count == 0 ? 1 : hits / (double)expected.Count;
    }

    public sealed class DetectorFixture : IDisposable
    {
        public DetectorFixture()
        {
            Detector = TesseractOrientationDetector.Create();
            Cleaner = new PageCleaner(Detector);
            Engine = TesseractEnginePool.Create(new TesseractOptions { Workers = 1 });
            Recognizer = new CheckedPageRecognizer(Engine, Cleaner);
        }

        public TesseractOrientationDetector Detector { get; }

        public PageCleaner Cleaner { get; }

        public TesseractEnginePool Engine { get; }

        /// <summary>The real page steps: quality check and cleanup, recognition, orientation settled by recognition where needed.</summary>
        public CheckedPageRecognizer Recognizer { get; }

        public void Dispose()
        {
            Engine.Dispose();
            Detector.Dispose();
        }
    }

    /// <summary>Passes pages to the real engine and counts them.</summary>
    private sealed class CountingEngine(IOcrEngine inner) : IOcrEngine
    {
        private int _pages;

        public int Pages => _pages;

        public string Languages => inner.Languages;

        public int Concurrency => inner.Concurrency;

        public Task<OcrPage> RecognizeAsync(RasterImage page, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _pages);
            return inner.RecognizeAsync(page, cancellationToken);
        }

        public void Dispose()
        {
        }
    }
}
