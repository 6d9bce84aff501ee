using ScanArchive.Core.Imaging;
using ScanArchive.Imaging.Quality;

namespace ScanArchive.Bench;

/// <summary>Restorations that bench/deblur.sh compared with the Wiener filter of BlurRestorer and that lost (kept to repeat the comparison).</summary>
internal static class DeblurCandidates
{
    /// <summary>Unsharp masking: in + amount·(in − G_σ·in).</summary>
    public static RasterImage Unsharp(RasterImage image, double sigma, double amount)
    {
        var kernel = GaussianKernel(sigma);
        var luma = BlurRestorer.Luma(image);
        var temp = new float[luma.Length];
        BlurRestorer.ConvolveRows(luma, temp, image.Width, image.Height, kernel);
        var blurred = new float[luma.Length];
        BlurRestorer.ConvolveColumns(temp, blurred, image.Width, image.Height, kernel);
        var a = (float)amount;
        for (var i = 0; i < blurred.Length; i++)
        {
            blurred[i] = luma[i] + (a * (luma[i] - blurred[i]));
        }

        return BlurRestorer.WithLuma(image, luma, blurred);
    }

    /// <summary>Richardson–Lucy on ink darkness (255 − luminance), which is sparse and positive like the light RL was made for.</summary>
    public static RasterImage RichardsonLucy(RasterImage image, double sigma, int iterations)
    {
        var kernel = GaussianKernel(sigma);
        int w = image.Width, h = image.Height;
        var luma = BlurRestorer.Luma(image);
        var observed = new float[luma.Length];
        for (var i = 0; i < luma.Length; i++)
        {
            observed[i] = 256 - luma[i];
        }

        var estimate = (float[])observed.Clone();
        var temp = new float[luma.Length];
        var blurred = new float[luma.Length];
        for (var it = 0; it < iterations; it++)
        {
            BlurRestorer.ConvolveRows(estimate, temp, w, h, kernel);
            BlurRestorer.ConvolveColumns(temp, blurred, w, h, kernel);
            for (var i = 0; i < blurred.Length; i++)
            {
                blurred[i] = observed[i] / Math.Max(blurred[i], 0.5f);
            }

            BlurRestorer.ConvolveRows(blurred, temp, w, h, kernel);
            BlurRestorer.ConvolveColumns(temp, blurred, w, h, kernel);
            for (var i = 0; i < estimate.Length; i++)
            {
                estimate[i] *= blurred[i];
            }
        }

        for (var i = 0; i < estimate.Length; i++)
        {
            estimate[i] = 256 - estimate[i];
        }

        return BlurRestorer.WithLuma(image, luma, estimate);
    }

    /// <summary>Normalized Gaussian taps out to 3σ.</summary>
    private static float[] GaussianKernel(double sigma)
    {
        var r = Math.Max(1, (int)Math.Ceiling(3 * sigma));
        var k = new float[(2 * r) + 1];
        double sum = 0;
        for (var t = -r; t <= r; t++)
        {
            var v = Math.Exp(-(t * t) / (2 * sigma * sigma));
            k[t + r] = (float)v;
            sum += v;
        }

        for (var i = 0; i < k.Length; i++)
        {
            k[i] = (float)(k[i] / sum);
        }

        return k;
    }
}
