using System.CommandLine;
using System.Globalization;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Processing;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Quality;
using ScanArchive.Core.Text;
using ScanArchive.Imaging;

namespace ScanArchive.Cli.Commands;

/// <summary>Batch commands: import, process, batches, batch, approve, reject, commit.</summary>
internal static class BatchCommands
{
    public static IEnumerable<Command> Create() => [Import(), Process(), List(), Show(), Approve(), Reject(), Commit()];

    private static Argument<string> BatchArgument() => new("batch") { Description = "Batch name. / 批次名称。" };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON. / 以 JSON 输出。" };

    private static Command Import()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files or folders to import. / 要导入的文件或文件夹。", Arity = ArgumentArity.OneOrMore };
        var batchName = new Option<string>("--batch", "-b") { Description = "Batch to create or add to. / 批次名称（新建或追加）。", Required = true };
        var noProcess = new Option<bool>("--no-process") { Description = "Only store the files; recognize later with 'process'. / 仅导入，稍后识别。" };
        var quality = new QualityOptions();
        var engine = new EngineOptions();
        var command = new Command("import", "Import files into a batch and recognize them. / 导入文件到批次并识别。");
        command.Arguments.Add(inputs);
        command.Options.Add(batchName);
        command.Options.Add(noProcess);
        quality.AddTo(command);
        engine.AddTo(command);
        command.SetAction((result, cancellationToken) => ArchiveSession.RunAsync(result, async context =>
        {
            var culture = context.Culture;
            var collected = InputCollector.Collect(result.GetValue(inputs) ?? []);
            ArchiveSession.ReportSkipped(collected, culture);
            foreach (var folder in collected.EmptyFolders)
            {
                Console.Error.WriteLine(UserMessages.Pick(
                    $"文件夹 {PrintableName.Of(folder)} 中没有找到图像或 PDF 文件。",
                    $"No images or PDFs found in {PrintableName.Of(folder)}.",
                    culture));
            }

            if (collected.Inputs.Count == 0)
            {
                if (collected.EmptyFolders.Count == 0)
                {
                    Console.Error.WriteLine(UserMessages.Pick("没有找到可导入的图像或 PDF 文件。", "No images or PDFs found to import.", culture));
                }

                return ExitCodes.UsageOrSetup;
            }

            if (quality.Read(result, context.Layout.Profiles, culture) is not { } profile)
            {
                return ExitCodes.UsageOrSetup;
            }

            var batches = context.Get<BatchService>();
            var batch = batches.OpenForCapture(context.Actor, result.GetValue(batchName)!);
            var ocr = engine.Read(result);

            // The engines load (~0.4 s of both cores) while the files are copied in (mostly waiting for the disk).
            var warming = result.GetValue(noProcess) ? null : Task.Run(() => context.Get<RecognitionEngines>().Warm(ocr.Languages), CancellationToken.None);
            var imported = batches.Import(context.Actor, batch, collected.Inputs.Select(i => new ImportFile(i.Path, i.RelativePath)), cancellationToken);
            foreach (var refusal in imported.Refused)
            {
                Console.Error.WriteLine($"✗ {refusal.Message}");
            }

            foreach (var skip in imported.AlreadyInBatch)
            {
                Console.Error.WriteLine($"= {skip.Message}");
            }

            foreach (var duplicate in imported.FoundElsewhere)
            {
                Console.Error.WriteLine($"! {duplicate.Message}");
            }

            Console.Error.WriteLine(UserMessages.Pick(
                $"已导入 {imported.Imported.Count} 个文件到批次“{batch.Name}”，{imported.Refused.Count} 个无法导入，{imported.AlreadyInBatch.Count} 个已在批次中（跳过）。",
                $"Imported {imported.Imported.Count} file(s) into batch \"{batch.Name}\"; {imported.Refused.Count} could not be imported, {imported.AlreadyInBatch.Count} already in the batch (skipped).",
                culture));
            var refused = imported.Refused.Count > 0;

            // A re-run of an interrupted import stores nothing new but still finishes what the first run left (and
            // hands the batch, reopened for capture, back to review).
            if (warming is null || imported.Imported.Count + imported.AlreadyInBatch.Count == 0)
            {
                return refused ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
            }

            await warming;
            var processed = await BatchProcessing.RunAsync(context, batch, profile, ocr.Languages, cancellationToken);
            return refused && processed == ExitCodes.Success ? ExitCodes.SomeInputsFailed : processed;
        }, engine.Read(result)));
        return command;
    }

    private static Command Process()
    {
        var batchName = BatchArgument();
        var engine = new EngineOptions();
        var command = new Command("process", "Recognize a batch's remaining pages (resumes an interrupted run). / 识别批次中未完成的页面（可续做）。");
        command.Arguments.Add(batchName);
        engine.AddTo(command);
        command.SetAction((result, cancellationToken) => ArchiveSession.RunAsync(
            result,
            context => BatchProcessing.RunAsync(context, context.Get<BatchService>().Find(context.Actor, result.GetValue(batchName)!), null, engine.Read(result).Languages, cancellationToken),
            engine.Read(result)));
        return command;
    }

    private static Command List()
    {
        var json = JsonOption();
        var command = new Command("batches", "List batches. / 列出批次。");
        command.Options.Add(json);
        command.SetAction(result => ArchiveSession.Run(result, context =>
        {
            var culture = context.Culture;
            var batches = context.Get<BatchService>().List(context.Actor);
            if (result.GetValue(json))
            {
                ArchiveSession.WriteJson(batches);
                return ExitCodes.Success;
            }

            if (batches.Count == 0)
            {
                Console.WriteLine(UserMessages.Pick("还没有批次。", "No batches yet.", culture));
            }

            foreach (var b in batches)
            {
                Console.WriteLine($"{b.Name,-24} {ArchiveSession.StateName(b.State, culture),-16} {b.Documents,4} {UserMessages.Pick("文件", "file(s)", culture)} {b.Pages,5} {UserMessages.Pick("页", "page(s)", culture)}  {b.CreatedAt.ToLocalTime():yyyy-MM-dd HH:mm}  {string.Join(' ', b.EntryNumbers)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show()
    {
        var batchName = BatchArgument();
        var json = JsonOption();
        var command = new Command("batch", "Show a batch: documents, pages and their states. / 显示批次详情。");
        command.Arguments.Add(batchName);
        command.Options.Add(json);
        command.SetAction(result => ArchiveSession.Run(result, context =>
        {
            var culture = context.Culture;
            var batch = context.Get<BatchService>().Get(context.Actor, result.GetValue(batchName)!);
            var documents = batch.Documents;
            if (result.GetValue(json))
            {
                ArchiveSession.WriteJson(new { Batch = batch with { Documents = [] }, Documents = documents });
                return ExitCodes.Success;
            }

            Console.WriteLine($"{batch.Name}  [{BatchStateNames.Of(batch.State, culture)}]  {batch.Note}");
            foreach (var d in documents)
            {
                Console.WriteLine($"  {d.Order,3}. {d.SourceName}  {d.Status}  {d.Error}");
                foreach (var p in d.Pages)
                {
                    var firstLine = p.Text.Split('\n', 2)[0];
                    Console.WriteLine($"       p{p.Number}  {p.Review,-10} {(p.Blank ? UserMessages.Pick("空白页", "blank", culture) : $"{p.MeanConfidence,5:F1}%")}  {Truncate(firstLine, 60)}");
                    if (p.Qc is { } qc && qc.Verdict != Core.Quality.QualityVerdict.Pass)
                    {
                        Console.WriteLine($"           {qc.Message}");
                    }
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Approve()
    {
        var batchName = BatchArgument();
        var reason = new Option<string?>("--override-reason")
        {
            Description = "Why pages nobody reviewed page by page are approved (recorded in the audit; default: approved from the command line). / 未逐页审核即通过的原因（记入审计）。",
        };
        var command = new Command("approve", "Approve a batch that is ready for review; unreviewed pages are approved with an audited override. / 审核通过批次（未逐页审核的页面记为有理由的越过）。");
        command.Arguments.Add(batchName);
        command.Options.Add(reason);
        command.SetAction(result => ArchiveSession.Run(result, context =>
        {
            // The command line shows no page: what it approves is approved unseen, and the audit says so.
            var overrideReason = result.GetValue(reason) ?? UserMessages.Pick("命令行整批通过，未逐页审核", "approved from the command line without page-by-page review", context.Culture);
            var batch = context.Get<BatchService>().Approve(context.Actor, result.GetValue(batchName)!, overrideReason);
            Console.WriteLine(UserMessages.Pick($"批次“{batch.Name}”已审核通过。", $"Batch \"{batch.Name}\" approved.", context.Culture));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Reject()
    {
        var batchName = BatchArgument();
        var reason = new Option<string>("--reason") { Description = "Why (shown to the clerk). / 退回原因。", Required = true };
        var command = new Command("reject", "Send a batch back to the clerk. / 退回批次。");
        command.Arguments.Add(batchName);
        command.Options.Add(reason);
        command.SetAction(result => ArchiveSession.Run(result, context =>
        {
            var batch = context.Get<BatchService>().Reject(context.Actor, result.GetValue(batchName)!, result.GetValue(reason)!);
            Console.WriteLine(UserMessages.Pick($"批次“{batch.Name}”已退回。", $"Batch \"{batch.Name}\" rejected.", context.Culture));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Commit()
    {
        var batchName = BatchArgument();
        var split = new Option<bool>("--split-at-blank") { Description = "Start a new entry after each blank separator page. / 以空白页分隔文档。" };
        var json = JsonOption();
        var command = new Command("commit", "Archive an approved batch as numbered entries. / 将已审核批次归档并编号。");
        command.Arguments.Add(batchName);
        command.Options.Add(split);
        command.Options.Add(json);
        command.SetAction(result => ArchiveSession.Run(result, context =>
        {
            var culture = context.Culture;
            var entries = context.Get<BatchService>().Commit(context.Actor, result.GetValue(batchName)!, new CommitOptions(result.GetValue(split)));
            if (result.GetValue(json))
            {
                ArchiveSession.WriteJson(entries.Select(e => new { e.Number, e.Title, e.DocumentType, Pages = e.Pages.Count }));
                return ExitCodes.Success;
            }

            foreach (var entry in entries)
            {
                Console.WriteLine($"{entry.Number}  {entry.Title}  ({entry.Pages.Count} {UserMessages.Pick("页", "page(s)", culture)})");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

}
