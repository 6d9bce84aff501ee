using System.Diagnostics;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Quality;
using ScanArchive.Ocr;

namespace ScanArchive.Bench;

/// <summary>
/// CPU time of each stage of the quality step on given pages (best of four): reduction, ink map, edge blur, all
/// measurements, orientation detection, straightening, border crop, the whole cleaner, and (for comparison) the
/// archive's JPEG/G4 encoding of the page and decoding the file. <c>--each [--turn N]</c>: the whole cleaner's CPU
/// per call, eight calls in a row, with the collections each ran into.
/// </summary>
internal static class QualityStages
{
    public static int Run(string[] files)
    {
        var reader = new DocumentReader();
        using var osd = TesseractOrientationDetector.Create();
        var encoder = new ScanArchive.Imaging.Encoders.PageImageEncoder();

        double? extraSkew = null;
        if (files.Length > 1 && files[0] == "--skew")
        {
            extraSkew = double.Parse(files[1], System.Globalization.CultureInfo.InvariantCulture);
            files = files[2..];
        }

        if (files.Length > 0 && files[0] == "--each")
        {
            // Every call of the whole cleaner, one after another (not the best of four), with the garbage collections
            // it ran into: how much a page pays when its buffers are not yet warm.
            var turn = 0;
            files = files[1..];
            if (files.Length > 1 && files[0] == "--turn")
            {
                turn = int.Parse(files[1], System.Globalization.CultureInfo.InvariantCulture);
                files = files[2..];
            }

            foreach (var file in files)
            {
                var page = PixelRotation.RotateClockwise(reader.ReadPages(file).First().Image!, turn);
                var calls = new List<string>();
                for (var r = 0; r < 8; r++)
                {
                    var (gen0, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());
                    var c = CpuClock.ProcessMilliseconds();
                    new PageCleaner(osd).Clean(page, QualityProfile.Default);
                    calls.Add($"{CpuClock.ProcessMilliseconds() - c:F0} (gen0 {GC.CollectionCount(0) - gen0}, gen2 {GC.CollectionCount(2) - gen2}, pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0})");
                }

                Console.WriteLine($"{Path.GetFileName(file),-32} " + string.Join("  ", calls));
            }

            return 0;
        }

        foreach (var file in files)
        {
            var img = reader.ReadPages(file).First().Image!;
            if (extraSkew is { } degrees)
            {
                img = QualityVariants.Skew(img, degrees, 255);
            }

            var best = new Dictionary<string, double>();
            void T(string name, Action a)
            {
                var c = CpuClock.ProcessMilliseconds();
                a();
                var d = CpuClock.ProcessMilliseconds() - c;
                best[name] = Math.Min(best.GetValueOrDefault(name, double.MaxValue), d);
            }

            for (var r = 0; r < 4; r++)
            {
                AnalysisImage? an = null;
                PageMeasurement? m = null;
                T("analysis", () => an = AnalysisImage.From(img, AnalysisImage.FactorFor(img)));
                T("inkmap", () => InkMap.Build(an!, PageMeasurer.InkDelta));
                T("blur", () => EdgeBlurEstimator.MedianSigma(an!, 60));
                T("blurSpread", () => EdgeBlurEstimator.Measure(an!, 60, 120).SpreadAt150(120, null, 150, 150));
                T("measure", () => m = PageMeasurer.Measure(img));
                T("detect", () => osd.Detect(m!.Analysis.ToRaster(150)));
                T("straighten", () => PageTransform.Straighten(img, 0, 1.0, 240));
                T("turn90", () => PixelRotation.RotateClockwise(img, 90));
                T("turn180", () => PixelRotation.RotateClockwise(img, 180));
                T("crop", () => BorderCrop.Find(img));
                T("clean", () => new PageCleaner(osd).Clean(img, QualityProfile.Default));
                T("cleanNoFlip", () => new PageCleaner(osd).Clean(img, QualityProfile.Default with { DetectUpsideDown = false }));
                T("encode", () => encoder.Encode(img));
                T("decode", () => _ = reader.ReadPages(file).First());
            }
            Console.WriteLine($"{Path.GetFileName(file),-40} " + string.Join("  ", best.Select(kv => $"{kv.Key} {kv.Value:F0} ms")));
        }
        return 0;
    }
}
