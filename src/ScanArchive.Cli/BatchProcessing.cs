using System.Diagnostics;
using System.Globalization;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Processing;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Quality;
using ScanArchive.Core.Text;
using Spectre.Console;

namespace ScanArchive.Cli;

/// <summary>Shows a recognition run on stderr: a progress bar at a terminal, one line per page otherwise.</summary>
internal static class BatchProcessing
{
    public static async Task<int> RunAsync(CliContext context, Batch batch, QualityProfile? quality, string? languages, CancellationToken cancellationToken)
    {
        var culture = context.Culture;
        var store = context.Get<ScanArchive.Application.ArchiveHost>().Store;
        var processing = context.Get<ProcessingService>();
        var documents = store.Documents(batch.Id);
        var names = documents.ToDictionary(d => d.Id, d => Core.Documents.PrintableName.Of(d.SourceName));
        var pending = documents.Count(d => d.Status == DocumentStatus.Pending);
        var clock = Stopwatch.StartNew();
        BatchProcessingResult result;
        if (!Console.IsErrorRedirected && pending > 0)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            result = await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progressContext =>
                {
                    var task = progressContext.AddTask(UserMessages.Pick($"识别 {batch.Name}", $"Recognizing {batch.Name}", culture), maxValue: pending);
                    var progress = new Progress<BatchProgress>(p =>
                    {
                        task.Value = p.DocumentsDone;
                        task.Description = UserMessages.Pick($"识别 {batch.Name}：{p.PagesDone} 页", $"Recognizing {batch.Name}: {p.PagesDone} page(s)", culture);
                    });
                    return await processing.ProcessAsync(context.Actor, batch.Id, progress, quality, languages, cancellationToken);
                });
        }
        else
        {
            var progress = new SynchronousProgress<BatchProgress>(p =>
            {
                if (p.LastPage is { } page)
                {
                    Console.Error.WriteLine(UserMessages.Pick(
                        $"[{p.DocumentsDone}/{p.DocumentsTotal}] 已完成 {p.PagesDone} 页：{names.GetValueOrDefault(page.DocumentId)} 第 {page.PageNumber} 页",
                        $"[{p.DocumentsDone}/{p.DocumentsTotal}] {p.PagesDone} page(s) done: {names.GetValueOrDefault(page.DocumentId)} page {page.PageNumber}",
                        culture));
                }
            });
            result = await processing.ProcessAsync(context.Actor, batch.Id, progress, quality, languages, cancellationToken);
        }

        foreach (var failed in result.FailedDocuments)
        {
            Console.Error.WriteLine($"✗ {Core.Documents.PrintableName.Of(failed.SourceName)}: {failed.Error}");
        }

        if (result.Batch.State == BatchState.Capturing && result.FailedDocuments.Count > 0)
        {
            Console.Error.WriteLine(UserMessages.Pick(
                $"批次“{result.Batch.Name}”中没有可读取的文件，未提交审核；请补充或替换文件后再处理。",
                $"Batch \"{result.Batch.Name}\" has no file that could be read, so it was not sent to review; add or replace files, then process it again.",
                culture));
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine(UserMessages.Pick(
            $"批次“{result.Batch.Name}”：本次识别 {result.PagesProcessed} 页（{seconds:F1} 秒），跳过已完成 {result.PagesSkipped} 页，{result.FailedDocuments.Count} 个文件失败；状态：{BatchStateNames.Of(result.Batch.State, culture)}。",
            $"Batch \"{result.Batch.Name}\": {result.PagesProcessed} page(s) recognized in {seconds:F1} s, {result.PagesSkipped} already done, {result.FailedDocuments.Count} file(s) failed; state: {BatchStateNames.Of(result.Batch.State, culture)}.",
            culture));
        return result.FailedDocuments.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    /// <summary>Reports on the caller's thread, so lines come out in order.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock _gate = new();

        public void Report(T value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
