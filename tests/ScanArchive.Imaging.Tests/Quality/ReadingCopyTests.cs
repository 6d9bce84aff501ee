using ScanArchive.Core.Imaging;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging.Quality;
using ScanArchive.TestSupport;

namespace ScanArchive.Imaging.Tests.Quality;

/// <summary>
/// A page skewed by under a degree is straightened for the archive but read as scanned: the cleaner hands out the
/// upright copy with the geometry that carries its points onto the straightened image, and that geometry must be
/// the one the pixels actually went through.
/// </summary>
public class ReadingCopyTests
{
    private static RasterImage Agreement() => SmallSkewTests.Agreement();

    private static double AgreementLabel() => SmallSkewTests.AgreementLabel();

    [Theory]
    [InlineData(0.6, 0, 0)]
    [InlineData(-0.45, 90, 0)]
    [InlineData(0.8, 0, 80)]
    public void A_small_skew_is_read_from_the_upright_copy_whose_points_land_where_the_straightened_pixels_went(double skew, int turnedBy, int lid)
    {
        var scan = PageDegradations.TurnClockwise(PageDegradations.Skew(Agreement(), skew - AgreementLabel()), turnedBy);
        scan = lid == 0 ? scan : PageDegradations.OnLid(scan, lid);

        var cleaned = new PageCleaner(new PageCleanerTests.KnownTurn(turnedBy, scan)).Reorient(scan, QualityProfile.Default);

        var copy = Assert.IsType<ReadingCopy>(cleaned.Reading);
        Assert.Equal(turnedBy, cleaned.Quality.Cleanup.RotatedClockwise);
        Assert.InRange(copy.ToCleaned.Degrees, skew - 0.1, skew + 0.1);
        Assert.Equal(cleaned.Quality.Cleanup.DeskewedDegrees, Math.Round(copy.ToCleaned.Degrees, 2));
        if (lid == 0)
        {
            Assert.Equal((cleaned.Image.Width, cleaned.Image.Height), (copy.Image.Width, copy.Image.Height));
            Assert.Equal((0, 0), (copy.ToCleaned.CropX, copy.ToCleaned.CropY));
        }
        else
        {
            var crop = Assert.IsType<PixelBox>(cleaned.Quality.Cleanup.Crop); // the lid is cut away after straightening
            Assert.Equal((crop.X, crop.Y), (copy.ToCleaned.CropX, copy.ToCleaned.CropY));
            Assert.InRange(crop.X, lid / 2, lid + 20);
            Assert.Equal((crop.Width, crop.Height), (cleaned.Image.Width, cleaned.Image.Height));
        }

        if (turnedBy == 0 && lid == 0)
        {
            Assert.Same(scan, copy.Image); // nothing to turn: the scan itself, no copy made
        }

        // The copy is upright but still skewed; the cleaned image is straight.
        var remeasure = new PageQualityAnalyzer();
        Assert.InRange(remeasure.Analyze(copy.Image).Metrics.SkewDegrees, skew - 0.1, skew + 0.1);
        Assert.InRange(remeasure.Analyze(cleaned.Image).Metrics.SkewDegrees, -0.05, 0.05);

        // Patches of ink near the corners and the centre (where a wrong turn or centre shows most) look the same at
        // the mapped point of the cleaned image, and worse one or two pixels off.
        var inky = InkyPatches(copy.Image).ToList();
        Assert.True(inky.Count >= 6, $"precondition: ink all over the page ({inky.Count} patches)");
        foreach (var (x, y) in inky)
        {
            var (mx, my) = copy.ToCleaned.Map(x, y);
            var (bx, by) = BestOffset(copy.Image, x, y, cleaned.Image, (int)Math.Round(mx), (int)Math.Round(my));
            Assert.True(Math.Abs(bx) <= 1 && Math.Abs(by) <= 1, $"patch at ({x}, {y}) best matched {bx}, {by} px off its mapped point ({mx:F1}, {my:F1})");
        }
    }

    [Fact]
    public void Pages_to_be_sharpened_straight_pages_and_a_profile_that_reads_straightened_pages_get_no_copy()
    {
        var small = PageDegradations.Skew(Agreement(), 0.6 - AgreementLabel());
        var cleaner = new PageCleaner();

        Assert.Null(cleaner.Clean(small, QualityProfile.Default with { ReadSmallSkewsAsScanned = false }).Reading);
        Assert.Null(cleaner.Clean(PageDegradations.Skew(Agreement(), 3 - AgreementLabel()), QualityProfile.Default).Reading); // a bigger skew: read straightened
        var blurred = cleaner.Clean(PageDegradations.Blur(small, 5), QualityProfile.Default);
        Assert.NotNull(blurred.Quality.Cleanup.RestoredBlurSigma); // precondition: judged blurry and sharpened
        Assert.NotEqual(0, blurred.Quality.Cleanup.DeskewedDegrees);
        Assert.Null(blurred.Reading); // one sharpened copy only
        Assert.Null(cleaner.Clean(small, QualityProfile.Default with { MinDeskewDegrees = 1 }).Reading); // not straightened at all
    }

    /// <summary>Centres of 48-pixel patches with plenty of ink in a 5 × 5 grid over the page.</summary>
    private static IEnumerable<(int X, int Y)> InkyPatches(RasterImage image)
    {
        for (var gy = 1; gy <= 5; gy++)
        {
            for (var gx = 1; gx <= 5; gx++)
            {
                int x = image.Width * gx / 6, y = image.Height * gy / 6;
                for (var step = 0; step < 200; step += 8)
                {
                    // Walk down until the patch holds ink.
                    var dark = 0;
                    for (var dy = -24; dy < 24; dy++)
                    {
                        for (var dx = -24; dx < 24; dx++)
                        {
                            dark += image.Pixels[((y + step + dy) * image.Stride) + x + dx] < 128 ? 1 : 0;
                        }
                    }

                    if (dark > 150)
                    {
                        yield return (x, y + step);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>The shift of <paramref name="b"/>'s patch (within ±3 px) that best matches <paramref name="a"/>'s.</summary>
    private static (int X, int Y) BestOffset(RasterImage a, int ax, int ay, RasterImage b, int bx, int by)
    {
        var best = (X: 0, Y: 0);
        var bestSum = long.MaxValue;
        for (var oy = -3; oy <= 3; oy++)
        {
            for (var ox = -3; ox <= 3; ox++)
            {
                long sum = 0;
                for (var dy = -24; dy < 24; dy++)
                {
                    for (var dx = -24; dx < 24; dx++)
                    {
                        int d = a.Pixels[((ay + dy) * a.Stride) + ax + dx] - b.Pixels[((by + oy + dy) * b.Stride) + bx + ox + dx];
                        sum += d * d;
                    }
                }

                if (sum < bestSum)
                {
                    (bestSum, best) = (sum, (ox, oy));
                }
            }
        }

        return best;
    }
}
