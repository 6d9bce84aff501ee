using System.Globalization;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Quality;

namespace ScanArchive.Bench;

/// <summary>
/// Writes copies of pages turned by small angles (bilinear, as a slightly skewed scan), as PNG, with the page's ground
/// truth beside each: <c>skew-copies --out DIR --angles 0.4,-0.7 PAGE...</c> (ground truth: PAGE's .json, if any).
/// </summary>
internal static class SkewCopies
{
    public static int Run(string[] args)
    {
        string? outDir = null;
        var angles = new List<double>();
        var pages = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out": outDir = args[++i]; break;
                case "--angles": angles.AddRange(args[++i].Split(',').Select(a => double.Parse(a, CultureInfo.InvariantCulture))); break;
                default: pages.Add(args[i]); break;
            }
        }

        if (outDir is null || angles.Count == 0)
        {
            Console.Error.WriteLine("usage: skew-copies --out DIR --angles A,B,... PAGE...");
            return 2;
        }

        Directory.CreateDirectory(outDir);
        var reader = new DocumentReader();
        foreach (var file in pages)
        {
            var page = reader.ReadPages(file).First().Image!;
            var truth = Path.ChangeExtension(file, ".json");
            foreach (var angle in angles)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(file)}-skew{angle:+0.0;-0.0}");
                var skewed = PageTransform.RotateBilinear(page, angle, 250);
                File.WriteAllBytes(Path.Combine(outDir, name + ".png"), RasterImageWriter.ToPng(skewed));
                if (File.Exists(truth))
                {
                    File.Copy(truth, Path.Combine(outDir, name + ".json"), overwrite: true);
                }
            }
        }

        return 0;
    }
}
