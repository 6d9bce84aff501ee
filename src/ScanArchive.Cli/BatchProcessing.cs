using System.Diagnostics;
using System.Globalization;
using ScanArchive.Archive.Storage;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Quality;
using ScanArchive.Core.Text;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Encoders;
using ScanArchive.Imaging.Quality;
using ScanArchive.Ocr;
using Spectre.Console;

namespace ScanArchive.Cli;

/// <summary>Runs the OCR pipeline over a batch with a progress display on stderr.</summary>
internal static class BatchProcessing
{
    /// <summary>
    /// The archive's recognition pipeline: quality check and cleanup, engine pool with text layers for the PDFs, page
    /// image encoder, field extractor with the data folder's form templates. Null (after telling the user why) when
    /// it cannot start.
    /// </summary>
    public static Pipeline? CreatePipeline(LiteDbArchiveStore store, TesseractOptions ocrOptions, CultureInfo culture, QualityProfile? quality = null)
    {
        Extraction.FieldExtractor extractor;
        try
        {
            extractor = new Extraction.FieldExtractor(templates: Extraction.Templates.FormTemplateStore.LoadDirectory(Path.Combine(store.DataFolder, "templates")));
        }
        catch (InvalidDataException ex)
        {
            Console.Error.WriteLine(UserMessages.Pick("表单模板无法读取：", "A form template cannot be read: ", culture) + ex.Message);
            return null;
        }

        TesseractEnginePool pool;
        TesseractOrientationDetector? orientation = null;
        try
        {
            orientation = TesseractOrientationDetector.Create(ocrOptions.TessdataPath);
            pool = TesseractEnginePool.Create(ocrOptions with { RenderTextLayer = true });
        }
        catch (OcrException ex)
        {
            orientation?.Dispose();
            Console.Error.WriteLine(UserMessages.Pick("无法启动文字识别：", "Cannot start text recognition: ", culture) + ex.Message);
            return null;
        }

        var processor = new BatchProcessor(
            store,
            new DocumentReader(),
            pool,
            new PageImageEncoder(),
            textLayer: (_, ocr) => ocr.TextLayerPdf,
            extractor: extractor,
            cleaner: new PageCleaner(orientation),
            profile: quality ?? QualityProfile.Default);
        return new Pipeline(pool, orientation, processor);
    }

    /// <summary>The running pipeline; disposing it stops the engines.</summary>
    public sealed class Pipeline(TesseractEnginePool pool, TesseractOrientationDetector orientation, BatchProcessor processor) : IDisposable
    {
        public TesseractEnginePool Pool => pool;

        public BatchProcessor Processor => processor;

        public void Dispose()
        {
            pool.Dispose();
            orientation.Dispose();
        }
    }

    public static Task<int> RunAsync(LiteDbArchiveStore store, Batch batch, TesseractOptions ocrOptions, CultureInfo culture, CancellationToken cancellationToken) =>
        RunAsync(store, batch, CreatePipeline(store, ocrOptions, culture), culture, cancellationToken);

    /// <summary>Runs a pipeline started earlier (e.g. while files were being copied in); takes ownership of it.</summary>
    public static async Task<int> RunAsync(LiteDbArchiveStore store, Batch batch, Pipeline? started, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (started is not { } pipeline)
        {
            return ExitCodes.UsageOrSetup;
        }

        var pool = pipeline.Pool;
        var processor = pipeline.Processor;

        using (pipeline)
        {
            var documents = store.Documents(batch.Id);
            var names = documents.ToDictionary(d => d.Id, d => d.SourceName);
            var pending = documents.Count(d => d.Status == DocumentStatus.Pending);
            var clock = Stopwatch.StartNew();
            BatchProcessingResult result;
            if (!Console.IsErrorRedirected && pending > 0)
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                result = await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask(UserMessages.Pick($"识别 {batch.Name}", $"Recognizing {batch.Name}", culture), maxValue: pending);
                        var progress = new Progress<BatchProgress>(p =>
                        {
                            task.Value = p.DocumentsDone;
                            task.Description = UserMessages.Pick($"识别 {batch.Name}：{p.PagesDone} 页", $"Recognizing {batch.Name}: {p.PagesDone} page(s)", culture);
                        });
                        return await processor.ProcessAsync(batch.Id, ArchiveSession.User, progress, cancellationToken);
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
                result = await processor.ProcessAsync(batch.Id, ArchiveSession.User, progress, cancellationToken);
            }

            foreach (var failed in result.FailedDocuments)
            {
                Console.Error.WriteLine($"✗ {failed.SourceName}: {failed.Error}");
            }

            var seconds = clock.Elapsed.TotalSeconds;
            Console.Error.WriteLine(UserMessages.Pick(
                $"批次“{result.Batch.Name}”：本次识别 {result.PagesProcessed} 页（{seconds:F1} 秒），跳过已完成 {result.PagesSkipped} 页，{result.FailedDocuments.Count} 个文件失败；状态：{ArchiveSession.StateName(result.Batch.State, culture)}。",
                $"Batch \"{result.Batch.Name}\": {result.PagesProcessed} page(s) recognized in {seconds:F1} s, {result.PagesSkipped} already done, {result.FailedDocuments.Count} file(s) failed; state: {ArchiveSession.StateName(result.Batch.State, culture)}.",
                culture));
            return result.FailedDocuments.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
        }
    }

    /// <summary>
    /// Recognizes a document already stored (a scanned sheet, a dropped file) and frees its slot. Not cancelled by
    /// Ctrl+C: the document is the operator's work, and finishing its OCR costs one page's time.
    /// </summary>
    public static async Task RecognizeStoredAsync(BatchProcessor processor, BatchDocument document, SemaphoreSlim slots)
    {
        try
        {
            await processor.ProcessDocumentAsync(document, CancellationToken.None);
        }
        finally
        {
            slots.Release();
        }
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
