using ScanArchive.Core.Documents;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Core.Archive;

/// <summary>Encodes a page image for the archive PDF (JPEG for grey and colour, CCITT G4 for bilevel).</summary>
public interface IPageImageEncoder
{
    /// <summary>Encodes the image the PDF will show.</summary>
    EncodedPageImage Encode(RasterImage image);
}

/// <summary>Progress of batch processing.</summary>
/// <param name="PagesDone">Pages recognized and stored in this run.</param>
/// <param name="PagesSkipped">Pages found already stored by an earlier run (resumed).</param>
/// <param name="DocumentsDone">Documents finished (read whole or failed).</param>
/// <param name="DocumentsTotal">Documents in the batch still to process when the run started.</param>
/// <param name="LastPage">The page just stored, if any.</param>
public sealed record BatchProgress(int PagesDone, int PagesSkipped, int DocumentsDone, int DocumentsTotal, BatchPage? LastPage);

/// <summary>What a processing run did.</summary>
/// <param name="Batch">The batch afterwards.</param>
/// <param name="PagesProcessed">Pages recognized in this run.</param>
/// <param name="PagesSkipped">Pages already stored before this run (not recognized again).</param>
/// <param name="FailedDocuments">Documents that could not be read, with the reason.</param>
public sealed record BatchProcessingResult(Batch Batch, int PagesProcessed, int PagesSkipped, IReadOnlyList<BatchDocument> FailedDocuments);

/// <summary>
/// Recognizes a batch's pending documents page by page through the OCR engine's workers. Each page is stored the
/// moment it is ready, so a crash or cancel loses only the pages in flight; running again resumes after the last
/// stored page. Memory stays flat: at most two decoded pages per engine worker exist at any time.
/// </summary>
public sealed class BatchProcessor
{
    private readonly IArchiveStore _store;
    private readonly IDocumentReader _reader;
    private readonly IOcrEngine _engine;
    private readonly IPageImageEncoder _encoder;
    private readonly Func<RasterImage, OcrPage, byte[]?>? _textLayer;
    private readonly Extraction.IFieldExtractor? _extractor;
    private readonly Quality.CheckedPageRecognizer _recognizer;

    /// <summary>Creates a processor; every dependency is owned by the caller.</summary>
    /// <param name="store">Where pages are stored.</param>
    /// <param name="reader">Reads the stored originals.</param>
    /// <param name="engine">Recognizes pages.</param>
    /// <param name="encoder">Encodes page images for the PDF.</param>
    /// <param name="textLayer">Supplies a page's invisible text layer, when the engine produced one.</param>
    /// <param name="extractor">Finds the document type and customer fields once a document's pages are all recognized.</param>
    /// <param name="cleaner">Checks page quality and cleans pages (upright, straight) before recognition; the stored
    /// original stays as scanned, the cleaned image is what OCR and the PDF use.</param>
    /// <param name="profile">Quality thresholds and cleanups (default <see cref="Quality.QualityProfile.Default"/>).</param>
    public BatchProcessor(
        IArchiveStore store,
        IDocumentReader reader,
        IOcrEngine engine,
        IPageImageEncoder encoder,
        Func<RasterImage, OcrPage, byte[]?>? textLayer = null,
        Extraction.IFieldExtractor? extractor = null,
        Quality.IPageCleaner? cleaner = null,
        Quality.QualityProfile? profile = null)
    {
        _extractor = extractor;
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));
        _textLayer = textLayer;
        _recognizer = new Quality.CheckedPageRecognizer(engine, cleaner, profile);
    }

    /// <summary>Processes every pending document of the batch, then marks it ready for review.</summary>
    /// <exception cref="ArchiveException">The batch does not exist or cannot be processed in its state.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; stored pages stay, the batch stays in processing.</exception>
    public async Task<BatchProcessingResult> ProcessAsync(string batchNameOrId, string user, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var batch = _store.FindBatch(batchNameOrId) ?? throw new ArchiveException(ArchiveProblem.BatchNotFound, batchNameOrId);
        if (batch.State != BatchState.Processing)
        {
            if (!batch.CanMoveTo(BatchState.Processing))
            {
                throw new ArchiveException(ArchiveProblem.InvalidState, batch.Name, batch.State.ToString());
            }

            batch = _store.MoveBatch(batch.Id, BatchState.Processing, user);
        }

        var pending = _store.Documents(batch.Id).Where(d => d.Status == DocumentStatus.Pending).OrderBy(d => d.Order).ToList();
        var stored = _store.Pages(batch.Id).Select(p => (p.DocumentId, p.PageNumber)).ToHashSet();
        var counters = new Counters(pending.Count);

        using var inFlight = new SemaphoreSlim(Math.Max(1, _engine.Concurrency * 2));
        var documentTasks = new List<Task>();
        try
        {
            foreach (var document in pending)
            {
                cancellationToken.ThrowIfCancellationRequested();
                documentTasks.Add(await StartDocumentAsync(document, stored, inFlight, counters, progress, cancellationToken).ConfigureAwait(false));
            }
        }
        finally
        {
            // Pages already started are allowed to finish (or observe the cancel) before the run reports back.
            await Task.WhenAll(documentTasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        }

        await Task.WhenAll(documentTasks).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var documents = _store.Documents(batch.Id);
        if (documents.All(d => d.Status != DocumentStatus.Pending))
        {
            // Nothing readable (every file failed, or none at all): a reviewer could only reject it, so it goes back
            // to the clerk, who can add or replace files, instead of on to review.
            batch = documents.Any(d => d.Status == DocumentStatus.Done)
                ? _store.MoveBatch(batch.Id, BatchState.ReadyForReview, user)
                : _store.MoveBatch(batch.Id, BatchState.Capturing, user);
        }

        return new BatchProcessingResult(batch, counters.Done, stored.Count, documents.Where(d => d.Status == DocumentStatus.Failed).ToList());
    }

    /// <summary>
    /// Recognizes one document as soon as it is stored (e.g. a sheet just scanned), without touching the batch's
    /// state, so that recognition overlaps capture. The caller bounds how many run at once.
    /// </summary>
    public async Task ProcessDocumentAsync(BatchDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var inFlight = new SemaphoreSlim(Math.Max(1, _engine.Concurrency * 2));
        var stored = _store.DocumentPages(document.Id).Select(p => (p.DocumentId, p.PageNumber)).ToHashSet();
        var completion = await StartDocumentAsync(document, stored, inFlight, new Counters(1), null, cancellationToken).ConfigureAwait(false);
        await completion.ConfigureAwait(false);
    }

    private async Task<Task> StartDocumentAsync(
        BatchDocument document,
        HashSet<(string DocumentId, int PageNumber)> stored,
        SemaphoreSlim inFlight,
        Counters counters,
        IProgress<BatchProgress>? progress,
        CancellationToken cancellationToken)
    {
        var pageTasks = new List<Task>();
        var pageCount = 0;
        try
        {
            using var pages = _reader.ReadPages(_store.PathOf(document.Original)).GetEnumerator();
            while (await PageSlots.NextAsync(pages, inFlight, cancellationToken).ConfigureAwait(false))
            {
                pageCount++;
                if (stored.Contains((document.Id, pages.Current.Number)))
                {
                    inFlight.Release();
                    counters.Skip();
                    continue;
                }

                pageTasks.Add(ProcessPageAsync(document, pages.Current, inFlight, counters, progress, cancellationToken));
            }

            if (pageCount == 0)
            {
                throw new DocumentReadException(document.SourceName, DocumentProblem.NoPages);
            }
        }
        catch (OperationCanceledException)
        {
            // Let pages already recognized reach the store before the run reports the cancel.
            await Task.WhenAll(pageTasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            // The pages read before the failure stay stored: nothing captured is lost, and the reviewer sees why.
            await Task.WhenAll(pageTasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            _store.UpdateDocument(document with { Status = DocumentStatus.Failed, Error = Reason(ex) });
            counters.DocumentDone(progress);
            return Task.CompletedTask;
        }

        return CompleteDocumentAsync(document, pageTasks, pageCount, counters, progress);
    }

    private async Task CompleteDocumentAsync(BatchDocument document, List<Task> pageTasks, int pageCount, Counters counters, IProgress<BatchProgress>? progress)
    {
        try
        {
            await Task.WhenAll(pageTasks).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _store.UpdateDocument(document with { Status = DocumentStatus.Failed, Error = Reason(ex) });
            counters.DocumentDone(progress);
            return;
        }

        var done = document with { Status = DocumentStatus.Done, PageCount = pageCount, Error = null };
        if (_extractor is not null)
        {
            var pages = _store.DocumentPages(document.Id).Select(p => p.Ocr).ToList();
            var extraction = _extractor.Extract(pages);
            done = done with { DocumentType = extraction.DocType, Fields = extraction.Fields };
        }

        _store.UpdateDocument(done);
        counters.DocumentDone(progress);
    }

    private async Task ProcessPageAsync(BatchDocument document, DocumentPage page, SemaphoreSlim inFlight, Counters counters, IProgress<BatchProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            PageResult result;
            if (page.EmbeddedText is { } text)
            {
                // A page the file gave neither text nor a picture is a blank page: flagged as such for the reviewer,
                // never a finished page that silently holds nothing.
                result = new PageResult(document.BatchId, document.Id, page.Number, text, null, null, Blank: text.Lines.Count == 0);
            }
            else
            {
                var (image, ocr) = await _recognizer.RecognizeAsync(page.Image!, cancellationToken).ConfigureAwait(false);

                // Once recognized, a page is finished and stored even if a cancel arrives now: work done is never thrown away.
                var encoded = await Task.Run(() => _encoder.Encode(image), CancellationToken.None).ConfigureAwait(false);
                var blank = ocr.Quality?.Blank ?? ocr.Lines.Count == 0;
                result = new PageResult(document.BatchId, document.Id, page.Number, ocr, encoded, _textLayer?.Invoke(image, ocr), Blank: blank);
            }

            var saved = _store.SavePage(result);
            counters.PageDone(saved, progress);
        }
        finally
        {
            inFlight.Release();
        }
    }

    /// <summary>
    /// Why a document failed, for its record. The record sits beside the document's own name, and the reader was
    /// given the stored copy, whose content-hash file name means nothing to the user: a read failure is kept as its
    /// reason alone.
    /// </summary>
    private static string Reason(Exception error) =>
        error is DocumentReadException read ? read.ReasonIn(null) : error.Message;

    private sealed class Counters(int documentsTotal)
    {
        private readonly Lock _gate = new();
        private int _documents;

        public int Done { get; private set; }

        public int Skipped { get; private set; }

        public void Skip()
        {
            lock (_gate)
            {
                Skipped++;
            }
        }

        public void PageDone(BatchPage page, IProgress<BatchProgress>? progress)
        {
            BatchProgress report;
            lock (_gate)
            {
                Done++;
                report = new BatchProgress(Done, Skipped, _documents, documentsTotal, page);
            }

            progress?.Report(report);
        }

        public void DocumentDone(IProgress<BatchProgress>? progress)
        {
            BatchProgress report;
            lock (_gate)
            {
                _documents++;
                report = new BatchProgress(Done, Skipped, _documents, documentsTotal, null);
            }

            progress?.Report(report);
        }
    }
}
