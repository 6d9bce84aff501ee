using System.Diagnostics;
using System.Globalization;
using ScanArchive.Core.Ocr;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Quality;
using ScanArchive.Ocr;

namespace ScanArchive.Bench;

/// <summary>
/// What straightening a small skew does to the engine's work: each page recognized as scanned, straightened by the
/// cubic shears and by the bilinear rotation (the page's own measured skew), best-of-3 CPU and what was read.
/// </summary>
internal static class OcrAfterStraightening
{
    public static async Task<int> RunAsync(string[] files)
    {
        var reader = new DocumentReader();
        var analyzer = new PageQualityAnalyzer();
        using var pool = TesseractEnginePool.Create(new TesseractOptions { Workers = 1 });

        Console.WriteLine("page\tskew\tvariant\tcpuMs\tmeanConf\twords\tchars");
        foreach (var file in files)
        {
            var page = reader.ReadPages(file).First().Image!;
            var skew = analyzer.Analyze(page).Metrics.SkewDegrees;
            var variants = new (string Name, Core.Imaging.RasterImage Image)[]
            {
                ("scanned", page),
                ("cubic", PageTransform.CubicShearRotate(page, skew, 250)),
                ("bilinear", PageTransform.RotateBilinear(page, skew, 250)),
            };
            foreach (var (name, image) in variants)
            {
                var best = double.MaxValue;
                OcrPage? ocr = null;
                for (var r = 0; r < 3; r++)
                {
                    var c = CpuClock.ProcessMilliseconds();
                    ocr = await pool.RecognizeAsync(image, new OcrHints(Straightened: true, ContentArea: null));
                    best = Math.Min(best, CpuClock.ProcessMilliseconds() - c);
                }

                var words = ocr!.Lines.SelectMany(l => l.Words).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(file)}\t{skew:F2}\t{name}\t{best:F0}\t{ocr.MeanConfidence:F1}\t{words.Count}\t{words.Sum(w => w.Text.Length)}"));
            }
        }

        return 0;
    }
}
