using System.Collections.Concurrent;
using System.Globalization;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Quality;
using ScanArchive.Core.Text;
using ScanArchive.Extraction;
using ScanArchive.Extraction.Templates;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Encoders;
using ScanArchive.Imaging.Quality;
using ScanArchive.Ocr;
using ScanArchive.Ocr.Paddle;

namespace ScanArchive.Application.Processing;

/// <summary>Recognition cannot start (language data or library missing, a form template unreadable).</summary>
public sealed class RecognitionUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The recognition engines of the host: one Tesseract pool and orientation detector per language set, loaded on
/// first use (~0.4 s of both cores) and shared by every job, then a fresh <see cref="BatchProcessor"/> per job with
/// that job's quality profile and the data folder's form templates.
/// </summary>
public sealed class RecognitionEngines(ScanArchiveOptions options, ArchiveHost host) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Engines>> _engines = new(StringComparer.Ordinal);

    /// <summary>Starts the engines for <paramref name="languages"/> now (so the first page does not wait for them).</summary>
    /// <exception cref="RecognitionUnavailableException">They cannot start.</exception>
    public int Warm(string? languages = null, OcrEngineChoice? engine = null) => EnginesFor(languages, engine).Pool.Concurrency;

    /// <summary>A processor for one job.</summary>
    /// <exception cref="RecognitionUnavailableException">Engines or templates cannot be loaded; the message says why.</exception>
    public BatchProcessor Processor(QualityProfile? quality = null, string? languages = null, OcrEngineChoice? engine = null)
    {
        FieldExtractor extractor;
        try
        {
            extractor = new FieldExtractor(templates: FormTemplateStore.LoadDirectory(host.Layout.Templates));
        }
        catch (InvalidDataException ex)
        {
            throw new RecognitionUnavailableException(UserMessages.Pick("表单模板无法读取：", "A form template cannot be read: ", CultureInfo.CurrentUICulture) + ex.Message, ex);
        }

        var engines = EnginesFor(languages, engine);
        return new BatchProcessor(
            host.Store,
            host.StoredFileReader(new DocumentReader()),
            engines.Pool,
            new PageImageEncoder(),
            textLayer: (_, ocr) => ocr.TextLayerPdf,
            extractor: extractor,
            cleaner: new PageCleaner(engines.Orientation),
            profile: quality ?? QualityProfile.Default);
    }

    /// <summary>The page engines and the quality cleaner for <paramref name="languages"/> (the review screen reads single pages again with them).</summary>
    /// <exception cref="RecognitionUnavailableException">They cannot start.</exception>
    public (IOcrEngine Engine, IPageCleaner Cleaner) PageEngines(string? languages = null, OcrEngineChoice? engine = null)
    {
        var engines = EnginesFor(languages, engine);
        return (engines.Pool, new PageCleaner(engines.Orientation));
    }

    /// <summary>
    /// One engine that reads a cut-out as a single text line (page segmentation mode 7), for the reviewer's box drawn
    /// on a page; started on first use (≈ 100–175 MB) and kept.
    /// </summary>
    /// <exception cref="RecognitionUnavailableException">It cannot start.</exception>
    public IOcrEngine LineEngine()
    {
        var lazy = _engines.GetOrAdd(LineKey, _ => new Lazy<Engines>(
            () => StartLine(), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value.Pool;
        }
        catch (RecognitionUnavailableException)
        {
            _engines.TryRemove(LineKey, out _);
            throw;
        }
    }

    /// <summary>Pages recognized at once by the engines for <paramref name="languages"/>.</summary>
    public int Concurrency(string? languages = null) => EnginesFor(languages, null).Pool.Concurrency;

    public void Dispose()
    {
        foreach (var lazy in _engines.Values.Where(l => l.IsValueCreated))
        {
            lazy.Value.Dispose();
        }

        _engines.Clear();
    }

    private Engines EnginesFor(string? languages, OcrEngineChoice? engine)
    {
        var langs = string.IsNullOrWhiteSpace(languages) ? options.Ocr.Languages : languages.Trim();
        var choice = engine ?? options.Engine;
        var key = choice == OcrEngineChoice.Tesseract ? langs : langs + "|" + choice;
        var lazy = _engines.GetOrAdd(key, _ => new Lazy<Engines>(() => Start(langs, choice), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch (RecognitionUnavailableException)
        {
            // Not cached: the administrator may install the missing language data and try again without a restart.
            _engines.TryRemove(key, out _);
            throw;
        }
    }

    private const string LineKey = "\u0001line";

    /// <summary>Page segmentation mode "single text line".</summary>
    private const int SingleLineMode = 7;

    private Engines StartLine()
    {
        TesseractOrientationDetector? orientation = null;
        try
        {
            orientation = TesseractOrientationDetector.Create(options.Ocr.TessdataPath);

            // A drawn box is already straight and small: no deskew, no text layer, one worker.
            var pool = TesseractEnginePool.Create(options.Ocr with { PageSegMode = SingleLineMode, Workers = 1, Deskew = false, RenderTextLayer = false });
            return new Engines(pool, orientation);
        }
        catch (OcrException ex)
        {
            orientation?.Dispose();
            throw new RecognitionUnavailableException(UserMessages.Pick("无法启动文字识别：", "Cannot start text recognition: ", CultureInfo.CurrentUICulture) + ex.Message, ex);
        }
    }

    private Engines Start(string languages, OcrEngineChoice choice)
    {
        TesseractOrientationDetector? orientation = null;
        try
        {
            orientation = TesseractOrientationDetector.Create(options.Ocr.TessdataPath);
            return new Engines(PageEngine(options.Ocr with { Languages = languages, RenderTextLayer = true }, choice), orientation);
        }
        catch (OcrException ex)
        {
            orientation?.Dispose();
            throw new RecognitionUnavailableException(UserMessages.Pick("无法启动文字识别：", "Cannot start text recognition: ", CultureInfo.CurrentUICulture) + ex.Message, ex);
        }
    }

    /// <summary>
    /// The page engine for a choice: Tesseract, PP-OCR, or both (auto). Auto without the PP-OCR models installed reads
    /// with Tesseract alone, so that a machine without them keeps working; an explicit <c>paddle</c> fails clearly.
    /// </summary>
    /// <exception cref="OcrException">An engine cannot start.</exception>
    public static IOcrEngine PageEngine(TesseractOptions tesseract, OcrEngineChoice choice)
    {
        if (choice == OcrEngineChoice.Paddle)
        {
            return PaddleOcrEngine.Create(new PaddleOptions { Workers = tesseract.Workers });
        }

        var pool = TesseractEnginePool.Create(tesseract);
        if (choice == OcrEngineChoice.Tesseract || !tesseract.Languages.Contains("chi", StringComparison.Ordinal))
        {
            return pool;
        }

        try
        {
            return new HybridOcrEngine(pool, PaddleOcrEngine.Create(new PaddleOptions { Workers = tesseract.Workers }));
        }
        catch (OcrException) when (!PaddleInstalled())
        {
            return pool;
        }
    }

    private static bool PaddleInstalled()
    {
        try
        {
            PaddleModelFiles.Locate();
            return true;
        }
        catch (OcrException)
        {
            return false;
        }
    }

    private sealed record Engines(IOcrEngine Pool, TesseractOrientationDetector Orientation) : IDisposable
    {
        public void Dispose()
        {
            Pool.Dispose();
            Orientation.Dispose();
        }
    }
}
