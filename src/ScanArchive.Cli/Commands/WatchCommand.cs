using System.CommandLine;
using System.Globalization;
using ScanArchive.Archive.Storage;
using ScanArchive.Capture.Profiles;
using ScanArchive.Capture.Watch;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Quality;
using ScanArchive.Core.Text;
using ScanArchive.Imaging;
using ScanArchive.Ocr;

namespace ScanArchive.Cli.Commands;

/// <summary>
/// <c>watch DIR</c>: imports files as network scanners drop them (scan-to-folder). A file is taken once it is
/// completely written, stored in the batch, then moved to <c>DIR/done</c> (or <c>DIR/failed</c> with a reason file);
/// recognition runs behind. A journal in the folder and the archive's content hashes make restarts import nothing twice.
/// </summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Folder the scanners write to. / 扫描仪输出文件夹。" };
        var batchName = new Option<string?>("--batch", "-b") { Description = "Batch to add to (default: watch-yyyy-MM-dd). / 批次名称。" };
        var profileName = new Option<string?>("--profile") { Description = "Scan profile whose language and quality settings are used. / 使用该扫描配置的语言和质量设置。" };
        var engine = new EngineOptions();
        var command = new Command("watch", "Import files dropped into a folder until stopped with Ctrl+C. / 监视文件夹并自动导入。");
        command.Arguments.Add(folder);
        command.Options.Add(batchName);
        command.Options.Add(profileName);
        engine.AddTo(command);
        command.SetAction((result, cancellationToken) => ArchiveSession.RunAsync(result, async (store, culture) =>
        {
            var ocrOptions = engine.Read(result);
            var quality = QualityProfile.Default;
            if (result.GetValue(profileName) is { } named)
            {
                if (QualityOptions.FindProfile(store.DataFolder, named, culture) is not { } profile)
                {
                    return ExitCodes.UsageOrSetup;
                }

                if (result.GetResult(engine.LanguageOption) is null)
                {
                    ocrOptions = ocrOptions with { Languages = profile.Language };
                }

                quality = profile.EffectiveQuality();
            }

            var name = result.GetValue(batchName) ?? $"watch-{DateTime.Now:yyyy-MM-dd}";
            return await WatchAsync(store, result.GetValue(folder)!, name, ocrOptions, quality, culture, cancellationToken);
        }));
        return command;
    }

    private static async Task<int> WatchAsync(LiteDbArchiveStore store, string folder, string batchName, TesseractOptions ocrOptions, QualityProfile quality, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (BatchProcessing.CreatePipeline(store, ocrOptions, culture, quality) is not { } pipeline)
        {
            return ExitCodes.UsageOrSetup;
        }

        var pool = pipeline.Pool;
        var processor = pipeline.Processor;

        using (pipeline)
        using (var source = new WatchFolderSource(folder))
        {
            var batch = ArchiveSession.OpenForCapture(store, batchName, culture);
            var reader = new DocumentReader();
            using var slots = new SemaphoreSlim(pool.Concurrency * 2);
            var recognitions = new List<Task>();

            // Documents left pending by an earlier run (stopped before their OCR finished) are picked up first.
            foreach (var pending in store.Documents(batch.Id).Where(d => d.Status == DocumentStatus.Pending))
            {
                await slots.WaitAsync(CancellationToken.None);
                recognitions.Add(BatchProcessing.RecognizeStoredAsync(processor, pending, slots));
            }

            Console.Error.WriteLine(UserMessages.Pick(
                $"正在监视 {source.Folder}，导入到批次“{batch.Name}”。按 Ctrl+C 停止。",
                $"Watching {source.Folder}, importing into batch \"{batch.Name}\". Press Ctrl+C to stop.",
                culture));
            var imported = 0;
            try
            {
                await foreach (var file in source.WatchAsync(cancellationToken))
                {
                    // A retry means an earlier run stopped between storing and moving the file: the hash says whether it got in.
                    if (file.IsRetry && store.DocumentsWithContent(file.Sha256).Count > 0)
                    {
                        source.Complete(file);
                        continue;
                    }

                    try
                    {
                        if (reader.Identify(file.Path) == DocumentFormat.NotADocument)
                        {
                            throw new DocumentReadException(file.Path, DocumentProblem.UnsupportedFormat);
                        }

                        var document = store.AddDocument(batch.Id, file.Path, file.Name, ArchiveSession.User);
                        source.Complete(file);
                        imported++;
                        Console.Error.WriteLine(UserMessages.Pick($"已导入 {file.Name}", $"Imported {file.Name}", culture));
                        await slots.WaitAsync(CancellationToken.None);
                        recognitions.Add(BatchProcessing.RecognizeStoredAsync(processor, document, slots));
                    }
                    catch (Exception ex) when (ex is DocumentReadException or IOException or UnauthorizedAccessException)
                    {
                        var reason = Core.Analysis.AnalysisJson.ErrorMessage(ex, culture);
                        source.Fail(file, reason);
                        Console.Error.WriteLine($"✗ {reason}");
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }

            // Stopping waits for the documents being recognized; anything left is resumed by the next run or `process`.
            await Task.WhenAll(recognitions);
            if (store.Documents(batch.Id) is { Count: > 0 } documents && documents.All(d => d.Status != DocumentStatus.Pending))
            {
                store.MoveBatch(batch.Id, BatchState.Processing, ArchiveSession.User);
                store.MoveBatch(batch.Id, BatchState.ReadyForReview, ArchiveSession.User);
            }

            Console.Error.WriteLine(UserMessages.Pick($"已停止：本次导入 {imported} 个文件。", $"Stopped: {imported} file(s) imported in this run.", culture));
            return ExitCodes.Success;
        }
    }
}
