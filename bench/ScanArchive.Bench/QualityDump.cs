using System.Diagnostics;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Quality;
using ScanArchive.Ocr;

namespace ScanArchive.Bench;

internal static class QualityDump
{
    private static ScanArchive.Core.Imaging.RasterImage Window(PageMeasurement m, ScanArchive.Core.Imaging.RasterImage a, int size)
    {
        const int G = PageMeasurer.DensityGrid;
        int best = -1, bx = 0, by = 0;
        for (var y = 0; y + size <= G; y++)
        for (var x = 0; x + size <= G; x++)
        {
            var s = 0;
            for (var j = y; j < y + size; j++) for (var i = x; i < x + size; i++) s += m.TextDensity[j * G + i];
            if (s > best) { best = s; bx = x; by = y; }
        }
        int x0 = bx * a.Width / G, y0 = by * a.Height / G, x1 = (bx + size) * a.Width / G, y1 = (by + size) * a.Height / G;
        return PageTransform.Crop(a, new ScanArchive.Core.Imaging.PixelBox(x0, y0, x1 - x0, y1 - y0));
    }

    public static int Run(string[] files)
    {
        var reader = new DocumentReader();
        using var osd = TesseractOrientationDetector.Create();
        var cleaner = new PageCleaner(osd);
        using var pool = Environment.GetEnvironmentVariable("OCR") is null ? null : TesseractEnginePool.Create(new TesseractOptions { Workers = 1 });
        foreach (var file in files)
        {
            foreach (var page in reader.ReadPages(file))
            {
                if (page.Image is null) continue;
                var sw = Stopwatch.StartNew();
                var m = PageMeasurer.Measure(page.Image);
                var t1 = sw.ElapsedMilliseconds;
                var c = cleaner.Clean(page.Image, QualityProfile.Default);
                var t2 = sw.ElapsedMilliseconds - t1;
                var a = m.Analysis.ToRaster(150);
                var s3 = Stopwatch.StartNew();
                var o = osd.Detect(a);
                var t3 = s3.ElapsedMilliseconds;
                s3.Restart();
                var half = Window(m, a, int.Parse(Environment.GetEnvironmentVariable("WIN") ?? "4"));
                var o2 = osd.Detect(half);
                var t4 = s3.ElapsedMilliseconds;
                s3.Restart();
                PageTransform.Straighten(page.Image, 0, 1.0, 240);
                var t5 = s3.ElapsedMilliseconds;
                s3.Restart();
                if (pool is not null) pool.RecognizeAsync(c.Image).GetAwaiter().GetResult();
                var t6 = s3.ElapsedMilliseconds;
                s3.Restart();
                osd.Detect(a); osd.Detect(a);
                var t7 = s3.ElapsedMilliseconds / 2;
                Console.WriteLine($"   ocr {t6}ms  osd-again {t7}ms  measure {t1}ms clean {t2}ms ratio {(t1 + t2) / (double)Math.Max(1, t6):P0}");
                Console.WriteLine($"   osd150 {o?.RotationClockwise}/{o?.Confidence:F1} {t3}ms  win {o2?.RotationClockwise}/{o2?.Confidence:F1} {t4}ms  rotate {t5}ms");
                var q = c.Quality.Metrics;
                Console.WriteLine($"{Path.GetFileName(file),-44} f={m.Analysis.Factor} dpi={q.Dpi}{(q.DpiSource == ScanArchive.Core.Imaging.DpiSource.Header ? "h" : "e")} paper={m.PaperLevel:F0} cont={q.Contrast:F0} ink={m.ContentInk:P3} h={m.Skew.Horizontal.Degrees:F2}/{m.Skew.Horizontal.Strength:F1} v={m.Skew.Vertical.Degrees:F2}/{m.Skew.Vertical.Strength:F1} axis={m.Skew.AxisRatio:F2} th={m.TextHeight:F0} sharp={q.Sharpness:F2} rot={q.Rotation}/{q.OrientationConfidence:F1}/{q.OrientationMethod} skew={q.SkewDegrees} cut={q.CutOffSides} col={q.ColourFraction:P2} => {c.Quality.Verdict} [{string.Join(",", c.Quality.Reasons)}] {t1}+{t2}ms");
            }
        }

        return 0;
    }
}
