using ScanArchive.Core.Imaging;
using ScanArchive.Imaging.Quality;

namespace ScanArchive.Imaging.Tests.Quality;

/// <summary>
/// The vectorized paths of the quality step give exactly what the plain loops give (their speed is measured in
/// bench/ with quality-stages, not here).
/// </summary>
public class FastPathTests
{
    public static TheoryData<double, int, int, PixelFormat> Angles()
    {
        var data = new TheoryData<double, int, int, PixelFormat>();
        foreach (var format in new[] { PixelFormat.Gray8, PixelFormat.Rgb24 })
        {
            foreach (var (skew, turn, padding) in new[] { (0.3, 0, 0), (-0.3, 0, 0), (1.0, 0, 0), (-1.7, 0, 0), (3.0, 0, 0), (-6.0, 0, 0), (9.0, 0, 0), (-15.0, 0, 0), (2.0, 90, 0), (-2.0, 180, 0), (1.5, 270, 0), (0.01, 0, 0), (4.0, 0, 5), (0.6, 0, 5), (-0.9, 0, 3), (0.5, 90, 0), (-0.4, 270, 2) })
            {
                data.Add(skew, turn, padding, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Angles))]
    public void Straightening_gives_the_same_bytes_as_the_plain_loop(double skew, int turn, int padding, PixelFormat format)
    {
        var page = Noise(733 + turn, 517, padding, seed: (int)(skew * 100) + turn, format);

        var fast = PageTransform.Straighten(page, turn, skew, 201);
        RasterImage plain;
        PageTransform.ScalarOnly = true;
        try
        {
            plain = PageTransform.Straighten(page, turn, skew, 201);
        }
        finally
        {
            PageTransform.ScalarOnly = false;
        }

        Assert.Equal(plain.Width, fast.Width);
        Assert.Equal(plain.Height, fast.Height);
        Assert.Equal(plain.Pixels, fast.Pixels);
    }

    [Theory]
    [InlineData(64, 10)]
    [InlineData(1239, 7)]
    [InlineData(33, 3)]
    public void Halving_a_grey_page_averages_each_two_by_two_block_rounded(int width, int height)
    {
        var page = Noise(width, height, 0, seed: width);

        var analysis = AnalysisImage.From(page, 2);

        Assert.Equal(width / 2, analysis.Width);
        for (var y = 0; y < analysis.Height; y++)
        {
            for (var x = 0; x < analysis.Width; x++)
            {
                var sum = page.Pixels[(2 * y * width) + (2 * x)] + page.Pixels[(2 * y * width) + (2 * x) + 1] +
                    page.Pixels[(((2 * y) + 1) * width) + (2 * x)] + page.Pixels[(((2 * y) + 1) * width) + (2 * x) + 1];
                Assert.Equal((sum + 2) / 4, analysis.Grey[(y * analysis.Width) + x]);
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Edge_candidates_are_every_steep_central_difference(bool everySecond)
    {
        var page = Noise(301, 5, 0, seed: 7);
        var found = new List<int>();

        EdgeBlurEstimator.Candidates(page.Pixels, 2 * 301, 1, 2, 299, 40, everySecond, found);

        var expected = Enumerable.Range(2, 297)
            .Where(x => (!everySecond || x % 2 == 0) && Math.Abs(page.Pixels[(2 * 301) + x + 1] - page.Pixels[(2 * 301) + x - 1]) >= 40)
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, found);
    }

    /// <summary>Random grey levels with some flat runs (paper), rows optionally padded.</summary>
    private static RasterImage Noise(int width, int height, int padding, int seed, PixelFormat format = PixelFormat.Gray8)
    {
        var random = new Random(seed);
        var stride = (width * (format == PixelFormat.Rgb24 ? 3 : 1)) + padding;
        var pixels = new byte[stride * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = random.Next(4) == 0 ? (byte)random.Next(256) : (byte)235;
        }

        return new RasterImage(width, height, format, pixels, 300, stride);
    }
}
