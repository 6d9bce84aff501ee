using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Quality;
using ScanArchive.Ocr;

namespace ScanArchive.Bench;

/// <summary>
/// Quality checks and cleanup on labelled pages: sample-scans (QC cases and document pages), variants generated from
/// the document pages (blur, resolution, contrast, quarter turns, skew, cut edges, blank sheets) and the real
/// development pages. Prints recall per defect, false flags on good pages, deskew residual, orientation accuracy,
/// the measured distributions behind the default thresholds, and (with --ocr) OCR text with and without cleanup for
/// score.py plus the time of QC + cleanup as a share of OCR time, page by page in the same run.
/// </summary>
internal static class QualityBench
{
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    /// <summary>What a case is known to be.</summary>
    private sealed record Labels
    {
        public bool Blank { get; init; }
        public bool Blurry { get; init; }
        public bool LowResolution { get; init; }
        public bool LowContrast { get; init; }
        public bool CutOff { get; init; }
        public int Rotation { get; init; }
        public double? Skew { get; init; }

        /// <summary>A page that should pass (no defect labelled); turned or skewed pages are corrected, not flagged.</summary>
        public bool Good { get; init; }

        /// <summary>Real scans: a low-resolution flag there is legitimate, not counted as false.</summary>
        public bool Real { get; init; }

        /// <summary>In the OCR comparison (skewed and turned pages).</summary>
        public bool Ocr { get; init; }

        /// <summary>In the timing comparison.</summary>
        public bool Timed { get; init; }

        /// <summary>OCR'd after cleanup to show CER against the defect's strength.</summary>
        public bool Cer { get; init; }

        /// <summary>Judged with a lineart profile: a colour page must be flagged.</summary>
        public bool Lineart { get; init; }

        public bool? Colour { get; init; }
    }

    private sealed record Case(string Set, string Name, Func<RasterImage> Image, Labels Labels, string? Text, string Level = "")
    {
        /// <summary>Output folder: the set and the defect's strength, so that score.py groups pages by it.</summary>
        public string Folder => Level.Length == 0 ? Set : $"{Set}-{Level}";
    }

    private sealed record Outcome(Case Case, CleanedPage Cleaned, double Milliseconds, double? ResidualAfter, float? QuickUp);

    public static async Task<int> RunAsync(string[] args)
    {
        string? outDir = null, samples = null, shared = null;
        var ocr = false;
        var timingOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out": outDir = args[++i]; break;
                case "--samples": samples = args[++i]; break;
                case "--datasets": shared = args[++i]; break;
                case "--ocr": ocr = true; break;
                case "--timing-only": timingOnly = true; break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }

        if (outDir is null || samples is null)
        {
            Console.Error.WriteLine("usage: quality --samples DIR --out DIR [--datasets DIR] [--ocr]");
            return 2;
        }

        Directory.CreateDirectory(outDir);
        var cases = BuildCases(samples, shared);
        Console.Error.WriteLine($"{cases.Count} cases");
        if (timingOnly)
        {
            var timing = new StringBuilder();
            await OcrComparisonAsync(cases, outDir, timing, timingOnly: true);
            Console.Write(timing);
            return 0;
        }

        using var osd = TesseractOrientationDetector.Create();
        using var engine = TesseractEnginePool.Create(new TesseractOptions { Workers = 1 });
        var cleaner = new PageCleaner(osd);
        var analyzer = new PageQualityAnalyzer();
        var outcomes = new List<Outcome>();
        var settledByReading = 0;
        foreach (var c in cases)
        {
            var image = c.Image();
            var profile = c.Labels.Lineart ? QualityProfile.Default with { Lineart = true } : QualityProfile.Default;
            var sw = Stopwatch.StartNew();
            TesseractOrientationDetector.LastQuickConfidence = null;
            var cleaned = cleaner.Clean(image, profile);
            var ms = sw.Elapsed.TotalMilliseconds;
            var quickUp = TesseractOrientationDetector.LastQuickConfidence;
            if (cleaned.Quality.Metrics.OrientationMethod == OrientationMethods.Assumed)
            {
                // Left for recognition to settle, as the pipeline does (CheckedPageRecognizer): read it, and let a weak
                // reading call OSD. Time above is the quality step alone; the timing section below charges the rest.
                var read = await new CheckedPageRecognizer(engine, cleaner, profile).RecognizeAsync(image);
                cleaned = new CleanedPage(read.Image, read.Ocr.Quality!);
                settledByReading++;
            }

            double? after = null;
            if (c.Labels.Skew is { } && !cleaned.Quality.Blank)
            {
                // Residual skew as the straightened image shows it (measured again, no orientation needed).
                after = analyzer.Analyze(cleaned.Image).Metrics.SkewDegrees;
            }

            outcomes.Add(new Outcome(c, cleaned, ms, after, quickUp));
        }

        WriteCaseTable(Path.Combine(outDir, "cases.tsv"), outcomes);
        var summary = new StringBuilder();
        summary.AppendLine(Ic, $"orientation of {settledByReading}/{outcomes.Count} pages settled by recognition (lines across, quick test inconclusive): read, OSD only when the reading was weak");
        Summarize(outcomes, summary);
        if (ocr)
        {
            await OcrComparisonAsync(cases, outDir, summary, timingOnly: false);
            await CerByDefectAsync(outcomes, outDir, summary);
        }

        File.WriteAllText(Path.Combine(outDir, "summary.txt"), summary.ToString());
        Console.Write(summary);
        return 0;
    }

    private static List<Case> BuildCases(string samples, string? shared)
    {
        var reader = new DocumentReader();
        RasterImage Load(string path) => reader.ReadPages(path).First().Image ?? throw new InvalidOperationException(path);
        var cases = new List<Case>();
        var cleanPages = new List<(string Name, string Path, string Text, double Skew)>();
        foreach (var json in Directory.EnumerateFiles(samples, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(json);
            var image = Directory.EnumerateFiles(samples, name + ".*").FirstOrDefault(f => !f.EndsWith(".json", StringComparison.Ordinal));
            if (image is null)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var root = doc.RootElement;
            var qc = root.GetProperty("qc");
            bool Flag(string n) => qc.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.True;
            var rotation = qc.GetProperty("rotation").GetInt32();
            var skew = qc.GetProperty("skewDegrees").GetDouble();
            var text = root.GetProperty("text").GetString() ?? string.Empty;
            var labels = new Labels
            {
                Blank = Flag("blank"),
                Blurry = Flag("blurry"),
                LowResolution = Flag("lowResolution"),
                LowContrast = Flag("lowContrast"),
                Rotation = rotation,
                Skew = Flag("blank") ? null : skew,
            };
            var good = !labels.Blank && !labels.Blurry && !labels.LowResolution && !labels.LowContrast;
            labels = labels with
            {
                Good = good,
                Ocr = good && (rotation != 0 || Math.Abs(skew) > 5),
                Timed = good,
                Cer = good && rotation == 0 && Math.Abs(skew) <= 5,
                Colour = name == "zh-contract" ? true : null,
            };
            cases.Add(new Case("sample", name, () => Load(image), labels, text));
            if (good && rotation == 0 && Math.Abs(skew) <= 5)
            {
                cleanPages.Add((name, image, text, skew));
            }
        }

        var random = new Random(20261122);
        foreach (var (name, path, text, skew) in cleanPages)
        {
            RasterImage Grey() => QualityVariants.ToGrey(Load(path));
            var basic = new Labels { Skew = skew };

            // σ 3 px (0.25 mm) is soft but readable: reported (distribution, CER), neither good nor blurry, because a
            // threshold needs a margin on both sides.
            cases.Add(new Case("blur-soft", $"{name}-blur3.0", () => QualityVariants.Blur(Grey(), 3.0), basic with { Cer = true }, text, "sigma3.0"));
            foreach (var sigma in new[] { 4.0, 5.0, 6.0 })
            {
                cases.Add(new Case("blur", $"{name}-blur{sigma:F1}", () => QualityVariants.Blur(Grey(), sigma), basic with { Blurry = true, Cer = true }, text, $"sigma{sigma:F1}"));
            }

            foreach (var sigma in new[] { 1.0, 1.5 })
            {
                cases.Add(new Case("blur-mild", $"{name}-blur{sigma:F1}", () => QualityVariants.Blur(Grey(), sigma), basic with { Good = true, Cer = true }, text, $"sigma{sigma:F1}"));
            }

            cases.Add(new Case("lowres", $"{name}-150dpi", () => QualityVariants.Resample(Grey(), 300, 150), basic with { LowResolution = true, Cer = true }, text, "150dpi"));
            cases.Add(new Case("lowres", $"{name}-100dpi", () => QualityVariants.Resample(Grey(), 300, 100), basic with { LowResolution = true, Cer = true }, text, "100dpi"));
            cases.Add(new Case("lowres", $"{name}-100dpi-nodpi", () => QualityVariants.Resample(Grey(), 300, 100, declareDpi: false), basic with { LowResolution = true }, text));
            cases.Add(new Case("res-ok", $"{name}-200dpi", () => QualityVariants.Resample(Grey(), 300, 200), basic with { Good = true, Cer = true }, text, "200dpi"));
            cases.Add(new Case("res-ok", $"{name}-240dpi", () => QualityVariants.Resample(Grey(), 300, 240), basic with { Good = true }, text));

            cases.Add(new Case("contrast", $"{name}-c40-white", () => QualityVariants.Contrast(Grey(), 235, 40), basic with { LowContrast = true, Cer = true }, text, "c40"));
            cases.Add(new Case("contrast", $"{name}-c55-grey", () => QualityVariants.Contrast(Grey(), 200, 55), basic with { LowContrast = true, Cer = true }, text, "c55"));
            cases.Add(new Case("contrast", $"{name}-c65", () => QualityVariants.Contrast(Grey(), 220, 65), basic with { LowContrast = true, Cer = true }, text, "c65"));
            cases.Add(new Case("contrast-ok", $"{name}-c110", () => QualityVariants.Contrast(Grey(), 225, 110), basic with { Good = true, Cer = true }, text, "c110"));

            foreach (var turn in new[] { 90, 180, 270 })
            {
                cases.Add(new Case("rotate", $"{name}-rot{turn}", () => QualityVariants.TurnClockwise(Load(path), turn), basic with { Rotation = turn, Good = true, Ocr = true, Timed = true }, text, $"{turn}"));
            }

            foreach (var extra in new[] { 3.0, -6.0, 9.0 })
            {
                var background = extra == 9.0 ? (byte)205 : (byte)238;
                cases.Add(new Case("skew", $"{name}-skew{extra:+0;-0}", () => QualityVariants.Skew(Load(path), extra, background), basic with { Skew = skew + extra, Good = true, Ocr = true, Timed = true }, text, $"{extra:+0;-0}"));
            }

            cases.Add(new Case("cutoff", $"{name}-cut-right", () =>
            {
                var g = Load(path);
                return QualityVariants.Crop(g, 0, 0, g.Width * 3 / 4, g.Height);
            }, basic with { CutOff = true }, text));
            cases.Add(new Case("sparse", $"{name}-title-only", () =>
            {
                var g = Load(path);
                return QualityVariants.KeepOnly(g, new PixelBox(0, g.Height * 8 / 100, g.Width, g.Height * 8 / 100));
            }, basic with { Good = true }, null));
            cases.Add(new Case("lineart", $"{name}-lineart", () => Load(path), basic with { Lineart = true, Colour = name == "zh-contract" }, text));
        }

        var backs = cleanPages.Select(p => p.Path).ToList();
        for (var i = 0; i < 20; i++)
        {
            var sheet = new QualityVariants.BlankSheet(
                Paper: random.Next(200, 250),
                Noise: 1.5 + (random.NextDouble() * 3.5),
                Specks: random.Next(10, 250),
                PunchHoles: i % 3 == 0 ? 0 : (i % 3 == 1 ? 2 : 4),
                EdgeShadow: random.NextDouble() * 0.3,
                LidBand: i % 4 == 0 ? random.Next(20, 80) : 0,
                ShowThrough: i % 2 == 0 ? 6 + (random.NextDouble() * 12) : 0,
                Colour: i % 5 == 0);
            var back = backs[i % backs.Count];
            var seed = random.Next();
            cases.Add(new Case("blank", $"blank-{i:D2}", () => QualityVariants.Blank(sheet, QualityVariants.ToGrey(Load(back)), new Random(seed)), new Labels { Blank = true }, null));
        }

        if (shared is not null)
        {
            foreach (var set in new[] { "real-dev", "real-dev-zh" })
            {
                var dir = Path.Combine(shared, set);
                if (!Directory.Exists(dir))
                {
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                {
                    cases.Add(new Case(set, Path.GetRelativePath(dir, file), () => Load(file), new Labels { Good = true, Real = true }, null));

                    // The same real page fed upside down and sideways: orientation on pages nobody tuned for.
                    foreach (var turn in new[] { 90, 180 })
                    {
                        cases.Add(new Case(set + "-turned", $"{Path.GetRelativePath(dir, file)}-rot{turn}", () => QualityVariants.TurnClockwise(Load(file), turn), new Labels { Rotation = turn, Real = true }, null));
                    }
                }
            }
        }

        return cases;
    }

    private static void WriteCaseTable(string path, List<Outcome> outcomes)
    {
        var sb = new StringBuilder("set\tname\tverdict\treasons\tink%\tsharpness\tdpi\ttextHeight\tcontrast\tbrightness\tskew\tskewTrue\tskewAfter\tskewConf\trotation\trotTrue\torientConf\tmethod\tcolour%\tcut\tms\tquickUp\n");
        foreach (var o in outcomes)
        {
            var m = o.Cleaned.Quality.Metrics;
            var l = o.Case.Labels;
            sb.Append(Ic, $"{o.Case.Set}\t{o.Case.Name}\t{o.Cleaned.Quality.Verdict}\t{string.Join(',', o.Cleaned.Quality.Reasons)}\t{m.InkCoverage * 100:F3}\t{m.Sharpness:F3}\t{m.Dpi}{(m.DpiSource == DpiSource.Header ? "" : "e")}\t{m.TextHeightPixels:F0}\t{m.Contrast:F0}\t{m.Brightness:F0}\t{m.SkewDegrees:F2}\t{l.Skew:F2}\t{o.ResidualAfter:F2}\t{m.SkewConfidence:F1}\t{m.Rotation}\t{l.Rotation}\t{m.OrientationConfidence:F1}\t{m.OrientationMethod}\t{m.ColourFraction * 100:F3}\t{m.CutOffSides}\t{o.Milliseconds:F0}\t{o.QuickUp:F1}\n");
        }

        File.WriteAllText(path, sb.ToString());
    }

    private static async Task CerByDefectAsync(List<Outcome> outcomes, string outDir, StringBuilder s)
    {
        var cer = outcomes.Where(o => o.Case.Labels.Cer && o.Case.Text is not null).ToList();
        using var pool = TesseractEnginePool.Create(new TesseractOptions { Workers = 2 });
        await Task.WhenAll(cer.Select(async o =>
        {
            WriteText(Path.Combine(outDir, "gt-defects", o.Case.Folder, o.Case.Name + ".json"), o.Case.Text!);
            var page = await pool.RecognizeAsync(o.Cleaned.Image);
            WriteText(Path.Combine(outDir, "pred-defects", o.Case.Folder, o.Case.Name + ".json"), ReadingOrder.Text(page.Lines));
        }));
        s.AppendLine(Ic, $"OCR of {cer.Count} blurred / coarse / faint variants written to pred-defects (CER by defect strength, scored by bench/quality.sh)");
    }

    private static void Summarize(List<Outcome> outcomes, StringBuilder s)
    {
        s.AppendLine(Ic, $"== Quality checks: {outcomes.Count} pages");
        void Recall(string label, Func<Labels, bool> labelled, Func<CleanedPage, bool> detected)
        {
            var positives = outcomes.Where(o => labelled(o.Case.Labels)).ToList();
            var hits = positives.Count(o => detected(o.Cleaned));
            var misses = positives.Where(o => !detected(o.Cleaned)).Select(o => o.Case.Name).ToList();
            s.AppendLine(Ic, $"recall {label,-15} {hits,4}/{positives.Count,-4} = {Ratio(hits, positives.Count)}{(misses.Count > 0 ? "   missed: " + string.Join(", ", misses.Take(8)) : string.Empty)}");
        }

        Recall("blank", l => l.Blank, c => c.Quality.Blank);
        Recall("blurry", l => l.Blurry, c => c.Quality.Blurry);
        Recall("lowResolution", l => l.LowResolution, c => c.Quality.LowResolution);
        Recall("lowContrast", l => l.LowContrast, c => c.Quality.LowContrast);
        Recall("rotated", l => l.Rotation != 0, c => c.Quality.Metrics.Rotation != 0);
        Recall("contentCutOff", l => l.CutOff, c => c.Quality.Has(QualityReason.ContentCutOff));
        Recall("colour/lineart", l => l.Lineart && l.Colour == true, c => c.Quality.Has(QualityReason.ColourLostInLineart));

        // False flags: any issue, or a quarter turn, on a page that should pass. Real scans may be legitimately coarse.
        foreach (var (title, filter) in new (string, Func<Outcome, bool>)[]
        {
            ("generated good pages", o => o.Case.Labels.Good && !o.Case.Labels.Real),
            ("real-dev pages", o => o.Case.Labels.Real && o.Case.Labels.Good),
        })
        {
            var good = outcomes.Where(filter).ToList();
            bool Flagged(Outcome o) =>
                o.Cleaned.Quality.Issues.Any(i => !(o.Case.Labels.Real && i.Reason == QualityReason.LowResolution)) ||
                o.Cleaned.Quality.Metrics.Rotation != o.Case.Labels.Rotation;
            var flagged = good.Where(Flagged).ToList();
            s.AppendLine(Ic, $"false flags on {title,-22} {flagged.Count,4}/{good.Count,-4} = {Ratio(flagged.Count, good.Count)}{(flagged.Count > 0 ? "   " + string.Join(", ", flagged.Take(10).Select(o => $"{o.Case.Name} [{string.Join(',', o.Cleaned.Quality.Reasons)}{(o.Cleaned.Quality.Metrics.Rotation != o.Case.Labels.Rotation ? $" rot {o.Cleaned.Quality.Metrics.Rotation}" : "")}]")) : string.Empty)}");
        }

        var real = outcomes.Where(o => o.Case.Labels.Real && o.Case.Labels.Good).ToList();
        s.AppendLine(Ic, $"  real-dev pages flagged lowResolution (legitimate: ~100-dpi FUNSD forms, small receipts): {real.Count(o => o.Cleaned.Quality.LowResolution)}/{real.Count}");

        var realTurned = outcomes.Where(o => o.Case.Set.EndsWith("-turned", StringComparison.Ordinal)).ToList();
        var realUpright = outcomes.Where(o => o.Case.Labels.Real && !o.Case.Set.EndsWith("-turned", StringComparison.Ordinal)).ToList();
        s.AppendLine(string.Create(Ic, $"orientation on real pages: turned 90/180 {realTurned.Count(o => o.Cleaned.Quality.Metrics.Rotation == o.Case.Labels.Rotation)}/{realTurned.Count} right, {realTurned.Count(o => o.Cleaned.Quality.Metrics.Rotation != o.Case.Labels.Rotation && o.Cleaned.Quality.Metrics.Rotation != 0)} turned wrongly; upright {realUpright.Count(o => o.Cleaned.Quality.Metrics.Rotation == 0)}/{realUpright.Count}")
            + Wrong(realTurned.Where(o => o.Cleaned.Quality.Metrics.Rotation != o.Case.Labels.Rotation)));

        // Orientation: every non-blank page with a known orientation.
        var oriented = outcomes.Where(o => !o.Case.Labels.Blank && !o.Case.Labels.Real && !o.Case.Labels.Blurry && !o.Case.Labels.LowContrast && o.Case.Set != "sparse").ToList();
        var turned = oriented.Where(o => o.Case.Labels.Rotation != 0).ToList();
        s.AppendLine(string.Create(Ic, $"orientation correct: turned pages {turned.Count(o => o.Cleaned.Quality.Metrics.Rotation == o.Case.Labels.Rotation && o.Cleaned.Quality.Cleanup.RotatedClockwise == o.Case.Labels.Rotation)}/{turned.Count}, all pages {oriented.Count(o => o.Cleaned.Quality.Metrics.Rotation == o.Case.Labels.Rotation)}/{oriented.Count}")
            + Wrong(oriented.Where(o => o.Cleaned.Quality.Metrics.Rotation != o.Case.Labels.Rotation)));

        // Deskew: measured skew against the label, and what the straightened image still shows.
        var skewed = outcomes.Where(o => o.Case.Labels.Skew is not null && !o.Cleaned.Quality.Blank && !o.Case.Labels.Blurry && !o.Case.Labels.LowContrast && o.Case.Set != "sparse" && o.Case.Set != "cutoff").ToList();
        var errors = skewed.Select(o => Math.Abs(o.Cleaned.Quality.Metrics.SkewDegrees - o.Case.Labels.Skew!.Value)).OrderBy(e => e).ToList();
        // Skews under the profile's minimum are left alone by design (straightening a fraction of a degree cost OCR
        // accuracy, see QualityProfile.MinDeskewDegrees): their residual is reported apart.
        var minimum = QualityProfile.Default.MinDeskewDegrees;
        var deskewed = skewed.Where(o => Math.Abs(o.Case.Labels.Skew!.Value) >= minimum).ToList();
        var leftAlone = skewed.Where(o => Math.Abs(o.Case.Labels.Skew!.Value) is >= 0.3 and var a && a < minimum).ToList();
        var residual = deskewed.Select(o => Math.Abs(o.Case.Labels.Skew!.Value - o.Cleaned.Quality.Cleanup.DeskewedDegrees)).OrderBy(e => e).ToList();
        var remeasured = deskewed.Where(o => o.ResidualAfter is not null).Select(o => Math.Abs(o.ResidualAfter!.Value)).OrderBy(e => e).ToList();
        s.AppendLine(Ic, $"skew error (measured − label), {errors.Count} pages: mean {errors.Average():F3}°, p95 {Pct(errors, 0.95):F3}°, max {errors.Max():F3}°");
        s.AppendLine(string.Create(Ic, $"deskew residual (label − correction), {residual.Count} pages with |skew| ≥ {minimum}° (straightened): mean {residual.Average():F3}°, p95 {Pct(residual, 0.95):F3}°, max {residual.Max():F3}°  (target ≤ 0.3°)")
            + Wrong(deskewed.Where(o => Math.Abs(o.Case.Labels.Skew!.Value - o.Cleaned.Quality.Cleanup.DeskewedDegrees) > 0.3)));
        var everyResidual = skewed.Select(o => Math.Abs(o.Case.Labels.Skew!.Value - o.Cleaned.Quality.Cleanup.DeskewedDegrees)).OrderBy(e => e).ToList();
        s.AppendLine(Ic, $"deskew residual (label − correction), all {everyResidual.Count} pages with a skew label, straightened or left alone: mean {everyResidual.Average():F3}°, p95 {Pct(everyResidual, 0.95):F3}°, max {everyResidual.Max():F3}°  (target ≤ 0.3°)");
        if (leftAlone.Count > 0)
        {
            var kept = leftAlone.Select(o => Math.Abs(o.Case.Labels.Skew!.Value - o.Cleaned.Quality.Cleanup.DeskewedDegrees)).OrderBy(e => e).ToList();
            s.AppendLine(Ic, $"  {leftAlone.Count} pages with 0.3° ≤ |skew| < {minimum}° left as scanned by the default profile (residual = their skew: mean {kept.Average():F3}°, max {kept.Max():F3}°)");
        }

        s.AppendLine(Ic, $"skew re-measured on the cleaned image: mean {remeasured.Average():F3}°, max {remeasured.Max():F3}°");

        // Distributions behind the thresholds.
        s.AppendLine("distributions (min / median / max) by set:");
        foreach (var group in outcomes.GroupBy(o => o.Case.Set))
        {
            var g = group.ToList();
            string D(Func<PageQualityMetrics, double?> f, string fmt)
            {
                var v = g.Select(o => f(o.Cleaned.Quality.Metrics)).Where(x => x is not null).Select(x => x!.Value).OrderBy(x => x).ToList();
                return v.Count == 0 ? "-" : $"{v[0].ToString(fmt, Ic)}/{v[v.Count / 2].ToString(fmt, Ic)}/{v[^1].ToString(fmt, Ic)}";
            }

            s.AppendLine(Ic, $"  {group.Key,-12} n={g.Count,-3} ink% {D(m => m.InkCoverage * 100, "F3"),-20} sharpness {D(m => m.Sharpness, "F2"),-15} contrast {D(m => m.Contrast, "F0"),-12} textHeight {D(m => m.TextHeightPixels, "F0"),-10} dpi {D(m => m.Dpi, "F0"),-12}");
        }

        var times = outcomes.Select(o => o.Milliseconds).OrderBy(t => t).ToList();
        s.AppendLine(Ic, $"QC + cleanup time per page: median {Pct(times, 0.5):F0} ms, p95 {Pct(times, 0.95):F0} ms (machine shared and loaded; see the ratio to OCR below)");
    }

    private static async Task OcrComparisonAsync(List<Case> cases, string outDir, StringBuilder s, bool timingOnly)
    {
        var ocrCases = cases.Where(c => c.Labels.Ocr && c.Text is not null).ToList();
        foreach (var c in ocrCases)
        {
            WriteText(Path.Combine(outDir, "gt", c.Folder, c.Name + ".json"), c.Text!);
        }

        // Cost, page by page with one engine: QC + cleanup, OCR of the cleaned page, and OCR of the page as scanned
        // (the engine deskewing by itself, as before this step existed). CPU time of the process, so that other
        // programs loading the machine do not count; wall time is printed too.
        var timed = cases.Where(c => c.Labels.Timed).ToList();
        var rows = new List<(string Name, bool Latin, double Clean, double OcrCleaned, double OcrRaw, double CleanWall, double OcrWall, double CleanNoFlip, double Wasted, string Method)>();
        var sidewaysOnly = QualityProfile.Default with { DetectUpsideDown = false };
        using (var osd = TesseractOrientationDetector.Create())
        using (var pool = TesseractEnginePool.Create(new TesseractOptions { Workers = 1 }))
        {
            var cpu = new CpuMeter();
            var cleaner = new TimedCleaner(new PageCleaner(osd), cpu);
            var engine = new TimedEngine(pool, cpu);
            var recognizer = new CheckedPageRecognizer(engine, cleaner);

            // Warm-up: JIT and the engines' first page.
            await recognizer.RecognizeAsync(timed[0].Image());
            foreach (var o in timed)
            {
                var image = o.Image();
                cleaner.Reset();
                engine.Reset();
                var sw = Stopwatch.StartNew();
                var read = await recognizer.RecognizeAsync(image);
                var wall = sw.Elapsed.TotalMilliseconds;

                // QC cost: the quality step (twice when recognition called the full detector) plus any reading of the
                // page the wrong way up; OCR cost: the reading that was kept.
                var ocrKept = engine.Calls.Count == 0 ? 0 : engine.Calls[^1];
                var wasted = engine.Calls.Take(engine.Calls.Count - 1).Sum();
                var c2 = cpu.Now();
                var rawPage = await pool.RecognizeAsync(image);
                var c3 = cpu.Now();
                new PageCleaner(osd).Clean(image, sidewaysOnly);
                var c4 = cpu.Now();
                rows.Add((o.Name, o.Name.StartsWith("en-", StringComparison.Ordinal) || o.Name.StartsWith("qc-sideways-en", StringComparison.Ordinal),
                    cleaner.Total + wasted, ocrKept, c3 - c2, wall - engine.Wall, engine.Wall, c4 - c3, wasted, read.Ocr.Quality!.Metrics.OrientationMethod));
                if (o.Labels.Ocr)
                {
                    WriteText(Path.Combine(outDir, "pred-cleanup", o.Folder, o.Name + ".json"), ReadingOrder.Text(read.Ocr.Lines));
                    WriteText(Path.Combine(outDir, "pred-engine-deskew", o.Folder, o.Name + ".json"), ReadingOrder.Text(rawPage.Lines));
                }
            }
        }

        File.WriteAllLines(Path.Combine(outDir, "timing.tsv"), ["name\tqcCpuMs\tocrKeptCpuMs\tocrRawCpuMs\tqcWallMs\tocrWallMs\tcleanSidewaysOnlyCpuMs\twastedOcrCpuMs\torientationMethod", .. rows.Select(r => string.Create(Ic, $"{r.Name}\t{r.Clean:F0}\t{r.OcrCleaned:F0}\t{r.OcrRaw:F0}\t{r.CleanWall:F0}\t{r.OcrWall:F0}\t{r.CleanNoFlip:F0}\t{r.Wasted:F0}\t{r.Method}"))]);
        s.AppendLine(Ic, $"== Cost of QC + cleanup against OCR, {rows.Count} pages (clean, turned and skewed), one engine, CPU time, same run");
        s.AppendLine(Ic, $"   QC = quality step(s) + any reading of a page the wrong way up; OCR = the reading kept. Orientation settled by: {string.Join(", ", rows.GroupBy(r => r.Method).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}");
        var upright = rows.Where(r => !r.Name.Contains("-rot", StringComparison.Ordinal) && !r.Name.StartsWith("qc-sideways", StringComparison.Ordinal) && !r.Name.StartsWith("qc-upside", StringComparison.Ordinal)).ToList();
        foreach (var (title, group) in new[]
        {
            ("all pages", rows), ("Latin pages", rows.Where(r => r.Latin).ToList()), ("Chinese pages", rows.Where(r => !r.Latin).ToList()),
            ("upright Latin", upright.Where(r => r.Latin).ToList()), ("upright Chinese", upright.Where(r => !r.Latin).ToList()),
            ("turned pages", rows.Except(upright).ToList()),
        })
        {
            if (group.Count == 0)
            {
                continue;
            }

            var clean = group.Sum(r => r.Clean);
            var ocrCleaned = group.Sum(r => r.OcrCleaned);
            var ocrRaw = group.Sum(r => r.OcrRaw);
            var perPage = group.Select(r => r.Clean / r.OcrCleaned).OrderBy(x => x).ToList();
            s.AppendLine(Ic, $"  {title,-16} n={group.Count,-3} QC+cleanup {clean / group.Count,5:F0} ms/page, OCR of the cleaned page {ocrCleaned / group.Count,5:F0} ms/page: ratio {clean / ocrCleaned:P1} (per page median {Pct(perPage, 0.5):P1}, max {perPage[^1]:P1}); target ≤ 10 %");
            s.AppendLine(Ic, $"  {string.Empty,-14}       with DetectUpsideDown = false (OSD only for sideways-looking pages): {group.Sum(r => r.CleanNoFlip) / group.Count:F0} ms/page, ratio {group.Sum(r => r.CleanNoFlip) / ocrCleaned:P1}");
            s.AppendLine(Ic, $"  {string.Empty,-14}       pipeline with QC {(clean + ocrCleaned) / group.Count:F0} ms/page vs OCR of the page as scanned {ocrRaw / group.Count:F0} ms/page: {((clean + ocrCleaned) / ocrRaw) - 1:+0.0%;-0.0%} net");
        }

        s.AppendLine(Ic, $"  wall clock (loaded machine): QC+cleanup {rows.Average(r => r.CleanWall):F0} ms/page, OCR {rows.Average(r => r.OcrWall):F0} ms/page");

        if (timingOnly)
        {
            return;
        }

        // Without any cleanup or deskew at all.
        using (var pool = TesseractEnginePool.Create(new TesseractOptions { Workers = 2, Deskew = false }))
        {
            await Task.WhenAll(ocrCases.Select(async o =>
            {
                var page = await pool.RecognizeAsync(o.Image());
                WriteText(Path.Combine(outDir, "pred-no-cleanup", o.Folder, o.Name + ".json"), ReadingOrder.Text(page.Lines));
            }));
        }

        s.AppendLine(Ic, $"OCR outputs for {ocrCases.Count} skewed/turned pages written to pred-cleanup, pred-engine-deskew, pred-no-cleanup (scored by bench/quality.sh)");
    }

    /// <summary>CPU time of the whole process (other programs loading the machine do not count).</summary>
    private sealed class CpuMeter
    {
        private readonly Process _process = Process.GetCurrentProcess();

        public double Now()
        {
            _process.Refresh();
            return _process.TotalProcessorTime.TotalMilliseconds;
        }
    }

    /// <summary>Charges each call's CPU time (calls run one at a time here, so the process total is theirs).</summary>
    private sealed class TimedCleaner(IPageCleaner inner, CpuMeter cpu) : IPageCleaner
    {
        public double Total { get; private set; }

        public void Reset() => Total = 0;

        public CleanedPage Clean(RasterImage page, QualityProfile profile, CancellationToken cancellationToken = default) => Time(() => inner.Clean(page, profile, cancellationToken));

        public CleanedPage Reorient(RasterImage page, QualityProfile profile, CancellationToken cancellationToken = default) => Time(() => inner.Reorient(page, profile, cancellationToken));

        private CleanedPage Time(Func<CleanedPage> f)
        {
            var c = cpu.Now();
            var r = f();
            Total += cpu.Now() - c;
            return r;
        }
    }

    private sealed class TimedEngine(IOcrEngine inner, CpuMeter cpu) : IOcrEngine
    {
        public List<double> Calls { get; } = [];

        public double Wall { get; private set; }

        public string Languages => inner.Languages;

        public int Concurrency => 1;

        public void Reset()
        {
            Calls.Clear();
            Wall = 0;
        }

        public Task<OcrPage> RecognizeAsync(RasterImage page, CancellationToken cancellationToken = default) =>
            Timed(() => inner.RecognizeAsync(page, cancellationToken));

        public Task<OcrPage> RecognizeAsync(RasterImage page, OcrHints hints, CancellationToken cancellationToken = default) =>
            Timed(() => inner.RecognizeAsync(page, hints, cancellationToken));

        private async Task<OcrPage> Timed(Func<Task<OcrPage>> recognize)
        {
            var sw = Stopwatch.StartNew();
            var c = cpu.Now();
            var r = await recognize();
            Calls.Add(cpu.Now() - c);
            Wall += sw.Elapsed.TotalMilliseconds;
            return r;
        }

        public void Dispose()
        {
        }
    }

    private static void WriteText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(new { text, fields = Array.Empty<object>() }));
    }

    private static string Wrong(IEnumerable<Outcome> wrong)
    {
        var list = wrong.ToList();
        return list.Count == 0 ? string.Empty : "   wrong: " + string.Join(", ", list.Take(8).Select(o =>
            string.Create(Ic, $"{o.Case.Name} (rot {o.Cleaned.Quality.Metrics.Rotation}/{o.Case.Labels.Rotation} conf {o.Cleaned.Quality.Metrics.OrientationConfidence:F1} {o.Cleaned.Quality.Metrics.OrientationMethod}, skew {o.Cleaned.Quality.Metrics.SkewDegrees:F2}/{o.Case.Labels.Skew:F2})")));
    }

    private static string Ratio(int a, int b) => b == 0 ? "-" : (a / (double)b).ToString("F3", Ic);

    private static double Pct(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
