using System.Diagnostics;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Quality;
using ScanArchive.Ocr;

namespace ScanArchive.Bench;

internal static class OsdProbe
{
    public static int Run(string[] files)
    {
        var reader = new DocumentReader();
        using var osd = TesseractOrientationDetector.Create();
        foreach (var file in files)
        {
            var img = reader.ReadPages(file).First().Image!;
            var m = PageMeasurer.Measure(img);
            var a = m.Analysis.ToRaster(150);
            var line = $"{Path.GetFileName(file),-44}";
            foreach (var size in new[] { 8, 5, 4, 3, 2 })
            {
                var win = size == 8 ? a : Window(m, a, size);
                long best = long.MaxValue;
                ScanArchive.Core.Quality.OrientationEstimate? o = null;
                for (var r = 0; r < 3; r++)
                {
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    o = osd.Detect(win);
                    best = Math.Min(best, (long)(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
                }
                line += $" | {size}: {o?.RotationClockwise}/{o?.Confidence:F1} {best}ms";
            }
            Console.WriteLine(line);
        }
        return 0;
    }

    internal static ScanArchive.Core.Imaging.RasterImage Window(PageMeasurement m, ScanArchive.Core.Imaging.RasterImage a, int size)
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
}
