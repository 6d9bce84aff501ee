using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging.Encoders;
using ScanArchive.Imaging.Quality;
using ScanArchive.TestSupport;
using Xunit.Abstractions;

namespace ScanArchive.Imaging.Tests.Quality;

/// <summary>
/// Skews under a degree are undone by two sub-pixel shears with a Catmull-Rom cubic: exact when there is nothing to
/// do, sharper than a bilinear rotation, straight to the skew estimator's resolution, and the page keeps its
/// resolution, size and format.
/// </summary>
public class SmallSkewTests(ITestOutputHelper output)
{
    private static readonly PageQualityAnalyzer Remeasure = new();

    /// <summary>The grey service agreement, a page with text to its edges.</summary>
    internal static RasterImage Agreement() => PageDegradations.Grey(PageQualityAnalyzerTests.Decode("en-service-agreement.jpg"));

    /// <summary>The agreement's own skew as scanned (its label).</summary>
    internal static double AgreementLabel() =>
        SamplePages.First(p => p.ToString() == "en-service-agreement.jpg", "agreement").Number("skewDegrees");

    [Theory]
    [InlineData(PixelFormat.Gray8)]
    [InlineData(PixelFormat.Rgb24)]
    public void Cubic_shears_by_zero_degrees_give_the_image_back_byte_for_byte(PixelFormat format)
    {
        var page = PageQualityAnalyzerTests.Decode("zh-contract.jpg");
        page = format == PixelFormat.Gray8 ? PageDegradations.Grey(page) : page;
        Assert.Equal(format, page.Format);

        var same = PageTransform.CubicShearRotate(page, 0, 255);

        Assert.Equal(page.Pixels, same.Pixels);
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(-0.7)]
    public void Cubic_shears_keep_glyph_edges_sharper_than_a_bilinear_rotation(double skew)
    {
        // Turned by the skew and back again: what a resampler loses shows as the difference from the scan.
        var page = PageTransform.Crop(Agreement(), new PixelBox(200, 300, 1600, 900));

        var cubic = Difference(page, PageTransform.CubicShearRotate(PageTransform.CubicShearRotate(page, skew, 255), -skew, 255));
        var bilinear = Difference(page, PageTransform.RotateBilinear(PageTransform.RotateBilinear(page, skew, 255), -skew, 255));

        output.WriteLine($"RMS difference after a round trip of {skew}°: cubic shears {cubic:F2}, bilinear {bilinear:F2} grey levels");
        Assert.True(cubic < bilinear * 0.7, $"cubic {cubic:F2} vs bilinear {bilinear:F2}");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.45)]
    [InlineData(-0.7)]
    [InlineData(0.95)]
    public void A_profile_with_a_third_of_a_degree_minimum_straightens_small_skews_to_within_the_estimators_resolution(double skew)
    {
        var skewed = PageDegradations.Skew(Agreement(), skew - AgreementLabel());

        var cleaned = new PageCleaner().Clean(skewed, QualityProfile.Default with { CropBorders = false, MinDeskewDegrees = 0.3 });

        Assert.InRange(cleaned.Quality.Cleanup.DeskewedDegrees, skew - 0.1, skew + 0.1);
        Assert.InRange(Remeasure.Analyze(cleaned.Image).Metrics.SkewDegrees, -0.05, 0.05);
        Assert.Equal(skewed.Dpi, cleaned.Image.Dpi);
        Assert.Equal((skewed.Width, skewed.Height, skewed.Format), (cleaned.Image.Width, cleaned.Image.Height, cleaned.Image.Format));
    }

    [Fact]
    public void A_colour_page_stays_colour_and_keeps_its_resolution()
    {
        var page = PageQualityAnalyzerTests.Decode("zh-contract.jpg");
        var label = SamplePages.First(p => p.ToString() == "zh-contract.jpg", "contract").Number("skewDegrees");
        Assert.InRange(Math.Abs(label), 0.3, 1);

        var cleaned = new PageCleaner().Clean(page, QualityProfile.Default with { CropBorders = false, MinDeskewDegrees = 0.3 });

        Assert.NotEqual(0, cleaned.Quality.Cleanup.DeskewedDegrees);
        Assert.Equal(PixelFormat.Rgb24, cleaned.Image.Format);
        Assert.Equal(page.Dpi, cleaned.Image.Dpi);
        Assert.Equal((page.Width, page.Height), (cleaned.Image.Width, cleaned.Image.Height));
        Assert.InRange(Remeasure.Analyze(cleaned.Image).Metrics.SkewDegrees, -0.05, 0.05);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void A_black_and_white_scan_stays_black_and_white_when_straightened(double extraSkew)
    {
        // The G4 service record (0.59° as scanned), and the same page turned 2° more and made black and white again.
        var page = PageQualityAnalyzerTests.Decode("en-service-record.tif");
        Assert.True(PageImageEncoder.IsBilevel(page), "precondition: a bilevel scan");
        var label = SamplePages.First(p => p.ToString() == "en-service-record.tif", "service record").Number("skewDegrees");
        var scan = extraSkew == 0 ? page : PageTransform.Binarize(PageDegradations.Skew(page, extraSkew));
        Assert.True(PageImageEncoder.IsBilevel(scan), "precondition: still bilevel");

        var cleaned = new PageCleaner().Clean(scan, QualityProfile.Default with { CropBorders = false });

        Assert.InRange(cleaned.Quality.Cleanup.DeskewedDegrees, label + extraSkew - 0.1, label + extraSkew + 0.1);
        Assert.True(PageImageEncoder.IsBilevel(cleaned.Image), "the straightened page has grey pixels");
        Assert.Equal(PageImageKind.CcittG4, new PageImageEncoder().Encode(cleaned.Image).Kind);
        Assert.InRange(Remeasure.Analyze(cleaned.Image).Metrics.SkewDegrees, -0.05, 0.05);
    }

    /// <summary>RMS grey-level difference over the interior (a margin of 40 px, where corners were filled, left out).</summary>
    private static double Difference(RasterImage a, RasterImage b)
    {
        double sum = 0;
        long count = 0;
        for (var y = 40; y < a.Height - 40; y++)
        {
            for (var x = 40; x < a.Width - 40; x++)
            {
                double d = a.Pixels[(y * a.Stride) + x] - b.Pixels[(y * b.Stride) + x];
                sum += d * d;
                count++;
            }
        }

        return Math.Sqrt(sum / count);
    }
}
