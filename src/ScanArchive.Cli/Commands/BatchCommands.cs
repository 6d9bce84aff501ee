using System.CommandLine;
using System.Globalization;
using ScanArchive.Archive.Storage;
using ScanArchive.Core.Archive;
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
        command.SetAction((result, cancellationToken) => ArchiveSession.RunAsync(result, async (store, culture) =>
        {
            var collected = InputCollector.Collect(result.GetValue(inputs) ?? []);
            ArchiveSession.ReportSkipped(collected, culture);

            if (collected.Inputs.Count == 0)
            {
                Console.Error.WriteLine(UserMessages.Pick("没有找到可导入的图像或 PDF 文件。", "No images or PDFs found to import.", culture));
                return ExitCodes.UsageOrSetup;
            }

            if (quality.Read(result, store.DataFolder, culture) is not { } profile)
            {
                return ExitCodes.UsageOrSetup;
            }

            var name = result.GetValue(batchName)!;
            var batch = store.FindBatch(name) ?? store.CreateBatch(name, ArchiveSession.User);
            if (batch.State is BatchState.ReadyForReview or BatchState.Rejected)
            {
                batch = store.MoveBatch(batch.Id, BatchState.Capturing, ArchiveSession.User);
            }
            else if (batch.State is not (BatchState.Capturing or BatchState.Processing))
            {
                throw new ArchiveException(ArchiveProblem.InvalidState, batch.Name, ArchiveSession.StateName(batch.State, culture));
            }

            // The engines load (~0.4 s of both cores) while the files are copied in (mostly waiting for the disk).
            var pipelineStart = result.GetValue(noProcess) ? null : Task.Run(() => BatchProcessing.CreatePipeline(store, engine.Read(result), culture, profile), CancellationToken.None);
            return await ImportAndProcessAsync(store, batch, collected, pipelineStart, culture, cancellationToken);
        }));
        return command;
    }

    private static async Task<int> ImportAndProcessAsync(LiteDbArchiveStore store, Batch batch, InputCollection collected, Task<BatchProcessing.Pipeline?>? pipelineStart, CultureInfo culture, CancellationToken cancellationToken)
    {
        var handedOver = false;
        try
        {
            // A file that cannot even be identified is refused here, with its name; the others go in.
            var reader = new DocumentReader();
            var imported = 0;
            var refused = 0;
            foreach (var input in collected.Inputs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    if (reader.Identify(input.Path) == Core.Documents.DocumentFormat.NotADocument)
                    {
                        throw new Core.Documents.DocumentReadException(input.Path, Core.Documents.DocumentProblem.UnsupportedFormat);
                    }

                    store.AddDocument(batch.Id, input.Path, input.RelativePath, ArchiveSession.User);
                    imported++;
                }
                catch (Exception ex) when (ex is Core.Documents.DocumentReadException or IOException or UnauthorizedAccessException)
                {
                    refused++;
                    Console.Error.WriteLine($"✗ {Core.Analysis.AnalysisJson.ErrorMessage(ex, culture)}");
                }
            }

            Console.Error.WriteLine(UserMessages.Pick(
                $"已导入 {imported} 个文件到批次“{batch.Name}”，{refused} 个无法导入。",
                $"Imported {imported} file(s) into batch \"{batch.Name}\"; {refused} could not be imported.",
                culture));
            if (pipelineStart is null || imported == 0)
            {
                return refused > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
            }

            handedOver = true;
            var processed = await BatchProcessing.RunAsync(store, batch, await pipelineStart, culture, cancellationToken);
            return refused > 0 && processed == ExitCodes.Success ? ExitCodes.SomeInputsFailed : processed;
        }
        finally
        {
            // Started but not handed over (nothing imported, or the copy failed): stop the engines.
            if (!handedOver && pipelineStart is not null)
            {
                (await pipelineStart)?.Dispose();
            }
        }
    }

    private static Command Process()
    {
        var batchName = BatchArgument();
        var engine = new EngineOptions();
        var command = new Command("process", "Recognize a batch's remaining pages (resumes an interrupted run). / 识别批次中未完成的页面（可续做）。");
        command.Arguments.Add(batchName);
        engine.AddTo(command);
        command.SetAction((result, cancellationToken) => ArchiveSession.RunAsync(result, (store, culture) =>
            BatchProcessing.RunAsync(store, ArchiveSession.RequireBatch(store, result.GetValue(batchName)!), engine.Read(result), culture, cancellationToken)));
        return command;
    }

    private static Command List()
    {
        var json = JsonOption();
        var command = new Command("batches", "List batches. / 列出批次。");
        command.Options.Add(json);
        command.SetAction(result => ArchiveSession.Run(result, (store, culture) =>
        {
            var batches = store.Batches().Select(b => Summary(store, b)).ToList();
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
        command.SetAction(result => ArchiveSession.Run(result, (store, culture) =>
        {
            var batch = ArchiveSession.RequireBatch(store, result.GetValue(batchName)!);
            var pages = store.Pages(batch.Id);
            var documents = store.Documents(batch.Id).Select(d => new
            {
                d.Id,
                d.Order,
                d.SourceName,
                d.Status,
                d.PageCount,
                d.Error,
                d.DocumentType,
                d.Original,
                d.Group,
                d.BlankPagesSeparate,
                Pages = pages.Where(p => p.DocumentId == d.Id).Select(p => new
                {
                    p.Id,
                    p.PageNumber,
                    p.Review,
                    p.Blank,
                    MeanConfidence = Math.Round(p.Ocr.MeanConfidence, 1),
                    Qc = p.Ocr.Quality is { } q ? new { q.Verdict, Reasons = q.Issues, Message = q.Describe(culture), q.Metrics, q.Cleanup } : null,
                    Lines = p.Ocr.Lines.Count,
                    Text = Core.Ocr.ReadingOrder.Text(p.Ocr.Lines),
                }).ToList(),
            }).ToList();
            if (result.GetValue(json))
            {
                ArchiveSession.WriteJson(new { Batch = batch, Documents = documents });
                return ExitCodes.Success;
            }

            Console.WriteLine($"{batch.Name}  [{ArchiveSession.StateName(batch.State, culture)}]  {batch.Note}");
            foreach (var d in documents)
            {
                Console.WriteLine($"  {d.Order,3}. {d.SourceName}  {d.Status}  {d.Error}");
                foreach (var p in d.Pages)
                {
                    var firstLine = p.Text.Split('\n', 2)[0];
                    Console.WriteLine($"       p{p.PageNumber}  {p.Review,-10} {(p.Blank ? UserMessages.Pick("空白页", "blank", culture) : $"{p.MeanConfidence,5:F1}%")}  {Truncate(firstLine, 60)}");
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
        var command = new Command("approve", "Approve every page of a batch that is ready for review. / 审核通过整个批次。");
        command.Arguments.Add(batchName);
        command.SetAction(result => ArchiveSession.Run(result, (store, culture) =>
        {
            var batch = ArchiveSession.RequireBatch(store, result.GetValue(batchName)!);
            if (batch.State != BatchState.ReadyForReview)
            {
                throw new ArchiveException(ArchiveProblem.InvalidState, batch.Name, ArchiveSession.StateName(batch.State, culture));
            }

            store.SetReview(batch.Id, ReviewStatus.Approved, ArchiveSession.User);
            store.MoveBatch(batch.Id, BatchState.Approved, ArchiveSession.User);
            Console.WriteLine(UserMessages.Pick($"批次“{batch.Name}”已审核通过。", $"Batch \"{batch.Name}\" approved.", culture));
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
        command.SetAction(result => ArchiveSession.Run(result, (store, culture) =>
        {
            var batch = ArchiveSession.RequireBatch(store, result.GetValue(batchName)!);
            store.MoveBatch(batch.Id, BatchState.Rejected, ArchiveSession.User, result.GetValue(reason));
            Console.WriteLine(UserMessages.Pick($"批次“{batch.Name}”已退回。", $"Batch \"{batch.Name}\" rejected.", culture));
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
        command.SetAction(result => ArchiveSession.Run(result, (store, culture) =>
        {
            var batch = ArchiveSession.RequireBatch(store, result.GetValue(batchName)!);
            var entries = store.Commit(batch.Id, ArchiveSession.User, new CommitOptions(result.GetValue(split)));
            SearchIndexing.TryDrainOutbox(store, culture);
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

    private static BatchSummary Summary(IArchiveStore store, Batch b)
    {
        var documents = store.Documents(b.Id);
        return new BatchSummary(b.Id, b.Name, b.State, documents.Count, documents.Sum(d => d.PageCount ?? 0), b.CreatedAt, b.CreatedBy, b.Note, b.EntryNumbers);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private sealed record BatchSummary(string Id, string Name, BatchState State, int Documents, int Pages, DateTimeOffset CreatedAt, string CreatedBy, string? Note, IReadOnlyList<string> EntryNumbers);
}
