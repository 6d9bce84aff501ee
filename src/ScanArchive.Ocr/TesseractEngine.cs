using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Ocr;

/// <summary>
/// One initialized TessBaseAPI. Not thread-safe: the pool gives each worker thread its own engine for its
/// whole life, because initialization (loading chi_sim+eng) costs 230–400 ms.
/// </summary>
internal sealed class TesseractEngine : IDisposable
{
    /// <summary>Character height (px) the LSTM recognizer reads best; smaller text is enlarged towards it.</summary>
    internal const double TargetCharacterHeight = 30;

    /// <summary>Resolution assumed for a page of typical body text whose median character is this tall at 300 dpi.</summary>
    private const double CharacterHeightAt300Dpi = 30;

    /// <summary>Images larger than this (px, long side) are never enlarged: they are not low-resolution pages.</summary>
    private const int MaxUpscaleSide = 2500;

    /// <summary>A declared resolution implying a page longer than this (inches) is a placeholder such as 72 or 96.</summary>
    private const double MaxPlausiblePageInches = 24;

    /// <summary>The largest skew searched for, in degrees either way.</summary>
    private const float MaxSkewDegrees = 12;

    /// <summary>Smaller skews are left to Tesseract.</summary>
    private const float MinSkewToRotate = 1.0f;

    private readonly SafeTessBaseApiHandle _api;
    private readonly SafeTessMonitorHandle _monitor;
    private readonly TesseractOptions _options;
    private readonly LineRecognizer? _lineRecognizer;
    private readonly StrongBox<int> _cancelFlag = new(0);
    private GCHandle _cancelFlagHandle;
    private TextLayerRenderer? _textLayer;

    private TesseractEngine(SafeTessBaseApiHandle api, SafeTessMonitorHandle monitor, TesseractOptions options, string languages, LineRecognizer? lineRecognizer)
    {
        _api = api;
        _lineRecognizer = lineRecognizer;
        _monitor = monitor;
        _options = options;
        Languages = languages;
        _cancelFlagHandle = GCHandle.Alloc(_cancelFlag);
        unsafe
        {
            Interop.Tesseract.TessMonitorSetCancelFunc(_monitor, &CancelRequested);
        }

        Interop.Tesseract.TessMonitorSetCancelThis(_monitor, GCHandle.ToIntPtr(_cancelFlagHandle));
    }

    public string Languages { get; }

    public static TesseractEngine Create(TesseractOptions options, string tessdata)
    {
        TesseractNative.EnsureInitialized();
        var api = Interop.Tesseract.TessBaseAPICreate();
        if (api.IsInvalid)
        {
            throw new OcrException("Tesseract could not be created (out of memory?).");
        }

        try
        {
            var config = TessdataLocator.ProjectConfig();
            var configPtr = config is null ? 0 : Marshal.StringToCoTaskMemUTF8(config);
            try
            {
                // The datapath must end with a separator: Tesseract appends the file name to it verbatim.
                var rc = Interop.Tesseract.TessBaseAPIInit4(
                    api,
                    Path.TrimEndingDirectorySeparator(tessdata) + "/",
                    options.Languages,
                    Interop.Tesseract.OEM_LSTM_ONLY,
                    configPtr == 0 ? null : [configPtr],
                    configPtr == 0 ? 0 : 1,
                    null,
                    null,
                    0,
                    0);
                if (rc != 0)
                {
                    throw new OcrException($"Tesseract could not load the languages '{options.Languages}' from {tessdata}.");
                }
            }
            finally
            {
                Marshal.FreeCoTaskMem(configPtr);
            }

            Interop.Tesseract.TessBaseAPISetPageSegMode(api, options.PageSegMode);

            foreach (var (name, value) in options.Variables)
            {
                if (Interop.Tesseract.TessBaseAPISetVariable(api, name, value) == 0)
                {
                    throw new OcrException($"Unknown Tesseract variable '{name}'.");
                }
            }

            var languages = Interop.Tesseract.TakeTextNoFree(Interop.Tesseract.TessBaseAPIGetInitLanguagesAsString(api)) ?? options.Languages;
            var textLayer = options.RenderTextLayer ? new TextLayerRenderer(TextLayerRenderer.LocateFontFolder(tessdata)) : null;
            var lineRecognizer = LineRecognizer.TryCreate(options, tessdata);
            var monitor = Interop.Tesseract.TessMonitorCreate();
            return new TesseractEngine(api, monitor, options, languages, lineRecognizer) { _textLayer = textLayer };
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Recognizes a page; <paramref name="hints"/> from the quality step spare the engine a second skew search and
    /// the blank margins (only the content area is read, cut out, which costs Tesseract 3–4 % less CPU on A4 forms
    /// than the whole page; its own rectangle option was slower and lost words on one sample page). Boxes come back in the whole
    /// page's pixels.
    /// </summary>
    public OcrPage Recognize(RasterImage image, OcrHints? hints, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var area = hints?.ContentArea is { } a && a.Width > 0 && a.Height > 0 && a.Right <= image.Width && a.Bottom <= image.Height ? a : (PixelBox?)null;
        using var original = PixConverter.ToPix(SealDropout.ToGray(image) ?? image, area);
        var prepared = Prepare(original, image.Dpi, image.Width, image.Height, deskew: _options.Deskew && hints?.Straightened != true);
        try
        {
            Interop.Tesseract.TessBaseAPISetImage2(_api, prepared.Pix);
            Interop.Tesseract.TessBaseAPISetSourceResolution(_api, (int)Math.Round(prepared.Dpi * prepared.Scale));
            Volatile.Write(ref _cancelFlag.Value, 0);
            int rc;
            using (cancellationToken.Register(static s => Volatile.Write(ref ((StrongBox<int>)s!).Value, 1), _cancelFlag))
            {
                rc = Interop.Tesseract.TessBaseAPIRecognize(_api, _monitor);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (rc != 0)
            {
                throw new OcrException("Tesseract failed to recognize the page.");
            }

            var lines = ReadLines(_api, 1 / prepared.Scale);
            lines = _lineRecognizer?.Refine(prepared.Pix, (int)Math.Round(prepared.Dpi * prepared.Scale), lines, prepared.Scale, cancellationToken) ?? lines;
            if (area is { } offset)
            {
                lines = [.. lines.Select(l => l with { Box = l.Box.Offset(offset.X, offset.Y), Words = [.. l.Words.Select(w => w.MoveBoxes(b => b.Offset(offset.X, offset.Y)))] })];
            }

            return new OcrPage(image.Width, image.Height, prepared.Dpi, OcrPage.WeightedMeanConfidence(lines), Languages, lines)
            {
                RecognizedArea = area,
                SkewCorrectedDegrees = prepared.SkewDegrees,
                UpscaleFactor = prepared.Scale,

                // Before Clear: the renderer reads the results still held by the api.
                TextLayerPdf = _textLayer?.Render(_api),
            };
        }
        finally
        {
            Interop.Tesseract.TessBaseAPIClear(_api);
            if (!ReferenceEquals(prepared.Pix, original))
            {
                prepared.Pix.Dispose();
            }
        }
    }

    public void Dispose()
    {
        Interop.Tesseract.TessBaseAPIEnd(_api);
        _api.Dispose();
        _monitor.Dispose();
        _lineRecognizer?.Dispose();
        if (_cancelFlagHandle.IsAllocated)
        {
            _cancelFlagHandle.Free();
        }
    }

    [UnmanagedCallersOnly]
    private static byte CancelRequested(nint cancelThis, int words)
    {
        var flag = (StrongBox<int>?)GCHandle.FromIntPtr(cancelThis).Target;
        return flag is not null && Volatile.Read(ref flag.Value) != 0 ? (byte)1 : (byte)0;
    }

    private readonly record struct PreparedPage(SafePixHandle Pix, int Dpi, double Scale, double SkewDegrees);

    /// <summary>Deskews, then enlarges small text; returns the original PIX when nothing needed doing.</summary>
    private PreparedPage Prepare(SafePixHandle original, int? declaredDpi, int pageWidth, int pageHeight, bool deskew)
    {
        var pix = original;
        double skew = 0;
        if (deskew && FindSkew(original) is { } angle)
        {
            var rotated = Interop.Leptonica.pixRotate(original, angle * MathF.PI / 180, Interop.Leptonica.L_ROTATE_AREA_MAP, Interop.Leptonica.L_BRING_IN_WHITE, 0, 0);
            if (!rotated.IsInvalid)
            {
                pix = rotated;
                skew = angle;
            }
            else
            {
                rotated.Dispose();
            }
        }

        // Judged on the whole page, also when only its content area is read.
        var dpi = PlausibleDpi(declaredDpi, pageWidth, pageHeight);
        double scale = 1;
        var small = Math.Max(pageWidth, pageHeight) <= MaxUpscaleSide;
        if (dpi == 0 || (_options.UpscaleSmallText && small && dpi < 200))
        {
            var characterHeight = TextSizeEstimator.MedianCharacterHeight(pix);
            if (dpi == 0)
            {
                dpi = characterHeight is { } h ? (int)Math.Clamp(Math.Round(300 * h / CharacterHeightAt300Dpi), 70, 1200) : 300;
            }

            // Only clearly small text on a small image is enlarged: measured on real receipts and forms, a
            // 1.5× enlargement changes little either way, and enlarging a big noisy image makes specks look
            // like text and multiplies the recognition time.
            if (_options.UpscaleSmallText && small && characterHeight is { } measured && measured < TargetCharacterHeight * 0.6)
            {
                scale = Math.Min(4, Math.Round(TargetCharacterHeight / measured * 2) / 2);
            }
        }

        if (scale > 1)
        {
            var scaled = Interop.Leptonica.pixScale(pix, (float)scale, (float)scale);
            if (!ReferenceEquals(pix, original))
            {
                pix.Dispose();
            }

            pix = scaled;
        }

        return new PreparedPage(pix, dpi, scale, skew);
    }

    /// <summary>
    /// The skew to correct, or null when there is none worth a rotation. Measured on a binarized copy (Leptonica
    /// sweeps ±12°: hand-fed pages at 8–10° are common). Below 1° Tesseract's line finder copes by itself, and
    /// rotating a full page costs 100–300 ms and softens the glyphs (measured on sample-scans: small rotations
    /// made Chinese pages worse, not better).
    /// </summary>
    private static float? FindSkew(SafePixHandle pix)
    {
        using var binary = Interop.Leptonica.pixConvertTo1(pix, 130);
        if (binary.IsInvalid ||
            Interop.Leptonica.pixFindSkewSweepAndSearch(binary, out var angle, out var confidence, 4, 2, MaxSkewDegrees, 1, 0.01f) != 0)
        {
            return null;
        }

        return confidence >= 3 && Math.Abs(angle) >= MinSkewToRotate ? angle : null;
    }

    /// <summary>The declared DPI, or 0 when it is missing or cannot be true (an A4 scan at 300 dpi tagged 96 dpi).</summary>
    internal static int PlausibleDpi(int? declared, int width, int height) =>
        declared is { } d && d > 0 && Math.Max(width, height) / (double)d <= MaxPlausiblePageInches ? d : 0;

    internal static List<OcrLine> ReadLines(SafeTessBaseApiHandle api, double boxScale)
    {
        var lines = new List<OcrLine>();
        using var iterator = Interop.Tesseract.TessBaseAPIGetIterator(api);
        if (iterator.IsInvalid)
        {
            return lines;
        }

        var page = Interop.Tesseract.TessResultIteratorGetPageIterator(iterator);
        var words = new List<OcrWord>();
        var block = -1;
        var lineBlock = 0;
        string? lineText = null;
        do
        {
            if (Interop.Tesseract.TessPageIteratorIsAtBeginningOf(page, Interop.Tesseract.RIL_BLOCK) != 0)
            {
                block++;
            }

            if (Interop.Tesseract.TessPageIteratorIsAtBeginningOf(page, Interop.Tesseract.RIL_TEXTLINE) != 0)
            {
                Flush(words, lineText, lineBlock, lines);
                lineBlock = Math.Max(block, 0);

                // Tesseract's own line text spaces scripts correctly (none inside Chinese, none between
                // a number and a following 年), which joining the words ourselves cannot know.
                lineText = Interop.Tesseract.TakeText(Interop.Tesseract.TessResultIteratorGetUTF8Text(iterator, Interop.Tesseract.RIL_TEXTLINE))?.Trim();
            }

            var text = Interop.Tesseract.TakeText(Interop.Tesseract.TessResultIteratorGetUTF8Text(iterator, Interop.Tesseract.RIL_WORD));
            if (string.IsNullOrWhiteSpace(text) ||
                Interop.Tesseract.TessPageIteratorBoundingBox(page, Interop.Tesseract.RIL_WORD, out var left, out var top, out var right, out var bottom) == 0)
            {
                continue;
            }

            var confidence = Interop.Tesseract.TessResultIteratorConfidence(iterator, Interop.Tesseract.RIL_WORD);
            var box = PixelBox.FromEdges(left, top, right, bottom);
            var trimmed = text.Trim();
            words.Add(new OcrWord(trimmed, boxScale == 1 ? box : box.Scale(boxScale), Math.Clamp(confidence, 0, 100))
            {
                Symbols = trimmed.Any(OcrText.IsCjk) ? ReadSymbols(iterator, trimmed, boxScale) : null,
            });
        }
        while (Interop.Tesseract.TessResultIteratorNext(iterator, Interop.Tesseract.RIL_WORD) != 0);

        Flush(words, lineText, lineBlock, lines);
        return lines;
    }

    /// <summary>
    /// The characters of the word the iterator is at, read through a copy of it (the word loop goes on from the word);
    /// null when they do not spell the word (then a reviewer is shown the word alone rather than wrong characters).
    /// Kept for Chinese words only: a Latin word's own box and confidence tell a reviewer enough, and characters cost
    /// record space (about 60 bytes each before compression).
    /// </summary>
    private static List<OcrSymbol>? ReadSymbols(SafeTessResultIteratorHandle iterator, string word, double boxScale)
    {
        using var copy = Interop.Tesseract.TessResultIteratorCopy(iterator);
        if (copy.IsInvalid)
        {
            return null;
        }

        var page = Interop.Tesseract.TessResultIteratorGetPageIterator(copy);
        var symbols = new List<OcrSymbol>(word.Length);
        while (true)
        {
            var text = Interop.Tesseract.TakeText(Interop.Tesseract.TessResultIteratorGetUTF8Text(copy, Interop.Tesseract.RIL_SYMBOL))?.Trim();
            if (!string.IsNullOrEmpty(text) &&
                Interop.Tesseract.TessPageIteratorBoundingBox(page, Interop.Tesseract.RIL_SYMBOL, out var left, out var top, out var right, out var bottom) != 0)
            {
                var box = PixelBox.FromEdges(left, top, right, bottom);
                var confidence = Interop.Tesseract.TessResultIteratorConfidence(copy, Interop.Tesseract.RIL_SYMBOL);
                symbols.Add(new OcrSymbol(text, boxScale == 1 ? box : box.Scale(boxScale), Math.Clamp(confidence, 0, 100)));
            }

            if (Interop.Tesseract.TessPageIteratorIsAtFinalElement(page, Interop.Tesseract.RIL_WORD, Interop.Tesseract.RIL_SYMBOL) != 0 ||
                Interop.Tesseract.TessResultIteratorNext(copy, Interop.Tesseract.RIL_SYMBOL) == 0)
            {
                break;
            }
        }

        return string.Concat(symbols.Select(s => s.Text)) == word ? symbols : null;
    }

    private static void Flush(List<OcrWord> words, string? lineText, int block, List<OcrLine> lines)
    {
        if (words.Count == 0)
        {
            return;
        }

        var box = words.Aggregate(default(PixelBox), (acc, w) => acc.Union(w.Box));
        var text = string.IsNullOrWhiteSpace(lineText) ? OcrText.JoinWords(words.Select(w => w.Text)) : lineText;
        lines.Add(new OcrLine(text, box, [.. words], block));
        words.Clear();
    }
}
