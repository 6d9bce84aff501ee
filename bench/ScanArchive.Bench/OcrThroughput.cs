using System.Diagnostics;
using System.Globalization;
using ScanArchive.Core.Ocr;
using ScanArchive.Imaging;
using ScanArchive.Ocr;

namespace ScanArchive.Bench;

/// <summary>
/// Pages per minute, file in → text out, for: the engine pool with 1 worker, with N workers, and the tesseract
/// CLI one page at a time and N processes in parallel — same pages, same run, reported as ratios.
/// </summary>
internal static class OcrThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var workers = Environment.ProcessorCount;
        var lang = TesseractOptions.DefaultLanguages;
        var repeat = 1;
        string? recheck = new TesseractOptions().LineRecheckLanguages;
        string? cliTessdata = null;
        var pages = new List<string>();
        var poolOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--workers": workers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--lang": lang = args[++i]; break;
                case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--pool-only": poolOnly = true; break;
                case "--recheck": recheck = args[++i] is "none" or "" ? null : args[i]; break;
                case "--cli-tessdata": cliTessdata = args[++i]; break;
                default: pages.Add(args[i]); break;
            }
        }

        var work = Enumerable.Repeat(pages, repeat).SelectMany(p => p).ToList();
        Console.WriteLine($"{work.Count} pages ({pages.Count} files × {repeat}), lang {lang}, {workers} workers, {Environment.ProcessorCount} cores, " +
            $"pool language data {TessdataLocator.Locate(lang, null)}, recheck {recheck ?? "off"}, CLI language data {cliTessdata ?? "tesseract's default"}");

        // Warm-up so that disk cache and JIT are the same for every contender.
        foreach (var page in pages)
        {
            _ = await File.ReadAllBytesAsync(page);
        }

        if (poolOnly)
        {
            // The engine-pool limit other benchmarks compare against (e.g. bench/e2e.sh).
            var limit = await PoolAsync(work, lang, recheck, workers);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pool_pages_per_min={limit:F2}"));
            return 0;
        }

        var results = new List<(string Name, double PagesPerMinute)>
        {
            ("pool, 1 worker", await PoolAsync(work, lang, recheck, 1)),
            ($"pool, {workers} workers", await PoolAsync(work, lang, recheck, workers)),
            ("tesseract CLI, sequential", await CliAsync(work, lang, cliTessdata, 1)),
            ($"tesseract CLI, {workers} parallel", await CliAsync(work, lang, cliTessdata, workers)),
        };

        var baseline = results[2].PagesPerMinute;
        Console.WriteLine();
        Console.WriteLine($"{"contender",-30} {"pages/min",10} {"× CLI seq",10} {"× pool 1w",10}");
        foreach (var (name, rate) in results)
        {
            Console.WriteLine($"{name,-30} {rate,10:F1} {rate / baseline,10:F2} {rate / results[0].PagesPerMinute,10:F2}");
        }

        Console.WriteLine();
        Console.WriteLine($"pool {workers} workers / pool 1 worker = {results[1].PagesPerMinute / results[0].PagesPerMinute:F2}");
        Console.WriteLine($"pool {workers} workers / CLI {workers} parallel = {results[1].PagesPerMinute / results[3].PagesPerMinute:F2}");
        return 0;
    }

    /// <summary>Decode + recognize every page through the pool (engine start-up excluded: it happens once per process).</summary>
    private static async Task<double> PoolAsync(List<string> work, string lang, string? recheck, int workers)
    {
        using var pool = TesseractEnginePool.Create(new TesseractOptions { Languages = lang, Workers = workers, LineRecheckLanguages = recheck });
        var reader = new DocumentReader();
        var clock = Stopwatch.StartNew();
        var words = 0;
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (path, ct) =>
        {
            foreach (var page in reader.ReadPages(path))
            {
                var result = page.EmbeddedText ?? await pool.RecognizeAsync(page.Image!, ct);
                Interlocked.Add(ref words, result.Lines.Sum(l => l.Words.Count));
            }
        });
        var rate = work.Count / clock.Elapsed.TotalMinutes;
        Console.WriteLine($"  pool {workers}w: {clock.Elapsed.TotalSeconds:F1} s, {words} words, {rate:F1} pages/min");
        return rate;
    }

    /// <summary>`tesseract PAGE stdout -l LANG`, as an operator would script it, with OMP_THREAD_LIMIT=1 (its fastest setting).</summary>
    private static async Task<double> CliAsync(List<string> work, string lang, string? tessdata, int parallel)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (path, ct) =>
        {
            var start = new ProcessStartInfo("tesseract") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { path, "stdout", "-l", lang })
            {
                start.ArgumentList.Add(arg);
            }

            if (tessdata is not null)
            {
                start.ArgumentList.Add("--tessdata-dir");
                start.ArgumentList.Add(tessdata);
            }

            start.Environment["OMP_THREAD_LIMIT"] = "1";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(ct);
            _ = await process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            _ = await output;
        });
        var rate = work.Count / clock.Elapsed.TotalMinutes;
        Console.WriteLine($"  CLI ×{parallel}: {clock.Elapsed.TotalSeconds:F1} s, {rate:F1} pages/min");
        return rate;
    }
}
