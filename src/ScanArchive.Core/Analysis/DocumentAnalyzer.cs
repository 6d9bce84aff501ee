using System.Diagnostics;
using System.Threading.Channels;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Quality;

namespace ScanArchive.Core.Analysis;

/// <summary>
/// Reads documents and recognizes their pages with an OCR engine, keeping every engine worker busy across
/// document boundaries while holding only a bounded number of decoded pages in memory.
/// </summary>
public sealed class DocumentAnalyzer
{
    private readonly IDocumentReader _reader;
    private readonly IOcrEngine _engine;
    private readonly IFieldExtractor? _extractor;
    private readonly CheckedPageRecognizer _recognizer;

    /// <summary>Creates an analyzer over a reader and an engine (both owned by the caller).</summary>
    public DocumentAnalyzer(IDocumentReader reader, IOcrEngine engine)
        : this(reader, engine, extractor: null, cleaner: null)
    {
    }

    /// <summary>
    /// Creates an analyzer that checks and cleans every page image before recognition: blank pages are flagged and
    /// not recognized, turned and skewed pages are recognized upright and straight (<see cref="OcrPage.Quality"/>).
    /// </summary>
    /// <param name="reader">Reads the documents.</param>
    /// <param name="engine">Recognizes the cleaned pages.</param>
    /// <param name="cleaner">Checks and cleans pages; null to recognize pages as scanned.</param>
    /// <param name="profile">Thresholds and cleanups (default: <see cref="QualityProfile.Default"/>).</param>
    public DocumentAnalyzer(IDocumentReader reader, IOcrEngine engine, IPageCleaner? cleaner, QualityProfile? profile = null)
        : this(reader, engine, extractor: null, cleaner, profile)
    {
    }

    /// <summary>Creates an analyzer that also extracts fields, pairs and the document type from each recognized document.</summary>
    /// <param name="reader">Reads the documents.</param>
    /// <param name="engine">Recognizes the pages.</param>
    /// <param name="extractor">Extracts fields; null for none.</param>
    /// <param name="cleaner">Checks and cleans pages before recognition; null to recognize pages as scanned.</param>
    /// <param name="profile">Thresholds and cleanups (default: <see cref="QualityProfile.Default"/>).</param>
    public DocumentAnalyzer(IDocumentReader reader, IOcrEngine engine, IFieldExtractor? extractor, IPageCleaner? cleaner = null, QualityProfile? profile = null)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _extractor = extractor;
        _recognizer = new CheckedPageRecognizer(_engine, cleaner, profile);
    }

    /// <summary>
    /// Analyzes documents and yields their results in input order as each completes. A document that cannot be
    /// read yields a result with <see cref="DocumentAnalysis.Error"/>; the others go on.
    /// </summary>
    /// <param name="inputs">The documents.</param>
    /// <param name="progress">Receives a report after each document.</param>
    /// <param name="cancellationToken">Stops the run; pages in flight are cancelled.</param>
    public async IAsyncEnumerable<DocumentAnalysis> AnalyzeAsync(
        IReadOnlyList<AnalysisInput> inputs,
        IProgress<AnalysisProgress>? progress = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);

        // Decoded pages waiting for or in recognition: enough to keep every worker fed, few enough that memory
        // stays flat however many documents are queued (a 300-dpi A4 page is ~9 MB grey, ~26 MB colour).
        using var inFlight = new SemaphoreSlim(_engine.Concurrency * 2);
        var documents = Channel.CreateBounded<Task<DocumentAnalysis>>(_engine.Concurrency * 2);
        var producer = Task.Run(() => ProduceAsync(inputs, inFlight, documents.Writer, cancellationToken), CancellationToken.None);

        var done = 0;
        var pages = 0;
        await foreach (var document in documents.Reader.ReadAllAsync(CancellationToken.None))
        {
            var analysis = await document.ConfigureAwait(false);
            done++;
            pages += analysis.Pages.Count;
            progress?.Report(new AnalysisProgress(done, inputs.Count, pages, analysis));
            yield return analysis;
        }

        await producer.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Analyzes a single document.</summary>
    public async Task<DocumentAnalysis> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken = default)
    {
        await foreach (var analysis in AnalyzeAsync([input], null, cancellationToken).ConfigureAwait(false))
        {
            return analysis;
        }

        throw new OperationCanceledException(cancellationToken);
    }

    private async Task ProduceAsync(IReadOnlyList<AnalysisInput> inputs, SemaphoreSlim inFlight, ChannelWriter<Task<DocumentAnalysis>> output, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var input in inputs)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                var document = await StartDocumentAsync(input, inFlight, cancellationToken).ConfigureAwait(false);
                await output.WriteAsync(document, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            output.Complete();
        }
    }

    /// <summary>Decodes the document's pages one by one and queues each for recognition as soon as it is decoded.</summary>
    private async Task<Task<DocumentAnalysis>> StartDocumentAsync(AnalysisInput input, SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var pageTasks = new List<Task<OcrPage>>();
        try
        {
            // The slot is taken before the next page is decoded, so at most 2 × concurrency pages exist at once.
            using var pages = _reader.ReadPages(input.Path).GetEnumerator();
            while (await PageSlots.NextAsync(pages, inFlight, cancellationToken).ConfigureAwait(false))
            {
                pageTasks.Add(RecognizeAsync(pages.Current, inFlight, cancellationToken));
            }

            if (pageTasks.Count == 0)
            {
                throw new DocumentReadException(input.Path, DocumentProblem.NoPages);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Task.WhenAll(pageTasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            return Task.FromResult(new DocumentAnalysis { Input = input, Error = ex, Elapsed = stopwatch.Elapsed });
        }

        return CompleteAsync(input, pageTasks, stopwatch);
    }

    private async Task<OcrPage> RecognizeAsync(DocumentPage page, SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        try
        {
            if (page.EmbeddedText is { } text)
            {
                return text;
            }

            // QC first: a blank page skips OCR (a noisy blank costs Tesseract seconds), a turned page is read upright.
            return (await _recognizer.RecognizeAsync(page.Image!, cancellationToken).ConfigureAwait(false)).Ocr;
        }
        finally
        {
            inFlight.Release();
        }
    }

    private async Task<DocumentAnalysis> CompleteAsync(AnalysisInput input, List<Task<OcrPage>> pageTasks, Stopwatch stopwatch)
    {
        try
        {
            var pages = await Task.WhenAll(pageTasks).ConfigureAwait(false);
            var extraction = _extractor?.Extract(pages);
            return new DocumentAnalysis
            {
                Input = input,
                Pages = pages,
                Fields = extraction?.Fields ?? [],
                Pairs = extraction?.Pairs ?? [],
                DocType = extraction?.DocType,
                Elapsed = stopwatch.Elapsed,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new DocumentAnalysis { Input = input, Error = ex, Elapsed = stopwatch.Elapsed };
        }
    }
}
