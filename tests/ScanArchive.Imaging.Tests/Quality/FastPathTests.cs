using System.Globalization;
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

    public static TheoryData<string, int, PixelFormat> Rotations()
    {
        var data = new TheoryData<string, int, PixelFormat>();
        foreach (var format in new[] { PixelFormat.Gray8, PixelFormat.Rgb24 })
        {
            foreach (var padding in new[] { 0, 5 })
            {
                foreach (var rotation in new[] { "0.3", "1", "-1.2", "3", "6.5", "9", "14.9", "-7", "45", "-130", "90+3", "270-6", "180+5", "90-1.5", "x2@3", "x1.5@-5", "x1.5@0", "x0.5@8" })
                {
                    data.Add(rotation, padding, format);
                }
            }
        }

        return data;
    }

    /// <summary>
    /// Every kernel of the bilinear rotation (runs of plain loads, gathers, both, the automatic choice) against the
    /// plain loop, at skews, any angle, quarter turns with a skew (Straighten), and scaling (StraightenAndScale), on an
    /// odd size with and without row padding. "90+3" = Straighten(turn 90, skew 3); "x1.5@-5" = scale 1.5, skew −5.
    /// </summary>
    [Theory]
    [MemberData(nameof(Rotations))]
    public void Every_rotation_kernel_gives_the_same_bytes_as_the_plain_loop(string rotation, int padding, PixelFormat format)
    {
        var page = Noise(1001, 777, padding, seed: rotation.GetHashCode(StringComparison.Ordinal), format);
        Func<RasterImage> rotate;
        if (rotation.StartsWith('x'))
        {
            var parts = rotation[1..].Split('@');
            double scale = double.Parse(parts[0], CultureInfo.InvariantCulture), skew = double.Parse(parts[1], CultureInfo.InvariantCulture);
            rotate = () => PageTransform.StraightenAndScale(page, skew, 201, scale);
        }
        else if (rotation.IndexOfAny(['+', '-'], 1) is var sign and > 0)
        {
            var turn = int.Parse(rotation[..sign], CultureInfo.InvariantCulture);
            var skew = double.Parse(rotation[sign..], CultureInfo.InvariantCulture);
            rotate = () => PageTransform.Straighten(page, turn, skew, 201);
        }
        else
        {
            var degrees = double.Parse(rotation, CultureInfo.InvariantCulture);
            rotate = () => PageTransform.RotateBilinear(page, degrees, 201);
        }

        RasterImage plain;
        PageTransform.ScalarOnly = true;
        try
        {
            plain = rotate();
        }
        finally
        {
            PageTransform.ScalarOnly = false;
        }

        Assert.Contains(plain.Pixels, b => b != 201);
        foreach (var kernel in new[] { PageTransform.RotationKernel.Runs, PageTransform.RotationKernel.RunsAndGathers, PageTransform.RotationKernel.Gathers, PageTransform.RotationKernel.Auto })
        {
            PageTransform.Kernel = kernel;
            try
            {
                var fast = rotate();
                Assert.Equal(plain.Width, fast.Width);
                Assert.Equal(plain.Height, fast.Height);
                Assert.True(plain.Pixels.AsSpan().SequenceEqual(fast.Pixels), $"{kernel} differs from the plain loop");
            }
            finally
            {
                PageTransform.Kernel = PageTransform.RotationKernel.Auto;
            }
        }
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
