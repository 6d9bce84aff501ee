using ImageMagick;

namespace ScanArchive.Bench;

internal static class CropTool
{
    public static int Clean(string[] a)
    {
        var img = new ScanArchive.Imaging.DocumentReader().ReadPages(a[0]).First().Image!;
        var profile = ScanArchive.Core.Quality.QualityProfile.Default with { CropBorders = a.Length > 2 };
        var c = new ScanArchive.Imaging.Quality.PageCleaner().Clean(img, profile);
        Console.WriteLine($"{c.Quality.Cleanup} {c.Quality.Describe()}");
        var i = c.Image;
        var a2 = ScanArchive.Imaging.Quality.AnalysisImage.From(i, ScanArchive.Imaging.Quality.AnalysisImage.FactorFor(i));
        for (var y = 0; y < a2.Height; y += a2.Height / 20)
        {
            var row = a2.Grey.AsSpan(y * a2.Width, a2.Width).ToArray();
            Console.WriteLine($"row {y}: min {row.Min()} max {row.Max()} mean {row.Average(b => (double)b):F0} dark<217 {row.Count(b => b < 217) / (double)a2.Width:P0}");
        }
        using var f = File.Create(a[1]);
        f.Write(System.Text.Encoding.ASCII.GetBytes($"P{(i.BytesPerPixel == 1 ? 5 : 6)}\n{i.Width} {i.Height}\n255\n"));
        for (var y = 0; y < i.Height; y++) f.Write(i.Row(y));
        return 0;
    }

    public static int Run(string[] a)
    {
        using var img = new MagickImage(a[0]);
        img.Crop(new MagickGeometry(int.Parse(a[1]), int.Parse(a[2]), uint.Parse(a[3]), uint.Parse(a[4])));
        img.Write(a[5], MagickFormat.Png);
        return 0;
    }
}
