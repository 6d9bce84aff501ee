using ScanArchive.Core.Analysis;
using ScanArchive.Extraction;
using ScanArchive.Extraction.Layout;

namespace ScanArchive.Bench;

/// <summary><c>fields-debug ANALYSIS.json</c>: prints the rows, cells, labels and field candidates the extractor sees on a saved page.</summary>
internal static class FieldDebug
{
    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: ScanArchive.Bench fields-debug ANALYSIS.json");
            return 2;
        }

        var analysis = AnalysisJsonReader.Read(File.ReadAllBytes(args[0]));
        var dictionary = ExtractionDictionary.Default;
        var finder = new PageFieldFinder(dictionary, new FieldNormalizer(dictionary));
        for (var p = 0; p < analysis.Pages.Count; p++)
        {
            var layout = PageLayout.Build(analysis.Pages[p], p + 1);
            foreach (var row in layout.Rows)
            {
                var cells = string.Join(" ‖ ", row.Cells.Select(c => c.Text));
                var hits = string.Join(", ", finder.FindLabels(row).Select(h => $"{h.Text}→{h.Entry?.Key ?? (h.Entry is null ? "generic" : "ignore")}{(h.HasColon ? ":" : string.Empty)}"));
                Console.WriteLine($"r{row.Index,-3} y={row.Box.Y,-5} h={row.Height,-4:F0} {cells}{(hits.Length > 0 ? "   [" + hits + "]" : string.Empty)}");
            }

            var findings = finder.Find(layout);
            foreach (var c in findings.Candidates.OrderBy(c => c.Key).ThenByDescending(c => c.Score))
            {
                Console.WriteLine($"  {c.Key,-14} {c.Score:F3} conf={c.Confidence:F2} {c.Source,-6} {c.Label,-12} {c.Normalized.Value} ({c.Normalized.Validation}) raw='{c.Raw}'");
            }

            foreach (var pair in findings.Pairs)
            {
                Console.WriteLine($"  pair {pair.Label} = {pair.Value}");
            }
        }

        var extraction = new FieldExtractor().Extract(analysis.Pages);
        Console.WriteLine($"docType {extraction.DocType} ({extraction.DocTypeConfidence:F2})");
        foreach (var f in extraction.Fields)
        {
            Console.WriteLine($"  => {f.Key,-14} {f.Value} conf={f.Confidence:F2} {f.Validation} {f.Source} {f.Label}");
        }

        return 0;
    }
}
