using System.Security.Cryptography;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging.Quality;
using ScanArchive.TestSupport;

namespace ScanArchive.Imaging.Tests.Quality;

public class PageCleanerTests
{
    private static readonly PageQualityAnalyzer Remeasure = new();

    [Fact]
    public void A_strongly_skewed_page_comes_out_straight_and_the_original_is_untouched()
    {
        var page = SamplePages.First(p => Math.Abs(p.Number("skewDegrees")) > 5, "strongly skewed");
        var original = PageQualityAnalyzerTests.Decode(page);
        var before = SHA256.HashData(original.Pixels);

        var cleaned = new PageCleaner().Clean(original, QualityProfile.Default);

        Assert.Equal(before, SHA256.HashData(original.Pixels));
        Assert.NotSame(original, cleaned.Image);
        Assert.InRange(cleaned.Quality.Cleanup.DeskewedDegrees, page.Number("skewDegrees") - 0.3, page.Number("skewDegrees") + 0.3);
        Assert.InRange(Remeasure.Analyze(cleaned.Image).Metrics.SkewDegrees, -0.3, 0.3);
        Assert.True(cleaned.Image.Width <= original.Width && cleaned.Image.Height <= original.Height);
    }

    [Theory]
    [InlineData(0.12)]
    [InlineData(-0.2)]
    public void A_skew_below_the_profile_minimum_is_left_alone(double skew)
    {
        var page = PageDegradations.Grey(PageQualityAnalyzerTests.Decode("en-service-agreement.jpg"));
        var label = SamplePages.First(p => p.ToString() == "en-service-agreement.jpg", "agreement").Number("skewDegrees");
        var nearlyStraight = PageDegradations.Skew(page, skew - label);

        var cleaned = new PageCleaner().Clean(nearlyStraight, QualityProfile.Default);

        Assert.Same(nearlyStraight, cleaned.Image);
        Assert.Equal(0, cleaned.Quality.Cleanup.DeskewedDegrees);
        Assert.False(cleaned.Quality.Cleanup.Changed);
    }

    [Fact]
    public void A_blank_page_is_returned_as_it_is_and_flagged()
    {
        var sheet = PageQualityAnalyzerTests.SyntheticBlank(punchHoles: true, lidBand: 0, specks: 80);

        var cleaned = new PageCleaner(new FixedOrientation(180)).Clean(sheet, QualityProfile.Default);

        Assert.Same(sheet, cleaned.Image);
        Assert.True(cleaned.Quality.Blank);
        Assert.Equal(PageCleanup.None, cleaned.Quality.Cleanup);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void A_turned_page_is_turned_back_and_straightened_in_one_step(int turn)
    {
        var upright = PageDegradations.Grey(PageQualityAnalyzerTests.Decode("en-invoice.jpg"));
        var skew = SamplePages.First(p => p.ToString() == "en-invoice.jpg", "en-invoice").Number("skewDegrees");
        var turned = PageDegradations.TurnClockwise(upright, turn);

        var cleaned = new PageCleaner(new KnownTurn(turn, turned)).Clean(turned, QualityProfile.Default);

        Assert.Equal(turn, cleaned.Quality.Cleanup.RotatedClockwise);
        Assert.Equal((upright.Width, upright.Height), (cleaned.Image.Width, cleaned.Image.Height));
        Assert.InRange(cleaned.Quality.Cleanup.DeskewedDegrees, skew - 0.1, skew + 0.1);
        var again = Remeasure.Analyze(cleaned.Image).Metrics;
        Assert.InRange(again.SkewDegrees, -0.1, 0.1);

        // Upright again: ink lies in the same bands as on the upright page, much closer than it would upside down.
        var expected = BandProfile(upright);
        var actual = BandProfile(cleaned.Image);
        Assert.True(Distance(actual, expected) * 3 < Distance([.. actual.Reverse()], expected), $"{Distance(actual, expected)} vs reversed {Distance([.. actual.Reverse()], expected)}");
    }

    [Fact]
    public void An_orientation_below_the_confidence_threshold_is_not_acted_on()
    {
        var page = PageQualityAnalyzerTests.Decode("en-invoice.jpg");

        var cleaned = new PageCleaner(new FixedOrientation(180, confidence: 0.5)).Clean(page, QualityProfile.Default with { MinDeskewDegrees = 5 });

        Assert.Equal(0, cleaned.Quality.Metrics.Rotation);
        Assert.Same(page, cleaned.Image);
    }

    [Fact]
    public void Border_crop_removes_the_scanner_lid_around_a_straightened_sheet()
    {
        var skewed = PageQualityAnalyzerTests.Decode(SamplePages.First(p => Math.Abs(p.Number("skewDegrees")) > 5, "strongly skewed"));

        var plain = new PageCleaner().Clean(skewed, QualityProfile.Default with { CropBorders = false });
        var cropped = new PageCleaner().Clean(skewed, QualityProfile.Default);

        Assert.Null(plain.Quality.Cleanup.Crop);
        var crop = Assert.IsType<PixelBox>(cropped.Quality.Cleanup.Crop);
        Assert.True(crop.Width < skewed.Width && crop.Height < skewed.Height);
        Assert.Equal((crop.Width, crop.Height), (cropped.Image.Width, cropped.Image.Height));

        // What is left is the sheet: its outermost rows and columns are paper, not lid.
        Assert.True(EdgeMean(cropped.Image) > EdgeMean(plain.Image) + 10, $"{EdgeMean(cropped.Image)} vs {EdgeMean(plain.Image)}");
    }

    [Fact]
    public void Transform_turns_exactly_by_quarter_turns_and_keeps_the_resolution()
    {
        var page = PageDegradations.Crop(PageQualityAnalyzerTests.Decode("zh-contract.jpg"), new PixelBox(300, 400, 640, 480));

        foreach (var turn in new[] { 90, 180, 270 })
        {
            var back = PageTransform.Straighten(PageDegradations.TurnClockwise(page, turn), turn, 0, 255);
            Assert.Equal(page.Pixels, back.Pixels);
            Assert.Equal(page.Dpi, back.Dpi);
        }
    }

    /// <summary>Share of the ink in each of 20 horizontal bands.</summary>
    private static double[] BandProfile(RasterImage image)
    {
        var bands = new double[20];
        for (var y = 0; y < image.Height; y++)
        {
            foreach (var v in image.Row(y))
            {
                if (v < 128)
                {
                    bands[y * 20 / image.Height]++;
                }
            }
        }

        var total = bands.Sum();
        return [.. bands.Select(b => b / total)];
    }

    private static double Distance(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Sum();

    private static double EdgeMean(RasterImage image)
    {
        var grey = PageDegradations.Grey(image);
        double sum = 0;
        var n = 0;
        for (var x = 0; x < grey.Width; x++)
        {
            sum += grey.Pixels[x] + grey.Pixels[((grey.Height - 1) * grey.Stride) + x];
            n += 2;
        }

        for (var y = 0; y < grey.Height; y++)
        {
            sum += grey.Pixels[y * grey.Stride] + grey.Pixels[(y * grey.Stride) + grey.Width - 1];
            n += 2;
        }

        return sum / n;
    }

    /// <summary>A stand-in detector (unit tests only; the real OSD detector is tested in ScanArchive.Ocr.Tests).</summary>
    private sealed class FixedOrientation(int rotation, double confidence = 10) : IOrientationDetector
    {
        public OrientationEstimate? Detect(RasterImage page, OrientationEffort effort = OrientationEffort.Full, CancellationToken cancellationToken = default) =>
            new(rotation, confidence, OrientationMethods.Osd);
    }

    /// <summary>
    /// A stand-in that knows how the scan was turned and answers for the copy it is shown: the analyzer shows a page
    /// whose lines run sideways turned a quarter back (270° clockwise), so the copy's own turn is then 270° more.
    /// </summary>
    internal sealed class KnownTurn(int turn, RasterImage scan) : IOrientationDetector
    {
        public OrientationEstimate? Detect(RasterImage page, OrientationEffort effort = OrientationEffort.Full, CancellationToken cancellationToken = default)
        {
            var turnedBack = (page.Width > page.Height) != (scan.Width > scan.Height);
            return new((turn + (turnedBack ? 270 : 0)) % 360, 10, OrientationMethods.Osd);
        }
    }
}
