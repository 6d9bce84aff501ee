using System.Globalization;
using System.Text;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Quality;
using ScanArchive.Extraction;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Quality;
using ScanArchive.Ocr;

namespace ScanArchive.Bench;

/// <summary>
/// Analyzes folders as <c>scanarchive analyze</c> does (same DocumentAnalyzer, reader, cleaner, pool) with a chosen
/// minimum deskew (<c>--min 1</c> = the old default, pages under 1° left alone), writing one JSON per input for score.py and a TSV of each page's cleanup.
/// </summary>
internal static class DeskewBench
{
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    /// <summary>
    /// CPU per straightening (best of 5) of each page by a small skew: the cubic shears used under 1° against the
    /// bilinear rotation used above (and before), as a ratio measured in the same run.
    /// </summary>
    public static int Time(string[] args)
    {
        var degrees = double.Parse(args[0], Ic);
        var methods = args[1].Split(',');
        var reader = new DocumentReader();

        foreach (var file in args[2..])
        {
            var page = reader.ReadPages(file).First().Image!;
            var line = new StringBuilder(Path.GetFileName(file) + $" {page.Width}x{page.Height} {page.Format}:");
            var results = new Dictionary<string, double>();
            foreach (var method in methods)
            {
                var best = double.MaxValue;
                for (var r = 0; r < 5; r++)
                {
                    var c = CpuClock.ProcessMilliseconds();
                    _ = method switch
                    {
                        "cubic" => PageTransform.CubicShearRotate(page, degrees, 240),
                        "bilinear" => PageTransform.RotateBilinear(page, degrees, 240),
                        _ => throw new ArgumentException($"unknown method {method} (cubic, bilinear)"),
                    };
                    best = Math.Min(best, CpuClock.ProcessMilliseconds() - c);
                }

                results[method] = best;
                line.Append(Ic, $"  {method} {best:F1} ms");
            }

            if (results.TryGetValue("cubic", out var cubic) && results.TryGetValue("bilinear", out var bilinear))
            {
                line.Append(Ic, $"  cubic/bilinear {cubic / bilinear:F2}");
            }

            Console.WriteLine(line);
        }

        return 0;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        string? outDir = null, lang = "chi_sim+eng";
        var min = QualityProfile.Default.MinDeskewDegrees;
        var inputs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out": outDir = args[++i]; break;
                case "--min": min = double.Parse(args[++i], Ic); break;
                case "--lang": lang = args[++i]; break;
                default: inputs.Add(args[i]); break;
            }
        }

        if (outDir is null || inputs.Count == 0)
        {
            Console.Error.WriteLine("usage: deskew --out DIR [--min DEG] [--lang L] INPUT...");
            return 2;
        }

        var collected = InputCollector.Collect(inputs);
        using var osd = TesseractOrientationDetector.Create();
        using var pool = TesseractEnginePool.Create(new TesseractOptions { Languages = lang });
        var profile = QualityProfile.Default with { MinDeskewDegrees = min };
        var analyzer = new DocumentAnalyzer(new DocumentReader(), pool, new FieldExtractor(), new PageCleaner(osd), profile);
        var log = new StringBuilder();
        await foreach (var analysis in analyzer.AnalyzeAsync([.. collected.Inputs.Select(i => new AnalysisInput(i.Path, i.RelativePath))]))
        {
            var target = Path.Combine(outDir, Path.ChangeExtension(analysis.Input.RelativePath, ".json"));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using (var stream = File.Create(target))
            {
                AnalysisJson.Write(stream, analysis);
            }

            foreach (var page in analysis.Pages)
            {
                var q = page.Quality;
                log.AppendLine(Ic, $"{analysis.Input.RelativePath}\tskew {q?.Metrics.SkewDegrees:F2}\tdeskewed {q?.Cleanup.DeskewedDegrees:F2}\tcrop {q?.Cleanup.Crop}\tengineSkew {page.SkewCorrectedDegrees:F2}\tconf {page.MeanConfidence:F1}");
            }
        }

        File.WriteAllText(Path.Combine(outDir, "pages.tsv"), log.ToString());
        Console.Write(log);
        return 0;
    }
}
