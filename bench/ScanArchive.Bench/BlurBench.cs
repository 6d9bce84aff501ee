using System.Globalization;
using System.Text;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Quality;

namespace ScanArchive.Bench;

/// <summary>
/// Calibration and held-out check of the blur verdict on camera-like defocus. Pages from sample-scans are defocused
/// with a disk (a lens out of focus) or a Gaussian, at 300 and 200 dpi, in grey and in colour, Chinese and English;
/// the real development pages (../shared/datasets, read in place, never copied) are sharp pages nobody generated.
/// The pages and the generator settings are split: the <c>tune</c> set (five pages, clean defocus) is what the limits
/// were read from; the <c>holdout</c> set (the other five pages, other radii, plus sensor noise, light fall-off and
/// JPEG) was only measured afterwards. Prints recall and false flags per set and writes every page's metrics.
/// </summary>
internal static class BlurBench
{
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    /// <summary>The pages the limits were tuned on; the other document pages are held out.</summary>
    private static readonly string[] TunePages = ["en-invoice", "en-customer-registration", "zh-account-application", "zh-invoice", "zh-contract"];

    private static readonly string[] HoldoutPages = ["en-service-agreement", "en-service-record", "zh-customer-registration", "zh-id-card-copy", "zh-service-record"];

    /// <summary>Disk radius (mm) from which a page is defocused: strokes soft over several pixels, text still legible.</summary>
    private const double DefocusedFromMm = 0.3;

    /// <summary>Disk radius (mm) up to which a page counts as sharp (a careful scan's own softness).</summary>
    private const double SharpUpToMm = 0.12;

    private sealed record Case(string Set, string Name, string Page, int Dpi, bool Colour, string Blur, double AmountMm, bool? Defocused, Func<RasterImage> Make);

    public static int Run(string[] args)
    {
        string? samples = null, output = null, datasets = null;
        var only = "all";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--samples": samples = args[++i]; break;
                case "--out": output = args[++i]; break;
                case "--datasets": datasets = args[++i]; break;
                case "--set": only = args[++i]; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        if (samples is null || output is null)
        {
            Console.Error.WriteLine("usage: ScanArchive.Bench blur --samples DIR --out DIR [--datasets DIR] [--set tune|holdout|real|all]");
            return 2;
        }

        Directory.CreateDirectory(output);
        var cases = Cases(samples, datasets).Where(c => only == "all" || c.Set.StartsWith(only, StringComparison.Ordinal)).ToList();
        var analyzer = new PageQualityAnalyzer();
        var rows = new List<(Case Case, PageQuality Quality, double? SigmaMm)>();
        var tsv = new StringBuilder("set\tname\tpage\tdpi\tcolour\tblur\tamount_mm\tlabel\tsharpness\tverdict\treasons\tdpi_used\ttext_px\tedge_sigma_px\tfactor\tn\tp10\tp25\tp50\tp75\tedge_spread\tspread60\tspread70\tspread80\tspread90\tn80\n");
        foreach (var c in cases)
        {
            var image = c.Make();
            var quality = analyzer.Analyze(image);
            var m = PageMeasurer.Measure(image);
            var q = quality.Metrics;
            var edges = EdgeBlurEstimator.Samples(m.Analysis, (int)Math.Max(20, (m.PaperLevel - m.InkLevel) * 0.5));
            float P(double f) => edges.Count == 0 ? float.NaN : edges[(int)(f * (edges.Count - 1))];
            var contrast = m.PaperLevel - m.InkLevel;
            var all = EdgeBlurEstimator.Measure(m.Analysis, (int)Math.Max(20, contrast * 0.5), (int)Math.Max(20, contrast * 0.5));
            double? S(double fraction) => all.SpreadAt150((int)Math.Max(20, contrast * fraction), m.TextHeight / m.Analysis.Factor, AnalysisImage.PlausibleDpi(image) / (double)m.Analysis.Factor, m.AssumedAnalysisDpi);
            var n80 = all.Spreads.Count(s => s.Contrast >= contrast * 0.8);
            rows.Add((c, quality, null));
            var label = c.Defocused switch { true => "defocused", false => "sharp", null => "between" };
            tsv.AppendLine(string.Create(Ic, $"{c.Set}\t{c.Name}\t{c.Page}\t{c.Dpi}\t{c.Colour}\t{c.Blur}\t{c.AmountMm:0.###}\t{label}\t{q.Sharpness}\t{quality.Verdict}\t{string.Join(',', quality.Reasons)}\t{q.Dpi}\t{q.TextHeightPixels:0.#}\t{m.EdgeSigma:0.###}\t{m.Analysis.Factor}\t{edges.Count}\t{P(0.1):0.###}\t{P(0.25):0.###}\t{P(0.5):0.###}\t{P(0.75):0.###}\t{q.EdgeSpread:0.###}\t{S(0.6):0.###}\t{S(0.7):0.###}\t{S(0.8):0.###}\t{S(0.9):0.###}\t{n80}"));
            Console.Error.Write('.');
        }

        Console.Error.WriteLine();
        File.WriteAllText(Path.Combine(output, "blur-cases.tsv"), tsv.ToString());

        var summary = new StringBuilder();
        foreach (var set in rows.Select(r => r.Case.Set).Distinct())
        {
            var inSet = rows.Where(r => r.Case.Set == set).ToList();
            var defocused = inSet.Where(r => r.Case.Defocused == true).ToList();
            var sharp = inSet.Where(r => r.Case.Defocused == false).ToList();
            var between = inSet.Where(r => r.Case.Defocused is null).ToList();
            summary.AppendLine(string.Create(Ic, $"{set,-10} recall (warn or fail) {defocused.Count(r => r.Quality.Blurry),3}/{defocused.Count,-3}  false flags (blurry) {sharp.Count(r => r.Quality.Blurry),3}/{sharp.Count,-3}  any issue on sharp {sharp.Count(r => r.Quality.Issues.Any(i => i.Reason != QualityReason.LowResolution)),3}/{sharp.Count,-3}  between flagged {between.Count(r => r.Quality.Blurry)}/{between.Count}"));
            foreach (var group in inSet.GroupBy(r => (r.Case.Blur, r.Case.AmountMm, r.Case.Dpi)).OrderBy(g => g.Key.Blur, StringComparer.Ordinal).ThenBy(g => g.Key.AmountMm).ThenBy(g => g.Key.Dpi))
            {
                var s = group.Select(r => r.Quality.Metrics.Sharpness ?? 1).Order().ToList();
                summary.AppendLine(string.Create(Ic, $"    {group.Key.Blur,-9} {group.Key.AmountMm,5:0.00} mm {group.Key.Dpi,3} dpi  sharpness {s[0]:0.00}–{s[^1]:0.00} (median {s[s.Count / 2]:0.00})  blurry {group.Count(r => r.Quality.Blurry)}/{group.Count()}"));
            }

            var missed = defocused.Where(r => !r.Quality.Blurry).Select(r => r.Case.Name).Take(8).ToList();
            var flagged = sharp.Where(r => r.Quality.Blurry).Select(r => $"{r.Case.Name} ({r.Quality.Metrics.Sharpness})").Take(8).ToList();
            if (missed.Count > 0)
            {
                summary.AppendLine("    missed: " + string.Join(", ", missed));
            }

            if (flagged.Count > 0)
            {
                summary.AppendLine("    flagged: " + string.Join(", ", flagged));
            }
        }

        File.WriteAllText(Path.Combine(output, "blur-summary.txt"), summary.ToString());
        Console.Write(summary);
        return 0;
    }

    private static List<Case> Cases(string samples, string? datasets)
    {
        var reader = new DocumentReader();
        var cases = new List<Case>();
        RasterImage Load(string path) => reader.ReadPages(path).First().Image ?? throw new InvalidOperationException(path);
        string PathOf(string page) => Directory.EnumerateFiles(samples, page + ".*").First(f => !f.EndsWith(".json", StringComparison.Ordinal));

        // Tune: clean defocus. Held out: other radii, and a camera's noise, light fall-off and JPEG on top.
        AddGenerated("tune", TunePages, diskMm: [0.08, 0.12, 0.2, 0.3, 0.35, 0.45, 0.6], gaussMm: [0.05, 0.09, 0.25, 0.34], camera: false);
        AddGenerated("holdout", HoldoutPages, diskMm: [0.1, 0.16, 0.25, 0.32, 0.4, 0.5, 0.7], gaussMm: [0.07, 0.3, 0.42], camera: true);

        if (datasets is not null)
        {
            foreach (var set in new[] { "real-dev", "real-dev-zh" })
            {
                var dir = Path.Combine(datasets, set);
                if (!Directory.Exists(dir))
                {
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                {
                    // Real pages as they are (sharp), and defocused by a disk of 0.35 mm at their own (estimated) resolution.
                    cases.Add(new Case("real", Path.GetRelativePath(dir, file), file, 0, false, "none", 0, false, () => Load(file)));
                }
            }
        }

        return cases;

        void AddGenerated(string set, string[] pages, double[] diskMm, double[] gaussMm, bool camera)
        {
            var random = new Random(set == "tune" ? 11 : 29);
            foreach (var page in pages)
            {
                var path = PathOf(page);
                foreach (var dpi in new[] { 300, 200 })
                {
                    foreach (var colour in new[] { false, true })
                    {
                        var seed = random.Next();
                        var name = $"{page}-{dpi}-{(colour ? "colour" : "grey")}";
                        RasterImage Finish(RasterImage at300)
                        {
                            var image = dpi == 300 ? at300 : QualityVariants.Resample(at300, 300, dpi);
                            if (camera)
                            {
                                var r = new Random(seed);
                                image = DefocusVariants.Sensor(image, 2 + (r.NextDouble() * 2), 0.05 + (r.NextDouble() * 0.1), r);
                                image = DefocusVariants.Jpeg(image, 75 + r.Next(0, 15));
                            }

                            return image;
                        }

                        RasterImage Base()
                        {
                            var loaded = Load(path);
                            return colour
                                ? loaded.Format == PixelFormat.Rgb24 ? loaded : DefocusVariants.Colourize(QualityVariants.ToGrey(loaded), (246, 240, 226), (28, 36, 92))
                                : QualityVariants.ToGrey(loaded);
                        }

                        cases.Add(new Case(set, $"{name}-none", page, dpi, colour, "none", 0, false, () => Finish(Base())));
                        foreach (var mm in diskMm)
                        {
                            var px = mm / 25.4 * 300;
                            cases.Add(new Case(set, $"{name}-disk{mm:0.00}", page, dpi, colour, "disk", mm, Label(mm), () => Finish(DefocusVariants.Disk(Base(), px))));
                        }

                        foreach (var mm in gaussMm)
                        {
                            // A Gaussian of σ has the second moment of a disk of radius 2σ: labelled by that radius.
                            var px = mm / 25.4 * 300;
                            cases.Add(new Case(set, $"{name}-gauss{mm:0.00}", page, dpi, colour, "gaussian", mm, Label(2 * mm), () => Finish(QualityVariants.Blur(Base(), px))));
                        }
                    }
                }
            }
        }
    }

    private static bool? Label(double diskRadiusMm) =>
        diskRadiusMm >= DefocusedFromMm ? true : diskRadiusMm <= SharpUpToMm ? false : null;
}
