using System.Diagnostics;
using System.Globalization;
using ScanArchive.Archive.Pdf;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Pdf;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Encoders;
using ScanArchive.Ocr;

namespace ScanArchive.Bench;

/// <summary>
/// Writes our searchable PDF for each input file (recognize → encode page images → sandwich with the text layer)
/// into an output folder, and prints bytes per page. bench/pdf-size.sh compares them with OCRmyPDF's.
/// With --overhead it also recognizes every page without text layers and prints the time ratio.
/// </summary>
internal static class PdfSize
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? outDir = null;
        var workers = Environment.ProcessorCount;
        var lang = TesseractOptions.DefaultLanguages;
        var overhead = false;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out": outDir = args[++i]; break;
                case "--workers": workers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--lang": lang = args[++i]; break;
                case "--overhead": overhead = true; break;
                default: files.Add(args[i]); break;
            }
        }

        if (outDir is null || files.Count == 0)
        {
            Console.Error.WriteLine("usage: ScanArchive.Bench pdf --out DIR [--workers N] [--lang L] [--overhead] FILE...");
            return 2;
        }

        Directory.CreateDirectory(outDir);
        var reader = new DocumentReader();
        var encoder = new PageImageEncoder();
        var writer = new SearchablePdfBuilder();
        using var pool = TesseractEnginePool.Create(new TesseractOptions { Languages = lang, Workers = workers, RenderTextLayer = true });
        var ocrTime = TimeSpan.Zero;
        var totalPages = 0;
        long totalBytes = 0;
        Console.WriteLine($"{"file",-50} {"pages",5} {"bytes",10} {"bytes/page",10}  images");
        foreach (var file in files)
        {
            var source = await File.ReadAllBytesAsync(file);
            var format = reader.Identify(file);
            var docPages = reader.ReadPages(file).ToList();
            var watch = Stopwatch.StartNew();
            var recognitions = await Task.WhenAll(docPages.Select(p => p.Image is { } img ? pool.RecognizeAsync(img) : Task.FromResult<OcrPage>(null!)));
            ocrTime += watch.Elapsed;
            var pages = new List<SearchablePdfPage>();
            var kinds = new List<string>();
            for (var i = 0; i < docPages.Count; i++)
            {
                var page = docPages[i];
                if (page.Image is null)
                {
                    pages.Add(new CopiedPdfPage(source, page.Number));
                    kinds.Add("copied");
                    continue;
                }

                var original = format == DocumentFormat.Jpeg && docPages.Count == 1 ? new OriginalImageFile(source, format) : null;
                var image = encoder.Encode(page.Image, recognitions[i].Dpi, original);
                kinds.Add(image.Kind == PageImageKind.CcittG4 ? "g4" : ReferenceEquals(image.Bytes, source) ? "jpeg(original)" : "jpeg");
                pages.Add(ScannedPdfPage.FromRecognition(image, recognitions[i]));
            }

            var output = Path.Combine(outDir, Path.GetFileNameWithoutExtension(file) + ".pdf");
            await using (var stream = File.Create(output))
            {
                writer.Write(pages, new PdfDocumentInfo(Path.GetFileNameWithoutExtension(file)) { ArchiveNumber = "BENCH-" + (totalPages + 1) }, stream);
            }

            var bytes = new FileInfo(output).Length;
            totalPages += pages.Count;
            totalBytes += bytes;
            Console.WriteLine($"{Path.GetFileName(file),-50} {pages.Count,5} {bytes,10} {bytes / pages.Count,10}  {string.Join(',', kinds)}");
        }

        Console.WriteLine($"{"total",-50} {totalPages,5} {totalBytes,10} {totalBytes / totalPages,10}");
        if (overhead)
        {
            using var plain = TesseractEnginePool.Create(new TesseractOptions { Languages = lang, Workers = workers });
            var images = files.SelectMany(f => reader.ReadPages(f)).Where(p => p.Image is not null).Select(p => p.Image!).ToList();
            var withLayer = await TimeAsync(pool, images);
            var without = await TimeAsync(plain, images);
            Console.WriteLine($"recognition with text layer / without, same pages: {withLayer / without:F3} ({withLayer:F1} s vs {without:F1} s)");
        }

        return 0;
    }

    private static async Task<double> TimeAsync(TesseractEnginePool pool, List<Core.Imaging.RasterImage> images)
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(images.Select(i => pool.RecognizeAsync(i)));
        return watch.Elapsed.TotalSeconds;
    }
}
