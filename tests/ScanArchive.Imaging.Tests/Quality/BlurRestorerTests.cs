using System.Security.Cryptography;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging.Quality;
using ScanArchive.TestSupport;

namespace ScanArchive.Imaging.Tests.Quality;

/// <summary>Restoring blurry pages before OCR: sharper by the project's own measure, gated on the measured blur.</summary>
public class BlurRestorerTests
{
    private static readonly PageQualityAnalyzer Analyzer = new();

    private static readonly QualityProfile NoRestore = QualityProfile.Default with { RestoreBlur = false };

    public static TheoryData<string> CleanDocuments() => PageQualityAnalyzerTests.CleanDocuments();

    [Theory]
    [InlineData("en-invoice.jpg", 4.0)]
    [InlineData("zh-contract.jpg", 5.5)]
    public void A_page_blurred_out_of_focus_comes_out_sharper_and_the_cleanup_says_so(string name, double sigma)
    {
        var blurred = PageDegradations.Blur(PageDegradations.Grey(PageQualityAnalyzerTests.Decode(name)), sigma);
        var before = Analyzer.Analyze(blurred);
        var hash = SHA256.HashData(blurred.Pixels);
        Assert.True(before.Blurry, before.Describe());

        var cleaned = new PageCleaner().Clean(blurred, QualityProfile.Default);
        var after = Analyzer.Analyze(cleaned.Image);

        Assert.Equal(hash, SHA256.HashData(blurred.Pixels));
        Assert.NotNull(cleaned.Quality.Cleanup.RestoredBlurSigma);
        Assert.True(cleaned.Quality.Cleanup.Changed);
        Assert.True(cleaned.Quality.Blurry, "the verdict is about the scan, not the restored copy");
        Assert.True(after.Metrics.Sharpness > before.Metrics.Sharpness + 0.08, $"sharpness {before.Metrics.Sharpness} -> {after.Metrics.Sharpness}");
        Assert.Equal((blurred.Width, blurred.Height, blurred.Format, blurred.Dpi), (cleaned.Image.Width, cleaned.Image.Height, cleaned.Image.Format, cleaned.Image.Dpi));
    }

    [Theory]
    [MemberData(nameof(CleanDocuments))]
    public void A_sharp_page_is_left_byte_identical(string name)
    {
        var page = PageQualityAnalyzerTests.Decode(name);
        var cleaner = new PageCleaner();

        var restoring = cleaner.Clean(page, QualityProfile.Default);
        var plain = cleaner.Clean(page, NoRestore);

        Assert.Null(restoring.Quality.Cleanup.RestoredBlurSigma);
        Assert.Equal(SHA256.HashData(plain.Image.Pixels), SHA256.HashData(restoring.Image.Pixels));
    }

    [Fact]
    public void Soft_pages_above_the_sharpness_limit_are_warned_about_but_left_alone()
    {
        // σ 3 px (0.25 mm) measures sharpness 0.58–0.65, above its limit: OCR reads it well (CER 0.05), so it is not
        // restored. It is visibly out of focus, though, and its edge spread (≈ 1.0–1.4) gets it a warning (issue 17).
        var soft = PageDegradations.Blur(PageDegradations.Grey(PageQualityAnalyzerTests.Decode("en-invoice.jpg")), 3.0);

        var cleaned = new PageCleaner().Clean(soft, QualityProfile.Default);

        Assert.True(cleaned.Quality.Metrics.Sharpness >= QualityProfile.Default.Thresholds.MinSharpness, cleaned.Quality.Describe());
        Assert.True(cleaned.Quality.Blurry, cleaned.Quality.Describe());
        Assert.Equal(QualityVerdict.Warn, cleaned.Quality.Verdict);
        Assert.Null(cleaned.Quality.Cleanup.RestoredBlurSigma);
        Assert.Equal(SHA256.HashData(new PageCleaner().Clean(soft, NoRestore).Image.Pixels), SHA256.HashData(cleaned.Image.Pixels));
    }

    [Fact]
    public void The_profile_can_turn_restoration_off()
    {
        var blurred = PageDegradations.Blur(PageDegradations.Grey(PageQualityAnalyzerTests.Decode("en-invoice.jpg")), 5.0);

        var cleaner = new PageCleaner();

        var off = cleaner.Clean(blurred, NoRestore);
        var on = cleaner.Clean(blurred, QualityProfile.Default);

        Assert.True(off.Quality.Blurry);
        Assert.Null(off.Quality.Cleanup.RestoredBlurSigma);
        Assert.NotNull(on.Quality.Cleanup.RestoredBlurSigma);
        Assert.Equal(off.Quality.Cleanup with { RestoredBlurSigma = on.Quality.Cleanup.RestoredBlurSigma }, on.Quality.Cleanup);
        Assert.NotEqual(SHA256.HashData(off.Image.Pixels), SHA256.HashData(on.Image.Pixels));
    }

    [Fact]
    public void Flat_paper_stays_the_same_level_and_colour_survives()
    {
        // A cream page with a red bar: the filter's DC gain is 1, and the change in luminance is added to every channel.
        const int W = 400, H = 300;
        var pixels = new byte[W * H * 3];
        for (var i = 0; i < W * H; i++)
        {
            var x = i % W;
            var y = i / W;
            var bar = x is >= 100 and < 300 && y is >= 80 and < 220;
            pixels[(3 * i) + 0] = bar ? (byte)200 : (byte)240;
            pixels[(3 * i) + 1] = bar ? (byte)30 : (byte)235;
            pixels[(3 * i) + 2] = bar ? (byte)30 : (byte)220;
        }

        var page = new RasterImage(W, H, PixelFormat.Rgb24, pixels, 300);

        var restored = BlurRestorer.Restore(page, 4);

        Assert.Equal(page.Pixels.AsSpan(0, 3 * 20).ToArray(), restored.Pixels.AsSpan(0, 3 * 20).ToArray());
        var centre = ((150 * W) + 200) * 3;
        Assert.InRange(restored.Pixels[centre], 190, 210);
        Assert.InRange(restored.Pixels[centre + 1], 20, 40);
        Assert.Equal(300, restored.Dpi);
    }

    [Fact]
    public void The_filter_inverts_a_Gaussian_blur_where_the_blur_left_signal()
    {
        // At every frequency the blur kept at least a quarter of, filter × blur is back to within 15 % of 1;
        // beyond, the regularization holds the gain down (noise and JPEG blocks would otherwise become ink).
        foreach (var sigma in new[] { 3.0, 5.0 })
        {
            var kernel = BlurRestorer.WienerKernel(sigma, BlurRestorer.NoiseRatio);
            var h = kernel.Length / 2;
            Assert.Equal(1.0, kernel.Sum(), 3);
            for (var omega = 0.0; omega <= Math.PI; omega += 0.01)
            {
                var blur = Math.Exp(-0.5 * sigma * sigma * omega * omega);
                var filter = Enumerable.Range(0, kernel.Length).Sum(k => kernel[k] * Math.Cos(omega * (k - h)));
                if (blur >= 0.25)
                {
                    Assert.InRange(filter * blur, 0.85, 1.1);
                }
                else
                {
                    Assert.InRange(filter, -0.5, 1 / (2 * Math.Sqrt(BlurRestorer.NoiseRatio)) + 0.5);
                }
            }
        }
    }
}
