using System.Diagnostics;
using System.Globalization;
using ScanArchive.Core.Ocr;
using ScanArchive.Imaging;
using ScanArchive.Ocr;

namespace ScanArchive.Bench;

/// <summary>
/// How well the recognition itself tells an upright page from an upside-down one: recognizes every page as given
/// and turned 180°, and prints the word-confidence figures of both with the CPU time. The figures the recognition
/// check in the pipeline reads (OrientationCheck in Core) were chosen from this output.
/// </summary>
internal static class OrientationByRecognition
{
    public static async Task<int> RunAsync(string[] args)
    {
        var lang = TesseractOptions.DefaultLanguages;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lang")
            {
                lang = args[++i];
            }
            else
            {
                files.Add(args[i]);
            }
        }

        var reader = new DocumentReader();
        using var pool = TesseractEnginePool.Create(new TesseractOptions { Workers = 1, Languages = lang });

        Console.WriteLine("page\tturn\tmeanConf\twords\tstrongShare\tcpuMs");
        foreach (var file in files)
        {
            var page = reader.ReadPages(file).First().Image!;
            foreach (var turn in new[] { 0, 180 })
            {
                var image = turn == 0 ? page : PixelRotation.RotateClockwise(page, turn);
                var c = CpuClock.ProcessMilliseconds();
                var ocr = await pool.RecognizeAsync(image);
                var cpu = CpuClock.ProcessMilliseconds() - c;
                var words = ocr.Lines.SelectMany(l => l.Words).ToList();
                var letters = words.Sum(w => w.Text.Length);
                var strong = words.Where(w => w.Confidence >= 80).Sum(w => w.Text.Length);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(file)}\t{turn}\t{ocr.MeanConfidence:F1}\t{words.Count}\t{(letters == 0 ? 0 : strong / (double)letters):F3}\t{cpu:F0}"));
            }
        }

        return 0;
    }
}
