using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ScanArchive.Application.Processing;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Quality;
using ScanArchive.Extraction;
using ScanArchive.Extraction.Templates;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Encoders;

namespace ScanArchive.Application.Review;

/// <summary>
/// Carries out page turns and rescans in place behind the requests: the page's new image goes through the same
/// pipeline as a captured page (quality check, cleanup, recognition, encoding, the document's fields read again), and is
/// stored in place of the old one, which stays in the page's history. One page at a time; the reviewer goes on working.
/// </summary>
public sealed class PageReworker : IDisposable
{
    private readonly Channel<(string BatchId, string PageId, string User)> _queue = Channel.CreateUnbounded<(string, string, string)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly ArchiveHost _host;
    private readonly RecognitionEngines _engines;
    private readonly ProcessingService _processing;
    private readonly BatchActivity _activity;
    private readonly ILogger<PageReworker> _logger;
    private readonly Lazy<Task> _loop;
    private int _pending;

    public PageReworker(ArchiveHost host, RecognitionEngines engines, ProcessingService processing, BatchActivity activity, ILogger<PageReworker>? logger = null)
    {
        _host = host;
        _engines = engines;
        _processing = processing;
        _activity = activity;
        _logger = logger ?? NullLogger<PageReworker>.Instance;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync));
    }

    /// <summary>Pages queued or being recognized again.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Queues a page whose rework mark is stored (<see cref="IArchiveStore.StartRework"/>).</summary>
    public void Enqueue(string batchId, string pageId, string user)
    {
        Interlocked.Increment(ref _pending);
        _queue.Writer.TryWrite((batchId, pageId, user));
        _ = _loop.Value;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _stopping.Cancel();
        if (_loop.IsValueCreated)
        {
            // The page in flight stops (its rework mark stays; the reviewer can ask again).
            _loop.Value.ContinueWith(_ => { }, TaskScheduler.Default).Wait(TimeSpan.FromSeconds(10));
        }

        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var (batchId, pageId, user) in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            try
            {
                await ReworkAsync(batchId, pageId, user, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Page {Page} could not be recognized again", pageId);
                var batch = _host.Store.FindBatch(batchId);
                _activity.Publish(new BatchEvent(batch?.Name ?? batchId, "fault", batch?.State ?? BatchState.ReadyForReview, 0, 0, 0, pageId, ex.Message, DateTimeOffset.UtcNow));
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private async Task ReworkAsync(string batchId, string pageId, string user, CancellationToken cancellationToken)
    {
        var store = _host.Store;
        var batch = store.FindBatch(batchId) ?? throw new ArchiveException(ArchiveProblem.BatchNotFound, batchId);
        var pages = store.Pages(batch.Id);
        var page = pages.FirstOrDefault(p => p.Id == pageId) ?? throw new ArchiveException(ArchiveProblem.ItemNotFound, pageId);
        if (page.Rework is not { } rework)
        {
            return;
        }

        var profile = _processing.ProfileOf(batch);
        var (engine, cleaner) = _engines.PageEngines(profile.Language);
        RasterImage source;
        QualityProfile quality;
        if (rework.Original is { } original)
        {
            // A new sheet: judged and cleaned like any captured page (turned upright, straightened).
            // Read through the host's reader: stored files may be encrypted at rest.
            using var reader = new DocumentReaderScope(_host.StoredFileReader(new DocumentReader()), store.PathOf(original));
            source = reader.FirstPage();
            quality = profile.EffectiveQuality();
        }
        else
        {
            // A turn of the image the reviewer saw: the page was already cleaned; only the reviewer's turn is applied,
            // and the orientation cues must not turn it back.
            var image = page.Image ?? throw new ArchiveException(ArchiveProblem.InvalidState, pageId, "no image");
            source = PageImageRenderer.Turn(PageImageRenderer.Decode(Read(store, image.File), image), Degrees(rework.Change));
            quality = profile.EffectiveQuality() with { RotateUpright = false, DetectUpsideDown = false, ConfirmUprightByRecognition = false, CropBorders = false, RestoreBlur = false };
        }

        var recognized = await new CheckedPageRecognizer(engine, cleaner, quality).RecognizeAsync(source, cancellationToken).ConfigureAwait(false);
        var ocr = recognized.Ocr;
        var encoded = new PageImageEncoder().Encode(recognized.Image, ocr.Dpi > 0 ? ocr.Dpi : null, null);
        var blank = ocr.Quality?.Blank ?? ocr.Lines.Count == 0;
        var result = new PageResult(page.BatchId, page.DocumentId, page.PageNumber, ocr, encoded, ocr.TextLayerPdf, blank);

        // The document's fields read again with the new page in place of the old (confirmed ones stay, in the store).
        var documentPages = pages.Where(p => p.DocumentId == page.DocumentId).OrderBy(p => p.PageNumber).Select(p => p.Id == page.Id ? ocr : p.Ocr).ToList();
        var extractor = new FieldExtractor(templates: FormTemplateStore.LoadDirectory(_host.Layout.Templates));
        var fields = extractor.Extract(documentPages).Fields;

        var stored = store.ReplacePage(page.Id, new PageReplacement(result, rework.Change, rework.Original, fields), user);
        _activity.Publish(new BatchEvent(batch.Name, "page", batch.State, 1, 0, 0, stored.Id, rework.Change, DateTimeOffset.UtcNow));
    }

    /// <summary>The quarter turns of a change such as <c>rotate -90</c>.</summary>
    internal static int Degrees(string change) =>
        int.TryParse(change.AsSpan(change.LastIndexOf(' ') + 1), System.Globalization.CultureInfo.InvariantCulture, out var degrees) ? degrees : 0;

    private static byte[] Read(IArchiveStore store, StoredFile file)
    {
        using var stream = store.OpenFile(file);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Reads the first page of a stored sheet (a scan is one page; a PDF or TIFF brought as a rescan gives its first).</summary>
    private sealed class DocumentReaderScope(Core.Documents.IDocumentReader reader, string path) : IDisposable
    {
        private readonly IEnumerator<Core.Documents.DocumentPage> _pages = reader.ReadPages(path).GetEnumerator();

        public RasterImage FirstPage() => _pages.MoveNext() && _pages.Current.Image is { } image
            ? image
            : throw new Core.Documents.DocumentReadException(path, Core.Documents.DocumentProblem.NoPages);

        public void Dispose() => _pages.Dispose();
    }
}
