using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Quality;
using ScanArchive.Ocr;

namespace ScanArchive.Bench;

/// <summary>
/// Does restoring a blurred page before OCR help? The sample document pages blurred by σ 3–6 px (QualityVariants, the
/// same generator as bench/quality.sh) and qc-blurry-en-invoice are cleaned as in production, then OCR'd as cleaned
/// and after each candidate restoration (σ estimated from the measured edge blur, or the true σ for comparison).
/// Writes gt/ and pred-METHOD/ folders for score.py, and the restoration CPU time per page.
/// </summary>
internal static class DeblurBench
{
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    private static readonly QualityProfile NoRestore = QualityProfile.Default with { RestoreBlur = false };

    private sealed record Case(string Folder, string Name, Func<RasterImage> Image, double? TrueSigma, string Text);

    public static async Task<int> RunAsync(string[] args)
    {
        string? outDir = null, samples = null;
        var methods = new List<string> { "none" };
        var sigmas = new List<double> { 3, 4, 5, 6 };
        var calibrateOnly = false;
        var pages = int.MaxValue;
        int? jpeg = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out": outDir = args[++i]; break;
                case "--samples": samples = args[++i]; break;
                case "--methods": methods = [.. args[++i].Split(',')]; break;
                case "--sigmas": sigmas = [.. args[++i].Split(',').Select(s => double.Parse(s, Ic))]; break;
                case "--pages": pages = int.Parse(args[++i], Ic); break;
                case "--calibrate": calibrateOnly = true; break;
                case "--jpeg": jpeg = int.Parse(args[++i], Ic); break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }

        if (outDir is null || samples is null)
        {
            Console.Error.WriteLine("usage: deblur --samples DIR --out DIR [--methods none,cleaner,wiener:0.01,...] [--sigmas 3,4,5,6] [--jpeg Q] [--pages N] [--calibrate]");
            return 2;
        }

        Directory.CreateDirectory(outDir);
        var cases = BuildCases(samples, sigmas, pages, jpeg);
        using var osd = TesseractOrientationDetector.Create();
        var cleaner = new PageCleaner(osd);
        using var pool = calibrateOnly ? null : TesseractEnginePool.Create(new TesseractOptions { Workers = 2 });
        var log = new StringBuilder();
        var timing = new Dictionary<string, List<double>>();
        foreach (var c in cases)
        {
            var original = c.Image();
            var cleaned = cleaner.Clean(original, NoRestore);
            var measured = PageMeasurer.Measure(original).EdgeSigma;
            var line = string.Create(Ic, $"{c.Folder}\t{c.Name}\ttrue {c.TrueSigma:F1}\tedgeSigma {measured:F2}\tsharpness {cleaned.Quality.Metrics.Sharpness:F3}\tblurry {cleaned.Quality.Blurry}");
            Console.Error.WriteLine(line);
            log.AppendLine(line);
            if (pool is null)
            {
                continue;
            }

            WriteText(Path.Combine(outDir, "gt", c.Folder, c.Name + ".json"), c.Text);
            var tasks = new List<Task>();
            foreach (var method in methods)
            {
                var sw = Stopwatch.StartNew();
                var image = method == "cleaner" ? cleaner.Clean(original, QualityProfile.Default).Image : Restore(cleaned.Image, method, measured, c.TrueSigma);
                timing.TryAdd(method, []);
                timing[method].Add(sw.Elapsed.TotalMilliseconds);
                if (c.Folder == "qc")
                {
                    File.WriteAllBytes(Path.Combine(outDir, $"{c.Name}-{Folder(method)}.png"), RasterImageWriter.ToPng(PageTransform.Crop(image, new PixelBox(150, 700, 1100, 700))));
                }

                tasks.Add(Task.Run(async () =>
                {
                    var page = await pool.RecognizeAsync(image);
                    WriteText(Path.Combine(outDir, "pred-" + Folder(method), c.Folder, c.Name + ".json"), ReadingOrder.Text(page.Lines));
                }));
            }

            await Task.WhenAll(tasks);
        }

        if (pool is not null && cases.FirstOrDefault(c => c.Folder == "qc") is { } qcCase)
        {
            // CPU time of the restoration against OCR of the same page, best of three, one thread each.
            var page = cleaner.Clean(qcCase.Image(), NoRestore);
            var sigma = (PageMeasurer.Measure(qcCase.Image()).EdgeSigma ?? 5) * BlurRestorer.EdgeSigmaScale;

            double restoreCpu = double.MaxValue, ocrCpu = double.MaxValue;
            for (var r = 0; r < 3; r++)
            {
                var c0 = CpuClock.ProcessMilliseconds();
                var restoredPage = BlurRestorer.Restore(page.Image, sigma);
                var c1 = CpuClock.ProcessMilliseconds();
                await pool.RecognizeAsync(restoredPage);
                var c2 = CpuClock.ProcessMilliseconds();
                restoreCpu = Math.Min(restoreCpu, c1 - c0);
                ocrCpu = Math.Min(ocrCpu, c2 - c1);
            }

            var encoder = new ScanArchive.Imaging.Encoders.PageImageEncoder();
            var plainBytes = encoder.Encode(page.Image).Bytes.Length;
            var restoredBytes = encoder.Encode(BlurRestorer.Restore(page.Image, sigma)).Bytes.Length;
            log.AppendLine(Ic, $"archived page image of {qcCase.Name}: {plainBytes / 1024} KB as cleaned, {restoredBytes / 1024} KB restored");
            log.AppendLine(Ic, $"cost on {qcCase.Name} ({page.Image.Width}x{page.Image.Height} {page.Image.Format}, σ {sigma:F2}): restoration {restoreCpu:F0} ms CPU, OCR of the restored page {ocrCpu:F0} ms CPU: {restoreCpu / ocrCpu:P1} of OCR (best of 3, loaded machine)");
        }

        foreach (var (method, ms) in timing)
        {
            ms.Sort();
            log.AppendLine(Ic, $"restore {method}: median {ms[ms.Count / 2]:F0} ms, max {ms[^1]:F0} ms (wall, loaded machine)");
        }

        File.WriteAllText(Path.Combine(outDir, "cases.txt"), log.ToString());
        Console.Write(log);
        return 0;
    }

    private static string Folder(string method) => method.Replace(':', '-');

    /// <summary>
    /// method: none | wiener:K[:F] | wiener-true:K | wiener-cal:K | unsharp:A | rl:N | half (and "cleaner": PageCleaner
    /// with the default profile, i.e. what production does, gated on the blur verdict). σ is the measured edge σ (× F),
    /// the true σ with "-true", or a calibrated map of the measured σ with "-cal".
    /// </summary>
    private static RasterImage Restore(RasterImage image, string method, double? edgeSigma, double? trueSigma)
    {
        var parts = method.Split(':');
        var name = parts[0];
        var value = parts.Length > 1 ? double.Parse(parts[1], Ic) : 0;
        var oracle = name.EndsWith("-true", StringComparison.Ordinal);
        var calibrated = name.EndsWith("-cal", StringComparison.Ordinal);
        name = oracle ? name[..^5] : calibrated ? name[..^4] : name;
        var sigma = oracle ? trueSigma ?? Calibrated(edgeSigma) : calibrated ? Calibrated(edgeSigma) : SigmaFromEdges(edgeSigma);
        if (parts.Length > 2 && sigma is { } unscaled)
        {
            sigma = unscaled * double.Parse(parts[2], Ic);
        }

        if (name == "none" || sigma is not { } s || s < 1)
        {
            return image;
        }

        return name switch
        {
            "wiener" => BlurRestorer.Wiener(image, s, value),
            "unsharp" => DeblurCandidates.Unsharp(image, s, value),
            "rl" => DeblurCandidates.RichardsonLucy(image, s, (int)value),
            "half" => PageTransform.StraightenAndScale(image, 0, 255, 0.5),
            _ => throw new ArgumentException(method),
        };
    }

    /// <summary>The blur σ (original pixels) from the measured median edge σ; calibrated with --calibrate.</summary>
    internal static double? SigmaFromEdges(double? edgeSigma) => edgeSigma is { } e ? e : null;

    /// <summary>Piecewise-linear map from the measured edge σ to the true blur σ, fitted on the blurred variants' medians.</summary>
    private static double? Calibrated(double? edgeSigma)
    {
        if (edgeSigma is not { } m)
        {
            return null;
        }

        double[] measured = [1.64, 1.9, 2.54, 3.13, 3.72, 4.36];
        double[] truth = [0, 1.5, 3, 4, 5, 6];
        if (m <= measured[0])
        {
            return 0;
        }

        for (var i = 1; i < measured.Length; i++)
        {
            if (m <= measured[i])
            {
                return truth[i - 1] + ((m - measured[i - 1]) / (measured[i] - measured[i - 1]) * (truth[i] - truth[i - 1]));
            }
        }

        return truth[^1] + ((m - measured[^1]) * 1.6);
    }

    private static List<Case> BuildCases(string samples, List<double> sigmas, int maxPages, int? jpeg)
    {
        var reader = new DocumentReader();
        RasterImage Load(string path) => reader.ReadPages(path).First().Image ?? throw new InvalidOperationException(path);
        var cases = new List<Case>();
        var clean = new List<(string Name, string Path, string Text)>();
        foreach (var json in Directory.EnumerateFiles(samples, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(json);
            var image = Directory.EnumerateFiles(samples, name + ".*").FirstOrDefault(f => !f.EndsWith(".json", StringComparison.Ordinal));
            if (image is null)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var root = doc.RootElement;
            var qc = root.GetProperty("qc");
            bool Flag(string n) => qc.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.True;
            var text = root.GetProperty("text").GetString() ?? string.Empty;
            if (Flag("blurry"))
            {
                cases.Add(new Case("qc", name, () => Load(image), null, text));
            }

            var good = !Flag("blank") && !Flag("blurry") && !Flag("lowResolution") && !Flag("lowContrast");
            if (good && qc.GetProperty("rotation").GetInt32() == 0 && Math.Abs(qc.GetProperty("skewDegrees").GetDouble()) <= 5)
            {
                clean.Add((name, image, text));
            }
        }

        foreach (var (name, path, text) in clean.Take(maxPages))
        {
            foreach (var sigma in sigmas)
            {
                cases.Add(sigma == 0
                    ? new Case("sharp", name, () => Load(path), 0, text)
                    : jpeg is { } q
                        ? new Case($"sigma{sigma:F1}-jpeg{q}", $"{name}-blur{sigma:F1}", () => NoisyJpeg(QualityVariants.Blur(QualityVariants.ToGrey(Load(path)), sigma), q, sigma), sigma, text)
                        : new Case($"sigma{sigma:F1}", $"{name}-blur{sigma:F1}", () => QualityVariants.Blur(QualityVariants.ToGrey(Load(path)), sigma), sigma, text));
            }
        }

        return cases;
    }

    /// <summary>What a camera or scanner adds after the optics: sensor noise (σ 1.5 levels), then JPEG compression.</summary>
    private static RasterImage NoisyJpeg(RasterImage image, int quality, double seed)
    {
        var random = new Random((int)(seed * 1000) + image.Width);
        var pixels = (byte[])image.Pixels.Clone();
        for (var i = 0; i < pixels.Length; i++)
        {
            var noise = 1.5 * Math.Sqrt(3) * (random.NextDouble() + random.NextDouble() + random.NextDouble() + random.NextDouble() - 2);
            pixels[i] = (byte)Math.Clamp(Math.Round(pixels[i] + noise), 0, 255);
        }

        using var magick = new ImageMagick.MagickImage(pixels, new ImageMagick.MagickReadSettings { Width = (uint)image.Width, Height = (uint)image.Height, Format = ImageMagick.MagickFormat.Gray, Depth = 8 });
        magick.Quality = (uint)quality;
        var path = Path.Combine(Path.GetTempPath(), $"deblur-{Guid.NewGuid():N}.jpg");
        magick.Density = new ImageMagick.Density(image.Dpi ?? 300, ImageMagick.DensityUnit.PixelsPerInch);
        magick.Write(path, ImageMagick.MagickFormat.Jpeg);
        try
        {
            return new DocumentReader().ReadPages(path).First().Image!;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void WriteText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(new { text, fields = Array.Empty<object>() }));
    }
}
