using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Quality;

namespace ScanArchive.Core.Tests;

/// <summary>
/// A page read before it was straightened: its words are carried onto the straightened image (the pixels' side of
/// the geometry is tested against the real straightening in ScanArchive.Imaging.Tests' ReadingCopyTests, the PDF's in
/// ScanArchive.Archive.Tests).
/// </summary>
public class StraighteningTests
{
    private static readonly Straightening HalfDegree = new(1001, 801, 0.5);

    [Fact]
    public void No_turn_and_no_crop_leaves_points_where_they_are()
    {
        var none = new Straightening(1001, 801, 0);

        Assert.Equal((123.0, 456.0), none.Map(123, 456));
        Assert.Equal(new PixelBox(10, 20, 30, 40), none.Map(new PixelBox(10, 20, 30, 40)));
    }

    [Fact]
    public void A_positive_skew_is_undone_clockwise_about_the_centre_and_the_crop_moves_everything_up_and_left()
    {
        // Image y runs down: clockwise on screen takes a point right of the centre down, one above it to the right.
        var (rx, ry) = HalfDegree.Map(1000, 400);
        var (ax, ay) = HalfDegree.Map(500, 0);
        var sin = Math.Sin(0.5 * Math.PI / 180);

        Assert.Equal(400 + (500 * sin), ry, 6);
        Assert.True(rx < 1000);
        Assert.Equal(500 + (400 * sin), ax, 6);
        Assert.True(ay > 0);
        Assert.Equal((500.0, 400.0), HalfDegree.Map(500, 400)); // the centre stays
        var cropped = HalfDegree with { CropX = 7, CropY = 11 };
        Assert.Equal((rx - 7, ry - 11), cropped.Map(1000, 400));
    }

    [Fact]
    public void A_recognition_is_carried_over_word_by_word_with_its_text_layers_area_and_turn()
    {
        var left = new OcrWord("客户", new PixelBox(100, 300, 80, 30), 91);
        var right = new OcrWord("KH2026", new PixelBox(850, 290, 120, 30), 88);
        var read = new OcrPage(1001, 801, 300, 90, "chi_sim+eng", [new OcrLine("客户 KH2026", new PixelBox(100, 290, 870, 40), [left, right])])
        {
            RecognizedArea = new PixelBox(50, 250, 900, 100),
        };
        var straightening = HalfDegree with { CropX = 20, CropY = 10 };

        var carried = straightening.Map(read, 960, 780);

        Assert.Equal((960, 780), (carried.Width, carried.Height));
        var words = Assert.Single(carried.Lines).Words;
        Assert.Equal(["客户", "KH2026"], words.Select(w => w.Text));
        Assert.Equal([91f, 88f], words.Select(w => w.Confidence));
        for (var i = 0; i < 2; i++)
        {
            var before = read.Lines[0].Words[i].Box;
            var after = words[i].Box;
            var (cx, cy) = straightening.Map(before.X + ((before.Width - 1) / 2.0), before.Y + ((before.Height - 1) / 2.0));
            Assert.Equal((before.Width, before.Height), (after.Width, after.Height));
            Assert.InRange(after.X + ((after.Width - 1) / 2.0) - cx, -0.5, 0.5);
            Assert.InRange(after.Y + ((after.Height - 1) / 2.0) - cy, -0.5, 0.5);
        }

        // Left of the centre a word rises, right of it one sinks (the crop takes 10 off both): the tilted line is level now.
        Assert.True(words[0].Box.Y < 300 - 10, $"left word at {words[0].Box}");
        Assert.True(words[1].Box.Y > 290 - 10, $"right word at {words[1].Box}");
        Assert.Equal(words[0].Box.Union(words[1].Box), carried.Lines[0].Box);
        Assert.Equal(straightening.Map(new PixelBox(50, 250, 900, 100)), carried.RecognizedArea);
        Assert.Equal(0.5, carried.StraightenedAfterReadingDegrees);
        Assert.Equal(-0.5, carried.TextLayerSkewDegrees);
    }

    [Fact]
    public void A_whole_page_reading_gets_the_whole_image_as_its_area_so_that_a_crop_cannot_stretch_its_text_layer()
    {
        var read = new OcrPage(1001, 801, 300, 90, "eng", []);

        var carried = (HalfDegree with { CropX = 30, CropY = 40 }).Map(read, 900, 700);

        Assert.Equal(new PixelBox(-30, -40, 1001, 801), carried.RecognizedArea);
    }

    [Fact]
    public async Task The_recognizer_reads_the_copy_and_returns_the_cleaned_image_with_the_words_carried_onto_it()
    {
        var scan = new RasterImage(1001, 801, PixelFormat.Gray8, new byte[1001 * 801], 300);
        var straightened = new RasterImage(1001, 801, PixelFormat.Gray8, new byte[1001 * 801], 300);
        var copyArea = new PixelBox(40, 50, 900, 700);
        var cleaner = new CopyCleaner(straightened, new ReadingCopy(scan, copyArea, HalfDegree));
        var engine = new OneWordEngine(new PixelBox(850, 290, 120, 30));

        var page = await new CheckedPageRecognizer(engine, cleaner).RecognizeAsync(scan);

        Assert.Same(scan, Assert.Single(engine.Seen));
        Assert.Equal(copyArea, engine.Hints[0].ContentArea);
        Assert.Same(straightened, page.Image);
        Assert.Equal(HalfDegree.Map(new PixelBox(850, 290, 120, 30)), page.Ocr.Lines[0].Words[0].Box);
        Assert.Equal(0.5, page.Ocr.StraightenedAfterReadingDegrees);
        Assert.NotNull(page.Ocr.Quality);
    }

    private sealed class CopyCleaner(RasterImage straightened, ReadingCopy copy) : IPageCleaner
    {
        public CleanedPage Clean(RasterImage page, QualityProfile profile, CancellationToken cancellationToken = default) =>
            new(straightened, PageQuality.From(QualityJudgeTests.Good() with { OrientationMethod = OrientationMethods.Ascenders }, profile, new PageCleanup(0, 0.5, null)))
            {
                Reading = copy,
            };

        public CleanedPage Reorient(RasterImage page, QualityProfile profile, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("not expected: the ascender verdict needs no confirmation");
    }

    private sealed class OneWordEngine(PixelBox box) : IOcrEngine
    {
        public List<RasterImage> Seen { get; } = [];

        public List<OcrHints> Hints { get; } = [];

        public string Languages => "fake";

        public int Concurrency => 1;

        public Task<OcrPage> RecognizeAsync(RasterImage page, CancellationToken cancellationToken = default) =>
            RecognizeAsync(page, new OcrHints(false, null), cancellationToken);

        public Task<OcrPage> RecognizeAsync(RasterImage page, OcrHints hints, CancellationToken cancellationToken = default)
        {
            Seen.Add(page);
            Hints.Add(hints);
            return Task.FromResult(new OcrPage(page.Width, page.Height, 300, 92, Languages, [new OcrLine("word", box, [new OcrWord("word", box, 92)])]) { RecognizedArea = hints.ContentArea });
        }

        public void Dispose()
        {
        }
    }
}
