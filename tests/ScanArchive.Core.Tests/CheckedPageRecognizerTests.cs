using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Quality;

namespace ScanArchive.Core.Tests;

/// <summary>
/// The order of the page steps and the orientation settled by recognition, with stand-ins (the real cleaner, OSD and
/// Tesseract are tested together in ScanArchive.Ocr.Tests' OrientationDetectorTests).
/// </summary>
public class CheckedPageRecognizerTests
{
    private static readonly RasterImage Scan = Image(1);

    [Fact]
    public async Task A_page_taken_as_upright_that_reads_well_is_confirmed_by_recognition_without_the_full_detector()
    {
        var cleaner = new ScriptedCleaner(OrientationMethods.Assumed, reorientTo: 180);
        var engine = new ConfidenceEngine(upright: 93, turned: 40);

        var page = await new CheckedPageRecognizer(engine, cleaner).RecognizeAsync(Scan);

        Assert.Equal(0, cleaner.Reoriented);
        Assert.Single(engine.Seen);
        Assert.Equal(OrientationMethods.Recognition, page.Ocr.Quality!.Metrics.OrientationMethod);
        Assert.Equal(93, page.Ocr.Quality.Metrics.OrientationConfidence);
        Assert.Equal(0, page.Ocr.Quality.Metrics.Rotation);
    }

    [Fact]
    public async Task A_weak_reading_calls_the_detector_and_a_turned_page_is_read_again_the_right_way_up()
    {
        // The scan is upside down: the cleaner's quick pass keeps it as it is, the full detector turns it.
        var cleaner = new ScriptedCleaner(OrientationMethods.Assumed, reorientTo: 180);
        var engine = new ConfidenceEngine(upright: 45, turned: 91);

        var page = await new CheckedPageRecognizer(engine, cleaner).RecognizeAsync(Scan);

        Assert.Equal(1, cleaner.Reoriented);
        Assert.Equal(2, engine.Seen.Count);
        Assert.Same(engine.Seen[1], page.Image);
        Assert.Equal(91, page.Ocr.MeanConfidence);
        Assert.Equal(180, page.Ocr.Quality!.Metrics.Rotation);
        Assert.Equal(180, page.Ocr.Quality.Cleanup.RotatedClockwise);
        Assert.Equal(OrientationMethods.Osd, page.Ocr.Quality.Metrics.OrientationMethod);
    }

    [Fact]
    public async Task A_turn_that_reads_worse_is_not_taken_and_the_page_is_flagged_for_the_reviewer()
    {
        var cleaner = new ScriptedCleaner(OrientationMethods.Assumed, reorientTo: 180);
        var engine = new ConfidenceEngine(upright: 60, turned: 30);

        var page = await new CheckedPageRecognizer(engine, cleaner).RecognizeAsync(Scan);

        Assert.Equal(2, engine.Seen.Count);
        Assert.Same(engine.Seen[0], page.Image);
        Assert.Equal(60, page.Ocr.MeanConfidence);
        Assert.Equal(0, page.Ocr.Quality!.Metrics.Rotation);
        Assert.Equal(OrientationMethods.Uncertain, page.Ocr.Quality.Metrics.OrientationMethod);
        Assert.True(page.Ocr.Quality.Has(QualityReason.OrientationUncertain));
    }

    [Fact]
    public async Task A_weak_reading_the_detector_agrees_with_is_kept_without_reading_again()
    {
        var cleaner = new ScriptedCleaner(OrientationMethods.Assumed, reorientTo: 0);
        var engine = new ConfidenceEngine(upright: 55, turned: 99);

        var page = await new CheckedPageRecognizer(engine, cleaner).RecognizeAsync(Scan);

        Assert.Equal(1, cleaner.Reoriented);
        Assert.Single(engine.Seen);
        Assert.Equal(OrientationMethods.Osd, page.Ocr.Quality!.Metrics.OrientationMethod);
        Assert.Equal(0, page.Ocr.Quality.Metrics.Rotation);
    }

    [Theory]
    [InlineData(OrientationMethods.CharacterShapes, 0)]
    [InlineData(OrientationMethods.CharacterShapes, 180)]
    [InlineData(OrientationMethods.Descenders, 180)]
    public async Task A_cue_verdict_that_reads_well_stands_without_the_full_detector(string method, int rotation)
    {
        var cleaner = new ScriptedCleaner(method, reorientTo: 90, cleanTo: rotation);
        var engine = new ConfidenceEngine(upright: rotation == 0 ? 92 : 30, turned: 92);

        var page = await new CheckedPageRecognizer(engine, cleaner).RecognizeAsync(Scan);

        Assert.Equal(0, cleaner.Reoriented);
        Assert.Single(engine.Seen);
        Assert.Equal(method, page.Ocr.Quality!.Metrics.OrientationMethod);
        Assert.Equal(rotation, page.Ocr.Quality.Metrics.Rotation);
        Assert.Equal(rotation, page.Ocr.Quality.Cleanup.RotatedClockwise);
    }

    [Theory]
    [InlineData(OrientationMethods.CharacterShapes)]
    [InlineData(OrientationMethods.Descenders)]
    public async Task A_cue_that_turned_the_page_the_wrong_way_is_caught_by_the_weak_reading_and_undone(string method)
    {
        // The scan is upright; the cue turned it upside down (image 2), which reads badly; the full detector says upright.
        var cleaner = new ScriptedCleaner(method, reorientTo: 0, cleanTo: 180);
        var engine = new ConfidenceEngine(upright: 92, turned: 41);

        var page = await new CheckedPageRecognizer(engine, cleaner).RecognizeAsync(Scan);

        Assert.Equal(1, cleaner.Reoriented);
        Assert.Equal(2, engine.Seen.Count);
        Assert.Same(Scan, page.Image);
        Assert.Equal(92, page.Ocr.MeanConfidence);
        Assert.Equal(0, page.Ocr.Quality!.Metrics.Rotation);
        Assert.Equal(0, page.Ocr.Quality.Cleanup.RotatedClockwise);
        Assert.Equal(OrientationMethods.Osd, page.Ocr.Quality.Metrics.OrientationMethod);
    }

    [Theory]
    [InlineData(OrientationMethods.Osd)]
    [InlineData(OrientationMethods.Ascenders)]
    [InlineData(OrientationMethods.None)]
    public async Task Orientation_settled_before_recognition_is_never_second_guessed(string method)
    {
        var cleaner = new ScriptedCleaner(method, reorientTo: 180);
        var engine = new ConfidenceEngine(upright: 20, turned: 95);

        var page = await new CheckedPageRecognizer(engine, cleaner).RecognizeAsync(Scan);

        Assert.Equal(0, cleaner.Reoriented);
        Assert.Single(engine.Seen);
        Assert.Equal(method, page.Ocr.Quality!.Metrics.OrientationMethod);
    }

    [Fact]
    public async Task Without_a_cleaner_the_page_is_read_as_scanned()
    {
        var engine = new ConfidenceEngine(upright: 20, turned: 95);

        var page = await new CheckedPageRecognizer(engine, cleaner: null).RecognizeAsync(Scan);

        Assert.Same(Scan, engine.Seen.Single());
        Assert.Null(page.Ocr.Quality);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task The_engine_is_told_what_the_quality_step_found(bool readContentAreaOnly, bool deskew)
    {
        var area = new PixelBox(1, 1, 2, 2);
        var cleaner = new ScriptedCleaner(OrientationMethods.Ascenders, reorientTo: 0) { ContentArea = area };
        var engine = new ConfidenceEngine(upright: 90, turned: 90);
        var profile = QualityProfile.Default with { ReadContentAreaOnly = readContentAreaOnly, Deskew = deskew };

        await new CheckedPageRecognizer(engine, cleaner, profile).RecognizeAsync(Scan);

        var hints = Assert.Single(engine.Hints);
        Assert.Equal(readContentAreaOnly ? area : null, hints!.ContentArea);
        Assert.Equal(deskew, hints.Straightened);
    }

    private static RasterImage Image(byte turnMark)
    {
        var pixels = new byte[16];
        pixels[0] = turnMark;
        return new RasterImage(4, 4, PixelFormat.Gray8, pixels, 300);
    }

    /// <summary>
    /// Clean returns the page with the given orientation method, as it is or (cleanTo ≠ 0) turned, a new image marked 2;
    /// Reorient turns it the same way when told to.
    /// </summary>
    private sealed class ScriptedCleaner(string method, int reorientTo, int cleanTo = 0) : IPageCleaner
    {
        public int Reoriented { get; private set; }

        public PixelBox? ContentArea { get; init; }

        public CleanedPage Clean(RasterImage page, QualityProfile profile, CancellationToken cancellationToken = default)
        {
            var quality = PageQuality.From(QualityJudgeTests.Good() with { OrientationMethod = method, Rotation = cleanTo, OrientationConfidence = 5 }, profile, new PageCleanup(cleanTo, 0, null));
            return new(cleanTo == 0 ? page : Image(2), quality) { ContentArea = ContentArea };
        }

        public CleanedPage Reorient(RasterImage page, QualityProfile profile, CancellationToken cancellationToken = default)
        {
            Reoriented++;
            var metrics = QualityJudgeTests.Good() with { OrientationMethod = OrientationMethods.Osd, Rotation = reorientTo, OrientationConfidence = 9 };
            return reorientTo == 0
                ? new CleanedPage(page, PageQuality.From(metrics, profile))
                : new CleanedPage(Image(2), PageQuality.From(metrics, profile, new PageCleanup(reorientTo, 0, null)));
        }
    }

    /// <summary>Reads the scan as given with one confidence and the turned image (marked 2) with another.</summary>
    private sealed class ConfidenceEngine(float upright, float turned) : IOcrEngine
    {
        public List<RasterImage> Seen { get; } = [];

        public List<OcrHints?> Hints { get; } = [];

        public string Languages => "fake";

        public int Concurrency => 1;

        public Task<OcrPage> RecognizeAsync(RasterImage page, OcrHints hints, CancellationToken cancellationToken = default)
        {
            Hints.Add(hints);
            return Read(page);
        }

        public Task<OcrPage> RecognizeAsync(RasterImage page, CancellationToken cancellationToken = default) => Read(page);

        private Task<OcrPage> Read(RasterImage page)
        {
            Seen.Add(page);
            var confidence = page.Pixels[0] == 2 ? turned : upright;
            var box = new PixelBox(0, 0, 4, 4);
            return Task.FromResult(new OcrPage(4, 4, 300, confidence, Languages, [new OcrLine("x", box, [new OcrWord("x", box, confidence)])]));
        }

        public void Dispose()
        {
        }
    }
}
