using System.Runtime.InteropServices;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Ocr;

/// <summary>
/// A second look at the pieces of a Chinese page that the page pass probably misread: each suspicious piece of a
/// line (a table cell, a value after its label) is recognized again on its own, as one text line, by
/// Chinese-script engines, and the reading with the best confidence is kept. Then <see cref="LineCleaner"/> tidies
/// the lines.
/// </summary>
/// <remarks>
/// Why: with <c>chi_sim+eng</c> Tesseract picks one model per line; on handwriting-like (Kaiti) values, signatures
/// and 大写 amounts it often picks English and returns Latin garbage ("马鹏志" → "D, we"), and long table rows
/// broken across cells garble whole values ("11010819600913403X" → "1 ， iecneni 40k"). Read alone, as one line,
/// the same pixels mostly come out right. Measured on sample-scans' Chinese document pages (with tessdata's
/// chi_sim for the page pass): whitespace-free CER 0.052 without the second look, 0.022 with HanS (the Han
/// script model) as second reader, 0.027 with chi_sim itself, 0.022 with both (best of the two). Cost: about
/// 5 % more CPU over a mixed set of pages, one more engine (≈ 75 MB) per worker.
/// Not thread-safe: each page engine owns one.
/// </remarks>
internal sealed class LineRecognizer : IDisposable
{
    /// <summary>A horizontal gap wider than this many character heights separates two pieces of a line (cells).</summary>
    private const double PieceGapInHeights = 2.5;

    /// <summary>Words below this confidence are worth a second look.</summary>
    private const float LowConfidence = 70;

    /// <summary>A second reading must be at least this confident to replace the first (two bad readings: keep the first).</summary>
    private const double MinReplacementScore = 10;

    /// <summary>Share of Han characters among recognized letters above which a page counts as Chinese.</summary>
    private const double ChinesePageShare = 0.3;

    /// <summary>Padding around a piece: above and below, and to the sides, in character heights.</summary>
    private const double VerticalPad = 0.25;
    private const double SidePad = 0.25;

    /// <summary>Tesseract page segmentation mode "single text line".</summary>
    private const int PsmSingleLine = 7;

    private readonly List<SafeTessBaseApiHandle> _engines;
    private readonly SafeTessMonitorHandle _monitor = Interop.Tesseract.TessMonitorCreate();

    private LineRecognizer(List<SafeTessBaseApiHandle> engines) => _engines = engines;

    /// <summary>
    /// The recognizer for <paramref name="options"/>, or null when there is nothing to recheck with: the page
    /// languages hold no Chinese, rechecking is off, or its language data is not installed (recognition then
    /// works as before, only less well on Chinese pages).
    /// </summary>
    public static LineRecognizer? TryCreate(TesseractOptions options, string tessdata)
    {
        var recheck = options.LineRecheckLanguages;
        if (string.IsNullOrWhiteSpace(recheck) ||
            !TessdataLocator.SplitLanguages(options.Languages).Any(l => l.StartsWith("chi_sim", StringComparison.Ordinal)))
        {
            return null;
        }

        var engines = new List<SafeTessBaseApiHandle>();
        try
        {
            foreach (var languages in recheck.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var folder = TessdataLocator.SplitLanguages(languages).All(l => File.Exists(Path.Combine(tessdata, l + ".traineddata")))
                    ? tessdata
                    : TessdataLocator.Locate(languages, options.TessdataPath);
                engines.Add(CreateEngine(languages, folder));
            }
        }
        catch (OcrException) when (engines.Count == 0)
        {
            return null;
        }
        catch
        {
            engines.ForEach(e => e.Dispose());
            throw;
        }

        return new LineRecognizer(engines);
    }

    /// <summary>
    /// Rechecks the suspicious pieces of <paramref name="lines"/> (boxes in original page pixels) on
    /// <paramref name="pix"/>, the prepared page enlarged by <paramref name="scale"/>, then cleans the lines.
    /// </summary>
    public List<OcrLine> Refine(SafePixHandle pix, int ppi, List<OcrLine> lines, double scale, CancellationToken cancellationToken)
    {
        if (!IsChinesePage(lines))
        {
            return LineCleaner.Clean(lines, chinesePage: false);
        }

        var width = Interop.Leptonica.pixGetWidth(pix);
        var height = Interop.Leptonica.pixGetHeight(pix);
        var imageSet = false;
        var result = new List<OcrLine>(lines.Count);
        try
        {
            foreach (var line in lines)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var pieces = Pieces(line);
                var lineHeight = MedianHeight(line.Words);
                var changed = false;
                var newPieces = new List<List<OcrWord>>(pieces.Count);
                foreach (var piece in pieces)
                {
                    if (!IsSuspicious(piece))
                    {
                        newPieces.Add(piece);
                        continue;
                    }

                    if (!imageSet)
                    {
                        foreach (var engine in _engines)
                        {
                            Interop.Tesseract.TessBaseAPISetImage2(engine, pix);
                            Interop.Tesseract.TessBaseAPISetSourceResolution(engine, ppi);
                        }

                        imageSet = true;
                    }

                    var best = piece;
                    var bestScore = Math.Max(Score(piece), MinReplacementScore);
                    foreach (var engine in _engines)
                    {
                        if (RecognizePiece(engine, piece, lineHeight, scale, width, height) is { } again && Score(again) > bestScore)
                        {
                            (best, bestScore) = (again, Score(again));
                        }
                    }

                    newPieces.Add(best);
                    changed |= !ReferenceEquals(best, piece);
                }

                result.Add(changed ? Rebuild(line, newPieces) : line);
            }
        }
        finally
        {
            if (imageSet)
            {
                _engines.ForEach(Interop.Tesseract.TessBaseAPIClear);
            }
        }

        // Graphics go last: a rechecked piece already has the page pass's text heights, and a tall garbage word
        // in the page pass may cover real text that the recheck needs to see.
        return LineCleaner.Clean(LineCleaner.DropGraphics(result), chinesePage: true);
    }

    public void Dispose()
    {
        foreach (var engine in _engines)
        {
            Interop.Tesseract.TessBaseAPIEnd(engine);
            engine.Dispose();
        }

        _monitor.Dispose();
    }

    /// <summary>Splits a line's words where a gap wider than <see cref="PieceGapInHeights"/> character heights separates them.</summary>
    internal static List<List<OcrWord>> Pieces(OcrLine line)
    {
        var pieces = new List<List<OcrWord>>();
        var height = MedianHeight(line.Words);
        List<OcrWord>? current = null;
        foreach (var word in line.Words)
        {
            if (current is null || word.Box.X - current[^1].Box.Right > height * PieceGapInHeights)
            {
                current = [];
                pieces.Add(current);
            }

            current.Add(word);
        }

        return pieces;
    }

    /// <summary>Latin letters with neither digits nor an @: on a Chinese page, usually a Chinese run read by the English model.</summary>
    internal static bool LooksLikeLatinNoise(string word) =>
        word.Any(char.IsAsciiLetter) && !word.Any(char.IsAsciiDigit) && !word.Contains('@');

    /// <summary>A "word" that is only bars (and letters that look like them): a table rule read as text.</summary>
    internal static bool IsRule(string word) => word.Contains('|') && word.All(c => c is '|' or '[' or ']' or '!' or 'l' or 'I');

    /// <summary>Length-weighted confidence, halved for words that look like Latin noise.</summary>
    internal static double Score(IReadOnlyList<OcrWord> words)
    {
        double sum = 0, weight = 0;
        foreach (var word in words)
        {
            var length = word.Text.Count(c => !char.IsWhiteSpace(c));
            sum += (LooksLikeLatinNoise(word.Text) ? word.Confidence / 2 : word.Confidence) * length;
            weight += length;
        }

        return weight == 0 ? 0 : sum / weight;
    }

    private static SafeTessBaseApiHandle CreateEngine(string languages, string folder)
    {
        var api = Interop.Tesseract.TessBaseAPICreate();
        if (api.IsInvalid)
        {
            throw new OcrException("Tesseract could not be created (out of memory?).");
        }

        try
        {
            // Same initialization as the page engine (TesseractEngine.Create), with the project configuration.
            var config = TessdataLocator.ProjectConfig();
            var configPtr = config is null ? 0 : Marshal.StringToCoTaskMemUTF8(config);
            try
            {
                var rc = Interop.Tesseract.TessBaseAPIInit4(
                    api,
                    Path.TrimEndingDirectorySeparator(folder) + "/",
                    languages,
                    Interop.Tesseract.OEM_LSTM_ONLY,
                    configPtr == 0 ? null : [configPtr],
                    configPtr == 0 ? 0 : 1,
                    null,
                    null,
                    0,
                    0);
                if (rc != 0)
                {
                    throw new OcrException($"Tesseract could not load the languages '{languages}' from {folder}.");
                }
            }
            finally
            {
                Marshal.FreeCoTaskMem(configPtr);
            }

            Interop.Tesseract.TessBaseAPISetPageSegMode(api, PsmSingleLine);
            return api;
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    private List<OcrWord>? RecognizePiece(SafeTessBaseApiHandle engine, List<OcrWord> piece, double lineHeight, double scale, int width, int height)
    {
        // Table rules and logos make some word boxes far taller than the text; they would pull a rule into the
        // rectangle, which the line recognizer then reads as "|" or worse.
        var core = piece.Where(w => w.Box.Height <= lineHeight * 1.6).ToList();
        var band = (core.Count > 0 ? core : piece).Aggregate(default(PixelBox), (acc, w) => acc.Union(w.Box));
        var box = PixelBox.FromEdges(piece.Min(w => w.Box.X), band.Y, piece.Max(w => w.Box.Right), band.Bottom);
        var scaled = scale == 1 ? box : box.Scale(scale);
        var pad = (int)Math.Round(lineHeight * scale * VerticalPad);
        var side = (int)Math.Round(lineHeight * scale * SidePad);
        var left = Math.Max(0, scaled.X - side);
        var top = Math.Max(0, scaled.Y - pad);
        var right = Math.Min(width, scaled.Right + side);
        var bottom = Math.Min(height, scaled.Bottom + pad);
        if (right - left < 4 || bottom - top < 4)
        {
            return null;
        }

        Interop.Tesseract.TessBaseAPISetRectangle(engine, left, top, right - left, bottom - top);
        if (Interop.Tesseract.TessBaseAPIRecognize(engine, _monitor) != 0)
        {
            return null;
        }

        // A line read alone gets character boxes as tall as the rectangle, and the rectangle is padded; the page
        // pass knew better where the text sits, and reading order relies on that.
        var words = TesseractEngine.ReadLines(engine, 1 / scale)
            .SelectMany(l => l.Words)
            .Where(w => !IsRule(w.Text))
            .Select(w => w with { Box = Within(w.Box, box), Symbols = w.Symbols?.Select(c => c with { Box = Within(c.Box, box) }).ToList() })
            .ToList();
        return words.Count == 0 ? null : words;
    }

    /// <summary>A word box clipped to the piece it replaces (never empty).</summary>
    private static PixelBox Within(PixelBox word, PixelBox piece)
    {
        var left = Math.Clamp(word.X, piece.X, piece.Right - 1);
        var right = Math.Clamp(word.Right, left + 1, piece.Right);
        var top = Math.Max(word.Y, piece.Y);
        var bottom = Math.Min(word.Bottom, piece.Bottom);
        return bottom > top ? PixelBox.FromEdges(left, top, right, bottom) : PixelBox.FromEdges(left, piece.Y, right, piece.Bottom);
    }

    private static bool IsSuspicious(List<OcrWord> piece) =>
        piece.Any(w => w.Confidence < LowConfidence || LooksLikeLatinNoise(w.Text));

    private static bool IsChinesePage(List<OcrLine> lines)
    {
        long han = 0, latin = 0;
        foreach (var c in lines.SelectMany(l => l.Words).SelectMany(w => w.Text))
        {
            if (OcrText.IsCjk(c))
            {
                han++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        return han + latin > 0 && han >= (han + latin) * ChinesePageShare;
    }

    private static OcrLine Rebuild(OcrLine line, List<List<OcrWord>> pieces)
    {
        var words = pieces.SelectMany(p => p).ToList();
        var box = words.Aggregate(default(PixelBox), (acc, w) => acc.Union(w.Box));

        // Pieces stand apart like a label and its value: a run of spaces, as Tesseract writes such gaps.
        var text = string.Join("   ", pieces.Select(p => OcrText.JoinWords(p.Select(w => w.Text))));
        return line with { Text = text, Box = box, Words = words };
    }

    private static double MedianHeight(IReadOnlyList<OcrWord> words)
    {
        var heights = words.Select(w => w.Box.Height).Order().ToList();
        return heights.Count == 0 ? 0 : heights[heights.Count / 2];
    }
}
