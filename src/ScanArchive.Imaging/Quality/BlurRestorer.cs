using System.Numerics;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Imaging.Quality;

/// <summary>
/// Undoes a focus blur before OCR, modelled as a Gaussian of known σ: the page's luminance goes through a separable
/// regularized inverse (a Wiener filter per axis), and the change is added to every channel, so colour survives.
/// Separable FIR passes keep it free of FFTs and native code: a few tens of taps per pixel and axis.
/// </summary>
/// <remarks>
/// Chosen by bench/deblur.sh against unsharp masking, Richardson–Lucy (10 iterations) and reading at half size on the
/// sample pages blurred by σ 4 and 6 px and on qc-blurry-en-invoice, all with the true σ: the Wiener filter read best
/// (character error rate at σ 4: none 0.22, half size 0.25, Richardson–Lucy 0.10, unsharp 0.10, Wiener 0.05–0.08; at σ 6:
/// 0.74, 0.71, 0.50, 0.54, 0.29–0.51), and it costs one pass per axis where Richardson–Lucy took seconds.
/// σ is the measured median edge σ × 1.15: the measure underestimates strong blur on small print (σ 6 measures 4.3–5.9,
/// strokes merge), but a full calibration to the small-print figures over-sharpened pages of large print, which measure
/// nearly right, into worse OCR than the raw estimate; 1.15 read best on the noisy JPEG variants and the sample invoice.
/// </remarks>
internal static class BlurRestorer
{
    /// <summary>Wiener regularization k: gains up to 1/(2√k) = 5× per axis; smaller k read noise and JPEG blocks as ink.</summary>
    internal const double NoiseRatio = 0.01;

    /// <summary>Measured edge σ × this = the σ undone (see remarks).</summary>
    internal const double EdgeSigmaScale = 1.15;

    /// <summary>Blur this small is left alone (a careful scan measures 1.6 px at 300 dpi).</summary>
    private const double MinSigma = 2;

    /// <summary>
    /// The blur σ to undo on a page, in its pixels: the measured edge σ when the page's sharpness is below the profile's
    /// <see cref="Core.Quality.QualityThresholds.MinSharpness"/>, else null. A page flagged blurry only by its edge
    /// spread (a lens's defocus, still legible) is left as scanned: the filter and its factor were tuned on the slope σ
    /// of Gaussian-blurred pages (bench/deblur.sh), and undoing a Gaussian on a disk blur is not what was measured.
    /// </summary>
    public static double? SigmaToRestore(Core.Quality.PageQuality quality, PageMeasurement measurement, Core.Quality.QualityThresholds thresholds) =>
        quality.Blurry && !quality.Blank && quality.Metrics.Sharpness < thresholds.MinSharpness && measurement.EdgeSigma is { } sigma && sigma >= MinSigma
            ? Math.Round(sigma * EdgeSigmaScale, 2)
            : null;

    /// <summary>Undoes a Gaussian blur of <paramref name="sigma"/> pixels; a new image of the same size, format and resolution.</summary>
    public static RasterImage Restore(RasterImage image, double sigma) => Wiener(image, sigma, NoiseRatio);

    /// <summary>Restores with the separable Wiener filter.</summary>
    /// <param name="image">The page; not modified.</param>
    /// <param name="sigma">Gaussian σ of the blur in pixels of <paramref name="image"/>.</param>
    /// <param name="noiseRatio">Regularization k in H/(H² + k): larger = less gain, less ringing and noise.</param>
    public static RasterImage Wiener(RasterImage image, double sigma, double noiseRatio)
    {
        var kernel = WienerKernel(sigma, noiseRatio);
        var luma = Luma(image);
        var temp = new float[luma.Length];
        ConvolveRows(luma, temp, image.Width, image.Height, kernel);
        var restored = new float[luma.Length];
        ConvolveColumns(temp, restored, image.Width, image.Height, kernel);
        return WithLuma(image, luma, restored);
    }

    /// <summary>
    /// Taps of W(ω) = H(ω) / (H(ω)² + k) with H(ω) = exp(−σ²ω²/2), the 1-D Gaussian's transfer function, by numerical
    /// inverse cosine transform; cut where the taps stay below 1/1000 of the centre; DC gain 1 (paper stays paper).
    /// </summary>
    internal static float[] WienerKernel(double sigma, double noiseRatio)
    {
        const int Samples = 4096;
        var maxR = Math.Max(2, (int)Math.Ceiling(6 * sigma));
        var taps = new double[maxR + 1];
        for (var s = 0; s <= Samples; s++)
        {
            var omega = Math.PI * s / Samples;
            var hw = Math.Exp(-0.5 * sigma * sigma * omega * omega);
            var weight = (s == 0 || s == Samples ? 0.5 : 1.0) / Samples;
            var response = hw / ((hw * hw) + noiseRatio) * weight;
            for (var t = 0; t <= maxR; t++)
            {
                taps[t] += response * Math.Cos(omega * t);
            }
        }

        var r = maxR;
        while (r > 1 && Math.Abs(taps[r]) < Math.Abs(taps[0]) * 1e-3)
        {
            r--;
        }

        var sum = taps[0];
        for (var t = 1; t <= r; t++)
        {
            sum += 2 * taps[t];
        }

        var k = new float[(2 * r) + 1];
        for (var t = 0; t <= r; t++)
        {
            k[r + t] = k[r - t] = (float)(taps[t] / sum);
        }

        return k;
    }

    internal static float[] Luma(RasterImage image)
    {
        int w = image.Width, h = image.Height;
        var luma = new float[w * h];
        for (var y = 0; y < h; y++)
        {
            var row = image.Row(y);
            var o = y * w;
            if (image.Format == PixelFormat.Gray8)
            {
                for (var x = 0; x < w; x++)
                {
                    luma[o + x] = row[x];
                }
            }
            else
            {
                for (var x = 0; x < w; x++)
                {
                    luma[o + x] = (0.299f * row[3 * x]) + (0.587f * row[(3 * x) + 1]) + (0.114f * row[(3 * x) + 2]);
                }
            }
        }

        return luma;
    }

    /// <summary>A new image whose luminance is <paramref name="restored"/>: grey pages take it directly, colour pages get the change added to each channel.</summary>
    internal static RasterImage WithLuma(RasterImage image, float[] luma, float[] restored)
    {
        int w = image.Width, h = image.Height, bpp = image.BytesPerPixel;
        var output = new byte[w * h * bpp];
        for (var y = 0; y < h; y++)
        {
            var row = image.Row(y);
            var o = y * w;
            if (bpp == 1)
            {
                for (var x = 0; x < w; x++)
                {
                    output[o + x] = ToByte(restored[o + x]);
                }
            }
            else
            {
                for (var x = 0; x < w; x++)
                {
                    var delta = restored[o + x] - luma[o + x];
                    for (var c = 0; c < 3; c++)
                    {
                        output[((o + x) * 3) + c] = ToByte(row[(3 * x) + c] + delta);
                    }
                }
            }
        }

        return new RasterImage(w, h, image.Format, output, image.Dpi);
    }

    private static byte ToByte(float v) => (byte)Math.Clamp((int)MathF.Round(v), 0, 255);

    /// <summary>Horizontal pass with a symmetric kernel; the edge pixels repeat beyond the image (paper beyond the sheet).</summary>
    internal static void ConvolveRows(float[] src, float[] dst, int w, int h, float[] kernel)
    {
        var r = kernel.Length / 2;
        var padded = new float[w + (2 * r) + Vector<float>.Count];
        var n = Vector<float>.Count;
        for (var y = 0; y < h; y++)
        {
            var row = src.AsSpan(y * w, w);
            row.CopyTo(padded.AsSpan(r));
            padded.AsSpan(0, r).Fill(row[0]);
            padded.AsSpan(r + w, r).Fill(row[w - 1]);
            var output = dst.AsSpan(y * w, w);
            var x = 0;
            for (; x + n <= w; x += n)
            {
                var acc = new Vector<float>(padded, x + r) * kernel[r];
                for (var t = 1; t <= r; t++)
                {
                    acc += (new Vector<float>(padded, x + r + t) + new Vector<float>(padded, x + r - t)) * kernel[r + t];
                }

                acc.CopyTo(output[x..]);
            }

            for (; x < w; x++)
            {
                var acc = padded[x + r] * kernel[r];
                for (var t = 1; t <= r; t++)
                {
                    acc += (padded[x + r + t] + padded[x + r - t]) * kernel[r + t];
                }

                output[x] = acc;
            }
        }
    }

    /// <summary>Vertical pass with a symmetric kernel, row by row so that the rows it reads stay in cache.</summary>
    internal static void ConvolveColumns(float[] src, float[] dst, int w, int h, float[] kernel)
    {
        var r = kernel.Length / 2;
        var n = Vector<float>.Count;
        for (var y = 0; y < h; y++)
        {
            var output = dst.AsSpan(y * w, w);
            var centre = y * w;
            var x = 0;
            for (; x + n <= w; x += n)
            {
                var acc = new Vector<float>(src, centre + x) * kernel[r];
                for (var t = 1; t <= r; t++)
                {
                    var above = Math.Max(0, y - t) * w;
                    var below = Math.Min(h - 1, y + t) * w;
                    acc += (new Vector<float>(src, below + x) + new Vector<float>(src, above + x)) * kernel[r + t];
                }

                acc.CopyTo(output[x..]);
            }

            for (; x < w; x++)
            {
                var acc = src[centre + x] * kernel[r];
                for (var t = 1; t <= r; t++)
                {
                    acc += (src[(Math.Min(h - 1, y + t) * w) + x] + src[(Math.Max(0, y - t) * w) + x]) * kernel[r + t];
                }

                output[x] = acc;
            }
        }
    }
}
