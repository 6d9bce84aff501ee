using System.Diagnostics;
using ImageMagick;
using ScanArchive.Core.Imaging;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Encoders;

namespace ScanArchive.Bench;

/// <summary>
/// Page image encoding, the archive's encoder against the ImageMagick paths it replaced (kept here as the
/// baseline): CPU ms per page (best of five) and bytes; bilevel pages as G4, other pages both as grey JPEG and as
/// 4:2:0 colour JPEG (a grey page gets a red stamp for that), at the default quality and 300 dpi on both sides.
/// </summary>
internal static class EncodeBench
{
    public static int Run(string[] files)
    {
        var reader = new DocumentReader();
        var quality = new PageImageEncoderOptions().JpegQuality;
        Console.WriteLine($"{"page",-44} {"kind",-8} {"baseline ms",11} {"ours ms",8} {"speed-up",8} {"baseline B",11} {"ours B",9}");
        foreach (var file in files)
        {
            var page = reader.ReadPages(file).First().Image!;
            var name = Path.GetFileName(file);
            if (PageImageEncoder.IsBilevel(page))
            {
                Report(name, "g4", () => MagickG4(page), () => CcittG4Encoder.Encode(page));
                continue;
            }

            var grey = page.Format == PixelFormat.Gray8 ? page : ToGrey(page);
            Report(name, "grey", () => MagickJpeg(grey, quality, colour: false), () => TurboJpegEncoder.Encode(grey, 300, quality, colour: false));
            var colour = page.Format == PixelFormat.Rgb24 ? page : ToRgb(page);
            Report(name, "colour", () => MagickJpeg(colour, quality, colour: true), () => TurboJpegEncoder.Encode(colour, 300, quality, colour: true));
        }

        return 0;
    }

    private static void Report(string name, string kind, Func<byte[]> baseline, Func<byte[]> ours)
    {
        var (baseMs, baseBytes) = Best(baseline);
        var (oursMs, oursBytes) = Best(ours);
        Console.WriteLine($"{name,-44} {kind,-8} {baseMs,11:F1} {oursMs,8:F1} {baseMs / oursMs,7:F1}x {baseBytes,11} {oursBytes,9}");
    }

    private static (double Ms, int Bytes) Best(Func<byte[]> encode)
    {
        var proc = Process.GetCurrentProcess();
        var best = double.MaxValue;
        var bytes = 0;
        for (var i = 0; i < 5; i++)
        {
            proc.Refresh();
            var before = proc.TotalProcessorTime;
            bytes = encode().Length;
            proc.Refresh();
            best = Math.Min(best, (proc.TotalProcessorTime - before).TotalMilliseconds);
        }

        return (best, bytes);
    }

    /// <summary>The G4 path PageImageEncoder used before CcittG4Encoder.</summary>
    private static byte[] MagickG4(RasterImage page)
    {
        using var image = ToMagick(page);
        image.Threshold(new Percentage(50));
        image.ColorType = ColorType.Bilevel;
        image.Strip();
        return image.ToByteArray(MagickFormat.Group4);
    }

    /// <summary>The JPEG path PageImageEncoder used before (pixel import into Magick, then its libjpeg writer).</summary>
    private static byte[] MagickJpeg(RasterImage page, int quality, bool colour)
    {
        using var image = ToMagick(page);
        image.Strip();
        image.Quality = (uint)quality;
        image.Settings.SetDefine(MagickFormat.Jpeg, "optimize-coding", "true");
        if (colour)
        {
            image.Settings.SetDefine(MagickFormat.Jpeg, "sampling-factor", "2x2,1x1,1x1");
        }

        return image.ToByteArray(MagickFormat.Jpeg);
    }

    private static MagickImage ToMagick(RasterImage page)
    {
        var gray = page.Format == PixelFormat.Gray8;
        var image = new MagickImage(page.Pixels, new MagickReadSettings
        {
            Format = gray ? MagickFormat.Gray : MagickFormat.Rgb,
            Width = (uint)page.Width,
            Height = (uint)page.Height,
            Depth = 8,
        });
        if (gray)
        {
            image.ColorSpace = ColorSpace.Gray;
            image.ColorType = ColorType.Grayscale;
        }

        image.Density = new Density(300, 300, DensityUnit.PixelsPerInch);
        return image;
    }

    private static RasterImage ToGrey(RasterImage rgb)
    {
        var grey = new byte[rgb.Width * rgb.Height];
        for (var y = 0; y < rgb.Height; y++)
        {
            var row = rgb.Row(y);
            for (var x = 0; x < rgb.Width; x++)
            {
                grey[(y * rgb.Width) + x] = (byte)(((row[3 * x] * 77) + (row[(3 * x) + 1] * 150) + (row[(3 * x) + 2] * 29)) >> 8);
            }
        }

        return new RasterImage(rgb.Width, rgb.Height, PixelFormat.Gray8, grey, rgb.Dpi);
    }

    private static RasterImage ToRgb(RasterImage grey)
    {
        // A grey page turned into colour, with a red stamp so that the colour path is what gets measured.
        var rgb = new byte[grey.Width * grey.Height * 3];
        for (var y = 0; y < grey.Height; y++)
        {
            var row = grey.Row(y);
            for (var x = 0; x < grey.Width; x++)
            {
                var i = ((y * grey.Width) + x) * 3;
                var stamp = x > grey.Width / 2 && x < (grey.Width / 2) + 300 && y > 200 && y < 500;
                (rgb[i], rgb[i + 1], rgb[i + 2]) = stamp ? ((byte)200, (byte)40, (byte)40) : (row[x], row[x], row[x]);
            }
        }

        return new RasterImage(grey.Width, grey.Height, PixelFormat.Rgb24, rgb, grey.Dpi);
    }
}
