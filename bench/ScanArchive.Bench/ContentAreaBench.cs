using System.Diagnostics;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Quality;
using ScanArchive.Ocr;

namespace ScanArchive.Bench;

/// <summary>
/// CPU of recognizing each page whole against recognizing only its content area (Tesseract's rectangle) and against
/// recognizing the content area cut out, one engine, interleaved per page; plus how much of the page the area covers.
/// </summary>
internal static class ContentAreaBench
{
    public static async Task<int> RunAsync(string[] files)
    {

        using var pool = TesseractEnginePool.Create(new TesseractOptions { Workers = 1, RenderTextLayer = true });
        var cleaner = new PageCleaner(null);
        var reader = new DocumentReader();
        double whole = 0, rect = 0, cut = 0, share = 0;
        var n = 0;
        foreach (var file in files)
        {
            foreach (var page in reader.ReadPages(file))
            {
                var cleaned = cleaner.Clean(page.Image!, QualityProfile.Default);
                var image = cleaned.Image;
                var area = cleaned.ContentArea;
                var times = new double[3];
                var words = new int[3];
                for (var rep = 0; rep < 2; rep++)
                {
                    for (var v = 0; v < 3; v++)
                    {
                        if (v > 0 && area is null)
                        {
                            continue;
                        }

                        var c = CpuClock.ProcessMilliseconds();
                        var ocr = v switch
                        {
                            0 => await pool.RecognizeAsync(image, new OcrHints(true, null)),
                            1 => await pool.RecognizeAsync(image, new OcrHints(true, area)),
                            _ => await pool.RecognizeAsync(PageTransform.Crop(image, area!.Value), new OcrHints(true, null)),
                        };
                        var t = CpuClock.ProcessMilliseconds() - c;
                        times[v] = rep == 0 ? t : Math.Min(times[v], t);
                        words[v] = ocr.Lines.Sum(l => l.Words.Count);
                    }
                }

                if (area is { } a)
                {
                    times[1] = times[1] == 0 ? times[0] : times[1];
                }
                else
                {
                    times[1] = times[2] = times[0];
                }

                var s = area is { } b ? b.Width * (double)b.Height / (image.Width * (double)image.Height) : 1;
                Console.WriteLine($"{Path.GetFileName(file),-34} area {s,5:P0} {area}  whole {times[0],6:F0} ms ({words[0]} words)  rect {times[1],6:F0} ms ({words[1]})  cut {times[2],6:F0} ms ({words[2]})");
                whole += times[0];
                rect += times[1];
                cut += times[2];
                share += s;
                n++;
            }
        }

        Console.WriteLine($"pages {n}: mean area {share / n:P0}; CPU rect/whole {rect / whole:F3}, cut/whole {cut / whole:F3}");
        return 0;
    }
}
