using System.Globalization;
using System.Text;
using ScanArchive.Core.Imaging;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Quality;

namespace ScanArchive.Bench;

/// <summary>
/// CPU per bilinear rotation (best of 5) of one page, grey and colour, by each row kernel of PageTransform.Rotate:
/// the plain loop, the runs of plain loads alone (the kernel before gathers), runs with gathered groups, gathers
/// only, and the automatic choice, as ratios measured in the same run. Also checks that all kernels give the same bytes.
/// </summary>
internal static class RotateBench
{
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var angles = new[] { 1.0, 4, 8, 12 };
        if (args.Length > 1 && args[0] == "--angles")
        {
            angles = [.. args[1].Split(',').Select(a => double.Parse(a, Ic))];
            args = args[2..];
        }

        var file = args.FirstOrDefault() ?? Path.Combine("sample-scans", "zh-contract.jpg");
        var page = new DocumentReader().ReadPages(file).First().Image!;
        var colour = page.Format == PixelFormat.Rgb24 ? page : Tint(page);
        var grey = QualityVariants.ToGrey(colour);
        Console.WriteLine($"{Path.GetFileName(file)} {page.Width}x{page.Height}; CPU ms per page, best of 5");

        var cases = angles.Select(a => (Name: $"{a.ToString(Ic)}°", Rotate: (Func<RasterImage, RasterImage>)(p => PageTransform.RotateBilinear(p, a, 240))))
            .Append(("90°+4°", p => PageTransform.Straighten(p, 90, 4, 240)))
            .Append(("4° ×1.5", p => PageTransform.StraightenAndScale(p, 4, 240, 1.5)))
            .ToArray();
        var kernels = new[]
        {
            PageTransform.RotationKernel.Scalar, PageTransform.RotationKernel.Runs, PageTransform.RotationKernel.RunsAndGathers,
            PageTransform.RotationKernel.Gathers, PageTransform.RotationKernel.Auto,
        };


        Console.WriteLine($"{"",-16}{"scalar",9}{"runs",9}{"runs+g",9}{"gathers",9}{"auto",9}   runs/auto scalar/auto");
        foreach (var (label, image) in new[] { ("grey", grey), ("colour", colour) })
        {
            foreach (var (name, rotate) in cases)
            {
                var times = new Dictionary<PageTransform.RotationKernel, double>();
                byte[]? reference = null;
                foreach (var kernel in kernels)
                {
                    PageTransform.Kernel = kernel;
                    var best = double.MaxValue;
                    for (var r = 0; r < 5; r++)
                    {
                        var c = CpuClock.ProcessMilliseconds();
                        var result = rotate(image);
                        best = Math.Min(best, CpuClock.ProcessMilliseconds() - c);
                        reference ??= result.Pixels;
                        if (r == 0 && !result.Pixels.AsSpan().SequenceEqual(reference))
                        {
                            Console.Error.WriteLine($"{label} {name}: {kernel} differs from the plain loop");
                            return 1;
                        }
                    }

                    times[kernel] = best;
                }

                PageTransform.Kernel = PageTransform.RotationKernel.Auto;
                var line = new StringBuilder($"{label + " " + name,-16}");
                foreach (var kernel in kernels)
                {
                    line.Append(Ic, $"{times[kernel],9:F1}");
                }

                var auto = times[PageTransform.RotationKernel.Auto];
                line.Append(Ic, $"   {times[PageTransform.RotationKernel.Runs] / auto,9:F2} {times[PageTransform.RotationKernel.Scalar] / auto,11:F2}");
                Console.WriteLine(line);
            }
        }

        return 0;
    }

    /// <summary>A colour page from a grey one (channels scaled apart, so that they differ).</summary>
    private static RasterImage Tint(RasterImage grey)
    {
        var rgb = new byte[grey.Width * grey.Height * 3];
        for (var y = 0; y < grey.Height; y++)
        {
            var row = grey.Row(y);
            for (var x = 0; x < grey.Width; x++)
            {
                var i = ((y * grey.Width) + x) * 3;
                rgb[i] = row[x];
                rgb[i + 1] = (byte)(row[x] * 7 / 8);
                rgb[i + 2] = (byte)(255 - ((255 - row[x]) * 3 / 4));
            }
        }

        return new RasterImage(grey.Width, grey.Height, PixelFormat.Rgb24, rgb, grey.Dpi);
    }
}
