using System.Globalization;
using System.Text;
using ScanArchive.Core.Imaging;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Quality;
using SkiaSharp;

namespace ScanArchive.Bench;

/// <summary>
/// Learns and checks the weights of HanOrientation. <c>han-orientation-train --out FILE</c> renders the 3,755
/// characters of GB 2312 level 1 (shuffled, with Chinese punctuation and digits between them, as running text) in
/// seven typefaces at 9, 10.5 and 12 pt on 300-dpi pages, reduces them as the quality step does, finds the character
/// cells with the product's own cell finder, and writes mean grid − mean grid turned 180° as the weights; it prints how
/// many cells of each typeface the weights learned from the other six judge right. <c>han-orientation PAGE...</c>
/// prints the vote on each page as given and turned 180°, with its CPU time.
/// </summary>
internal static class HanOrientationBench
{
    private static readonly (string File, string Family)[] Typefaces =
    [
        ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
        ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", "Noto Sans CJK SC"),
        ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC"),
        ("/usr/share/fonts/truetype/arphic/uming.ttc", "AR PL UMing CN"),
        ("/usr/share/fonts/truetype/arphic/ukai.ttc", "AR PL UKai CN"),
        ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "WenQuanYi Zen Hei"),
        ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "WenQuanYi Micro Hei"),
    ];

    public static int Train(string[] args)
    {
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out")
            {
                output = args[++i];
            }
        }

        var chars = Gb2312Level1();
        var perFont = new List<List<float[]>>();
        foreach (var (file, family) in Typefaces)
        {
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"{file} is missing: apt-get install fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei fonts-wqy-microhei");
                return 2;
            }

            using var typeface = LoadFace(file, family);
            var grids = new List<float[]>();
            foreach (var points in new[] { 9.0, 10.5, 12.0 })
            {
                foreach (var page in RenderPages(typeface, chars, points, seed: (int)(points * 10)))
                {
                    var analysis = AnalysisImage.From(page, AnalysisImage.FactorFor(page));
                    grids.AddRange(HanOrientation.CellGrids(analysis.ToRaster(300)));
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{family} ({Path.GetFileName(file)}): {grids.Count} cells"));
            perFont.Add(grids);
        }

        // Each typeface judged by weights learned from the others: how well the weights carry to an unseen face.
        for (var f = 0; f < perFont.Count; f++)
        {
            var weights = Weights(perFont.Where((_, i) => i != f).SelectMany(g => g));
            var right = perFont[f].Count(g => Dot(weights, g) > 0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"held-out {Typefaces[f].Family} ({Path.GetFileName(Typefaces[f].File)}): {right}/{perFont[f].Count} cells upright ({right / (double)perFont[f].Count:P1})"));
        }

        var all = Weights(perFont.SelectMany(g => g));
        if (output is not null)
        {
            File.WriteAllText(output, WeightsSource(all, perFont.Sum(g => g.Count)));
            Console.WriteLine($"weights written to {output}");
        }

        return 0;
    }

    public static int Check(string[] args)
    {
        var reader = new DocumentReader();
        Console.WriteLine("page\tturn\tcells\tupright\tscore\tcpuMs");
        foreach (var file in args)
        {
            var page = reader.ReadPages(file).First().Image!;
            var analysis = AnalysisImage.From(page, AnalysisImage.FactorFor(page)).ToRaster(page.Dpi);
            foreach (var turn in new[] { 0, 180 })
            {
                var image = turn == 0 ? analysis : PixelRotation.RotateClockwise(analysis, turn);
                HanOrientation.Vote(image); // warm-up: the timed call below pays no JIT
                var start = CpuClock.ThreadMilliseconds();
                var vote = HanOrientation.Vote(image);
                var cpu = CpuClock.ThreadMilliseconds() - start;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(file)}\t{turn}\t{vote.Cells}\t{vote.Upright}\t{vote.Score:F1}\t{cpu:F1}"));
            }
        }

        return 0;
    }

    private static float[] Weights(IEnumerable<float[]> grids)
    {
        var n = HanOrientation.Grid * HanOrientation.Grid;
        var mean = new double[n];
        var count = 0;
        foreach (var g in grids)
        {
            for (var i = 0; i < n; i++)
            {
                mean[i] += g[i];
            }

            count++;
        }

        var weights = new float[n];
        for (var i = 0; i < n; i++)
        {
            weights[i] = (float)((mean[i] - mean[n - 1 - i]) / count);
        }

        return weights;
    }

    private static double Dot(float[] w, float[] g)
    {
        double s = 0;
        for (var i = 0; i < w.Length; i++)
        {
            s += w[i] * g[i];
        }

        return s;
    }

    private static string WeightsSource(float[] weights, int cells)
    {
        var max = weights.Max(Math.Abs);
        var sb = new StringBuilder();
        sb.AppendLine("// <auto-generated>");
        sb.AppendLine("// ScanArchive.Bench han-orientation-train: mean character grid minus the same turned 180°, learned from");
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"// {cells} cells of GB 2312 level 1 rendered in {Typefaces.Length} typefaces at 9, 10.5 and 12 pt (scaled to ±1)."));
        sb.AppendLine("// </auto-generated>");
        sb.AppendLine("namespace ScanArchive.Imaging.Quality;");
        sb.AppendLine();
        sb.AppendLine("/// <summary>Weights of <see cref=\"HanOrientation\"/>, row by row: positive where upright characters hold more ink than turned ones.</summary>");
        sb.AppendLine("internal static class HanOrientationWeights");
        sb.AppendLine("{");
        sb.AppendLine("    public static readonly float[] Values =");
        sb.AppendLine("    [");
        for (var y = 0; y < HanOrientation.Grid; y++)
        {
            var row = Enumerable.Range(0, HanOrientation.Grid)
                .Select(x => (weights[(y * HanOrientation.Grid) + x] / max).ToString("0.000", CultureInfo.InvariantCulture) + "f");
            sb.AppendLine("        " + string.Join(", ", row) + ",");
        }

        sb.AppendLine("    ];");
        sb.AppendLine("}");
        return sb.ToString();
    }

    private static List<char> Gb2312Level1()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding("gb2312");
        var chars = new List<char>();
        for (var row = 0xB0; row <= 0xD7; row++)
        {
            for (var col = 0xA1; col <= 0xFE && !(row == 0xD7 && col > 0xF9); col++)
            {
                chars.Add(gb.GetString([(byte)row, (byte)col])[0]);
            }
        }

        return chars;
    }

    private static SKTypeface LoadFace(string file, string family)
    {
        for (var index = 0; index < 32; index++)
        {
            var face = SKTypeface.FromFile(file, index);
            if (face is null)
            {
                break;
            }

            if (face.FamilyName == family)
            {
                return face;
            }

            face.Dispose();
        }

        return SKTypeface.FromFile(file) ?? throw new InvalidOperationException($"cannot load {file}");
    }

    /// <summary>Running text: every character once, shuffled, with punctuation and numbers between them, A4 pages at 300 dpi.</summary>
    private static IEnumerable<RasterImage> RenderPages(SKTypeface typeface, List<char> chars, double points, int seed)
    {
        var random = new Random(seed);
        var order = chars.OrderBy(_ => random.Next()).ToList();
        var text = new StringBuilder();
        for (var i = 0; i < order.Count; i++)
        {
            text.Append(order[i]);
            var r = random.Next(100);
            if (r < 8)
            {
                text.Append('，');
            }
            else if (r < 10)
            {
                text.Append('。');
            }
            else if (r < 12)
            {
                text.Append(random.Next(1, 2030).ToString(CultureInfo.InvariantCulture));
            }
        }

        const int width = 2480, height = 3508, margin = 200;
        var size = (float)(points / 72 * 300);
        using var font = new SKFont(typeface, size);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var lineStep = size * 1.6f;
        var all = text.ToString();
        var pos = 0;
        while (pos < all.Length)
        {
            using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
            using (var canvas = new SKCanvas(bitmap))
            {
                canvas.Clear(SKColors.White);
                for (var y = margin + size; y < height - margin && pos < all.Length; y += lineStep)
                {
                    var count = (int)font.BreakText(all.AsSpan(pos), width - (2 * margin));
                    count = Math.Max(1, count);
                    canvas.DrawText(all.Substring(pos, Math.Min(count, all.Length - pos)), margin, y, SKTextAlign.Left, font, paint);
                    pos += count;
                }
            }

            yield return new RasterImage(width, height, PixelFormat.Gray8, bitmap.Bytes, 300);
        }
    }
}
