using System.Collections.Concurrent;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Ocr;

/// <summary>
/// N worker threads, each owning one initialized Tesseract engine for its lifetime, fed from one queue.
/// Safe for any number of concurrent callers; a cancelled request is dropped from the queue, or stopped
/// mid-page through Tesseract's cancel callback.
/// </summary>
public sealed class TesseractEnginePool : IOcrEngine
{
    private readonly BlockingCollection<WorkItem> _queue = new(new ConcurrentQueue<WorkItem>());
    private readonly List<Thread> _threads = [];
    private readonly List<TesseractEngine> _engines;
    private int _disposed;

    private TesseractEnginePool(List<TesseractEngine> engines, string languages)
    {
        _engines = engines;
        Languages = languages;
        for (var i = 0; i < engines.Count; i++)
        {
            var engine = engines[i];
            var thread = new Thread(() => Work(engine)) { IsBackground = true, Name = $"ocr-{i + 1}" };
            _threads.Add(thread);
            thread.Start();
        }
    }

    /// <inheritdoc/>
    public string Languages { get; }

    /// <inheritdoc/>
    public int Concurrency => _engines.Count;

    /// <summary>Starts the engines (in parallel: each loads its language data).</summary>
    /// <exception cref="OcrException">Libraries or language data are missing.</exception>
    public static TesseractEnginePool Create(TesseractOptions? options = null)
    {
        options ??= new TesseractOptions();
        TesseractNative.EnsureInitialized();
        var tessdata = TessdataLocator.Locate(options.Languages, options.TessdataPath);
        var workers = Math.Max(1, options.Workers);
        var engines = new TesseractEngine?[workers];
        try
        {
            Parallel.For(0, workers, i => engines[i] = TesseractEngine.Create(options, tessdata));
        }
        catch (AggregateException ex)
        {
            foreach (var engine in engines)
            {
                engine?.Dispose();
            }

            throw ex.InnerExceptions.OfType<OcrException>().FirstOrDefault() ?? new OcrException("Tesseract failed to start.", ex.InnerException ?? ex);
        }

        return new TesseractEnginePool([.. engines.Select(e => e!)], engines[0]!.Languages);
    }

    /// <summary>The version of the loaded libtesseract, e.g. <c>5.3.0</c>.</summary>
    public static string LibraryVersion() => TesseractNative.Version();

    /// <inheritdoc/>
    public Task<OcrPage> RecognizeAsync(RasterImage page, CancellationToken cancellationToken = default) => Enqueue(page, null, cancellationToken);

    /// <inheritdoc/>
    public Task<OcrPage> RecognizeAsync(RasterImage page, OcrHints hints, CancellationToken cancellationToken = default) => Enqueue(page, hints, cancellationToken);

    private Task<OcrPage> Enqueue(RasterImage page, OcrHints? hints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<OcrPage>(cancellationToken);
        }

        var item = new WorkItem(page, hints, cancellationToken);
        if (cancellationToken.CanBeCanceled)
        {
            item.Registration = cancellationToken.Register(static s => ((WorkItem)s!).Completion.TrySetCanceled(((WorkItem)s!).Token), item);
        }

        _queue.Add(item, CancellationToken.None);
        return item.Completion.Task;
    }

    /// <summary>Stops the workers after the pages already queued and frees the engines.</summary>
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

    private void Work(TesseractEngine engine)
    {
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            if (item.Completion.Task.IsCompleted)
            {
                continue; // cancelled while waiting in the queue
            }

            try
            {
                item.Completion.TrySetResult(engine.Recognize(item.Page, item.Hints, item.Token));
            }
            catch (OperationCanceledException) when (item.Token.IsCancellationRequested)
            {
                item.Completion.TrySetCanceled(item.Token);
            }
            catch (Exception ex)
            {
                item.Completion.TrySetException(ex is OcrException ? ex : new OcrException("Tesseract failed on a page: " + ex.Message, ex));
            }
            finally
            {
                item.Registration.Dispose();
            }
        }
    }

    private sealed class WorkItem(RasterImage page, OcrHints? hints, CancellationToken token)
    {
        public RasterImage Page { get; } = page;

        public OcrHints? Hints { get; } = hints;

        public CancellationToken Token { get; } = token;

        public TaskCompletionSource<OcrPage> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}
