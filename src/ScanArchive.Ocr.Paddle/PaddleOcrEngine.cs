using System.Collections.Concurrent;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Ocr.Paddle;

/// <summary>
/// PaddleOCR's PP-OCRv4 models on ONNX Runtime (CPU): N worker threads, each owning one set of sessions (detection,
/// direction, recognition) for its lifetime, fed from one queue, like the Tesseract pool. Each session runs
/// <see cref="PaddleOptions.ThreadsPerWorker"/> threads, so N workers never oversubscribe the cores.
/// Safe for any number of concurrent callers; a cancelled request is dropped from the queue, or stopped mid-page.
/// </summary>
public sealed class PaddleOcrEngine : IOcrEngine
{
    /// <summary>The languages PP-OCR's Chinese models read, in Tesseract's names.</summary>
    public const string ModelLanguages = "chi_sim+eng";

    private readonly BlockingCollection<WorkItem> _queue = new(new ConcurrentQueue<WorkItem>());
    private readonly List<Thread> _threads = [];
    private readonly List<PaddleEngine> _engines;
    private int _disposed;

    private PaddleOcrEngine(List<PaddleEngine> engines)
    {
        _engines = engines;
        for (var i = 0; i < engines.Count; i++)
        {
            var engine = engines[i];
            var thread = new Thread(() => Work(engine)) { IsBackground = true, Name = $"ppocr-{i + 1}" };
            _threads.Add(thread);
            thread.Start();
        }
    }

    /// <inheritdoc/>
    public string Languages => ModelLanguages;

    /// <inheritdoc/>
    public int Concurrency => _engines.Count;

    /// <summary>Loads the models once per worker.</summary>
    /// <exception cref="OcrException">Model files are missing (the message says how to install them) or cannot be loaded.</exception>
    public static PaddleOcrEngine Create(PaddleOptions? options = null)
    {
        options ??= new PaddleOptions();
        var files = PaddleModelFiles.Locate(options.ModelsPath);
        var workers = Math.Max(1, options.Workers);
        var engines = new PaddleEngine?[workers];
        try
        {
            Parallel.For(0, workers, i => engines[i] = PaddleEngine.Create(files, options));
        }
        catch (AggregateException ex)
        {
            foreach (var engine in engines)
            {
                engine?.Dispose();
            }

            throw ex.InnerExceptions.OfType<OcrException>().FirstOrDefault() ?? new OcrException("PP-OCR failed to start: " + (ex.InnerException ?? ex).Message, ex.InnerException ?? ex);
        }

        return new PaddleOcrEngine([.. engines.Select(e => e!)]);
    }

    /// <inheritdoc/>
    public Task<OcrPage> RecognizeAsync(RasterImage page, CancellationToken cancellationToken = default) => RecognizeAsync(page, new OcrHints(false, null), cancellationToken);

    /// <inheritdoc/>
    public Task<OcrPage> RecognizeAsync(RasterImage page, OcrHints hints, CancellationToken cancellationToken = default) =>
        Enqueue(page, (engine, token) => ReadPage(engine, page, hints?.ContentArea, token), cancellationToken);

    /// <summary>Detects and reads every line of a page (or of its content area); the raw lines, for the hybrid reader.</summary>
    /// <param name="page">The page.</param>
    /// <param name="area">Where its content lies; null: everywhere.</param>
    /// <param name="read">Which detected lines to recognize (the others are not returned).</param>
    /// <param name="cancellationToken">Cancels a waiting or running reading.</param>
    internal Task<List<PaddleLine>> ReadLinesAsync(RasterImage page, PixelBox? area, Func<RotatedBox, bool> read, CancellationToken cancellationToken) =>
        Enqueue(page, (engine, token) => engine.Read(page, [.. engine.Detect(page, Clip(area, page), token).Where(read)], token), cancellationToken);

    /// <summary>Stops the workers after the pages already queued and frees the sessions.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        foreach (var engine in _engines)
        {
            engine.Dispose();
        }

        _queue.Dispose();
    }

    private static OcrPage ReadPage(PaddleEngine engine, RasterImage page, PixelBox? area, CancellationToken token)
    {
        var lines = engine.Read(page, engine.Detect(page, Clip(area, page), token), token);
        var ocrLines = PaddleLineBuilder.Lines(lines, page.Width, page.Height, 0)
            .OrderBy(l => l.Box.Y).ThenBy(l => l.Box.X).ToList();
        return new OcrPage(page.Width, page.Height, page.Dpi ?? 300, OcrPage.WeightedMeanConfidence(ocrLines), ModelLanguages, ocrLines)
        {
            RecognizedArea = area,
        };
    }

    private static PixelBox Clip(PixelBox? area, RasterImage page)
    {
        var whole = new PixelBox(0, 0, page.Width, page.Height);
        if (area is not { } a)
        {
            return whole;
        }

        var clipped = PixelBox.FromEdges(Math.Max(0, a.X), Math.Max(0, a.Y), Math.Min(page.Width, a.Right), Math.Min(page.Height, a.Bottom));
        return clipped.Width < 32 || clipped.Height < 32 ? whole : clipped;
    }

    private Task<T> Enqueue<T>(RasterImage page, Func<PaddleEngine, CancellationToken, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var item = new WorkItem(completion.Task);
        item.Run = engine =>
        {
            try
            {
                completion.TrySetResult(work(engine, cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                completion.TrySetCanceled(cancellationToken);
            }
            catch (Exception ex)
            {
                completion.TrySetException(ex is OcrException ? ex : new OcrException("PP-OCR failed on a page: " + ex.Message, ex));
            }
        };
        if (cancellationToken.CanBeCanceled)
        {
            item.Registration = cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));
        }

        _queue.Add(item, CancellationToken.None);
        return completion.Task;
    }

    private void Work(PaddleEngine engine)
    {
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            try
            {
                if (!item.Task.IsCompleted)
                {
                    item.Run!(engine);
                }
            }
            finally
            {
                item.Registration.Dispose();
            }
        }
    }

    private sealed class WorkItem(Task task)
    {
        /// <summary>Completed already when cancelled while waiting in the queue.</summary>
        public Task Task { get; } = task;

        public Action<PaddleEngine>? Run { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }
}
