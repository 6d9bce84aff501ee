using ScanArchive.Core.Analysis;
using ScanArchive.Extraction;

namespace ScanArchive.Bench;

/// <summary>
/// <c>fields-extract IN_DIR OUT_DIR</c>: runs field extraction again on saved <c>analyze</c> JSON files (no OCR), writing
/// the same schema with fresh <c>fields</c>, <c>pairs</c> and <c>docType</c>. Lets bench/fields.sh score extraction changes
/// without recognizing the pages again, and reports the extraction time per page.
/// </summary>
internal static class FieldExtraction
{
    public static int Run(string[] args)
    {
        if (args.Length != 2 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: ScanArchive.Bench fields-extract IN_DIR OUT_DIR");
            return 2;
        }

        var (input, output) = (Path.GetFullPath(args[0]), Path.GetFullPath(args[1]));
        var extractor = new FieldExtractor();
        var documents = 0;
        var pages = 0;
        var elapsed = TimeSpan.Zero;
        foreach (var file in Directory.EnumerateFiles(input, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var analysis = AnalysisJsonReader.Read(File.ReadAllBytes(file));
            if (!analysis.Succeeded || analysis.Pages.Count == 0 && analysis.Input.RelativePath.Length == 0)
            {
                continue;
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            var extraction = extractor.Extract(analysis.Pages);
            elapsed += watch.Elapsed;
            var result = analysis with { Fields = extraction.Fields, Pairs = extraction.Pairs, DocType = extraction.DocType };
            var target = Path.Combine(output, Path.GetRelativePath(input, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using (var stream = File.Create(target))
            {
                AnalysisJson.Write(stream, result);
            }

            documents++;
            pages += analysis.Pages.Count;
        }

        Console.Error.WriteLine($"fields-extract: {documents} documents, {pages} pages, {elapsed.TotalMilliseconds / Math.Max(1, pages):F1} ms/page extraction");
        return 0;
    }
}
