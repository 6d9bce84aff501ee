using System.CommandLine;
using System.Globalization;
using ScanArchive.Application;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Entries;
using ScanArchive.Application.Searching;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Search;
using ScanArchive.Core.Text;
using ScanArchive.Imaging;

namespace ScanArchive.Cli.Commands;

/// <summary>
/// <c>demo</c>: the main job end to end on the embedded default — import the sample scans into a batch, recognize,
/// approve, commit, and search — leaving the archive in the data folder to explore with the other commands.
/// </summary>
internal static class DemoCommand
{
    private const string BatchName = "sample-scans";

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files or folders (default: the repository's sample-scans). / 输入文件或文件夹。", Arity = ArgumentArity.ZeroOrMore };
        var engine = new EngineOptions();
        var command = new Command("demo", "Import the sample scans, approve, commit and search: the whole job once. / 演示：导入样例、审核、归档并检索。");
        command.Arguments.Add(inputs);
        engine.AddTo(command);
        command.SetAction((result, cancellationToken) => ArchiveSession.RunAsync(
            result,
            async context =>
            {
                var culture = context.Culture;
                var batches = context.Get<BatchService>();
                var paths = result.GetValue(inputs) is { Length: > 0 } given ? given : [DefaultSamples()];
                var batch = context.Get<ArchiveHost>().Store.FindBatch(BatchName);
                if (batch is null)
                {
                    batch = batches.OpenForCapture(context.Actor, BatchName);
                    var collected = InputCollector.Collect(paths);
                    var imported = batches.Import(context.Actor, batch, collected.Inputs.Select(i => new ImportFile(i.Path, i.RelativePath)), cancellationToken);
                    Step(culture, $"1. 已导入 {imported.Imported.Count} 个文件到批次“{BatchName}”（{context.Layout.Root}）", $"1. Imported {imported.Imported.Count} file(s) into batch \"{BatchName}\" ({context.Layout.Root})");
                }
                else
                {
                    Step(culture, $"1. 批次“{BatchName}”已存在（{BatchStateNames.Of(batch.State, culture)}），继续。", $"1. Batch \"{BatchName}\" exists ({BatchStateNames.Of(batch.State, culture)}); continuing.");
                }

                if (batch.State is BatchState.Capturing or BatchState.Processing or BatchState.Rejected)
                {
                    Step(culture, "2. 识别页面……", "2. Recognizing pages...");
                    var code = await BatchProcessing.RunAsync(context, batch, null, engine.Read(result).Languages, cancellationToken);
                    if (code is not (ExitCodes.Success or ExitCodes.SomeInputsFailed))
                    {
                        return code;
                    }

                    batch = batches.Find(context.Actor, batch.Id);
                }

                if (batch.State == BatchState.ReadyForReview)
                {
                    batch = batches.Approve(context.Actor, batch.Id, UserMessages.Pick("演示：自动通过", "demo: approved automatically", culture));
                    Step(culture, "3. 已审核通过（演示中自动通过；实际由质检员在审核界面确认）。", "3. Approved (automatically in the demo; a QC reviewer confirms on the review screen).");
                }

                if (batch.State == BatchState.Approved)
                {
                    var entries = batches.Commit(context.Actor, batch.Id);
                    Step(culture, $"4. 已归档 {entries.Count} 个档案条目：", $"4. Committed {entries.Count} archive entries:");
                    foreach (var entry in entries)
                    {
                        Console.WriteLine($"   {entry.Number}  {entry.DocumentType,-22} {entry.Title}");
                    }
                }

                var all = context.Get<EntryService>().List(context.Actor, 0, int.MaxValue).Where(e => e.BatchId == batch.Id).ToList();
                if (all.Count == 0)
                {
                    return ExitCodes.SomeInputsFailed;
                }

                Step(culture, "5. 检索示例：", "5. Sample searches:");
                var search = context.Get<SearchService>();
                foreach (var query in SampleQueries(all))
                {
                    var found = search.Search(context.Actor, new SearchQuery { Text = query, Take = 3 });
                    Console.WriteLine($"   search \"{query}\" → {found.TotalHits} hit(s), {found.Elapsed.TotalMilliseconds:F0} ms");
                    foreach (var hit in found.Hits)
                    {
                        Console.WriteLine($"     {hit.ArchiveNumber} p.{hit.PageNumber}  {hit.MarkedSnippet().ReplaceLineEndings(" ")}");
                    }
                }

                Step(culture,
                    $"完成。档案保存在 {context.Layout.Root}；试试：./scanarchive entries、./scanarchive search 合同、./scanarchive export {all[0].Number} --out {all[0].Number}.pdf",
                    $"Done. The archive is in {context.Layout.Root}; try: ./scanarchive entries, ./scanarchive search contract, ./scanarchive export {all[0].Number} --out {all[0].Number}.pdf");
                Step(culture,
                    "没有扫描仪也可以试扫描（虚拟进纸器，10 页）：./scanarchive scan --batch demo-scan --device test:0 --source feeder --dpi 150",
                    "Try a scan without hardware (virtual feeder, 10 sheets): ./scanarchive scan --batch demo-scan --device test:0 --source feeder --dpi 150");
                Step(culture, "网页工作站：./scanarchive serve", "The web workstation: ./scanarchive serve");
                return ExitCodes.Success;
            },
            engine.Read(result)));
        return command;
    }

    private static string DefaultSamples() =>
        Environment.GetEnvironmentVariable("SCANARCHIVE_SAMPLES") is { Length: > 0 } fromEnv ? fromEnv : Path.GetFullPath("sample-scans");

    /// <summary>A Chinese word, an English word, an archive number and (when extracted) a phone number and ID.</summary>
    private static IEnumerable<string> SampleQueries(IReadOnlyList<ArchiveEntry> entries)
    {
        yield return "客户";
        yield return "invoice";
        yield return entries[^1].Number;
        foreach (var key in new[] { "phone", "id_number" })
        {
            if (entries.SelectMany(e => e.Fields).FirstOrDefault(f => f.Key == key) is { Value.Length: > 0 } field)
            {
                yield return field.Value;
            }
        }
    }

    private static void Step(CultureInfo culture, string chinese, string english) => Console.WriteLine(UserMessages.Pick(chinese, english, culture));
}
