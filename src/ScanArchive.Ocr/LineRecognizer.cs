using System.Runtime.InteropServices;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Ocr;

/// <summary>
/// A second look at the pieces of a Chinese page that the page pass probably misread: each suspicious piece of a
/// line (a table cell, a value after its label) is recognized again on its own, as one text line, by a
/// Chinese-only engine, and the better reading is kept.
/// </summary>
/// <remarks>
/// Why: with <c>chi_sim+eng</c> Tesseract picks one model per line; on handwriting-like (Kaiti) values, signatures
/// and 大写 amounts it often picks English and returns Latin garbage ("马鹏志" → "D, we"), and long table rows
/// broken across cells garble whole values. Read alone, as a single line, the same pixels come out right.
/// Not thread-safe: each page engine owns one.
/// </remarks>
internal sealed class LineRecognizer : IDisposable
{
    /// <summary>A horizontal gap wider than this many character heights separates two pieces of a line (cells).</summary>
    private const double PieceGapInHeights = 2.5;

    /// <summary>Words below this confidence are worth a second look.</summary>
    private const float LowConfidence = 80;

    /// <summary>Share of Han characters among recognized letters above which a page counts as Chinese.</summary>
    private const double ChinesePageShare = 0.3;

    private static readonly bool Debug = Environment.GetEnvironmentVariable("SCANARCHIVE_OCR_DEBUG") == "1";

    private readonly SafeTessBaseApiHandle _api;
    private readonly SafeTessMonitorHandle _monitor = Interop.Tesseract.TessMonitorCreate();

    private LineRecognizer(SafeTessBaseApiHandle api) => _api = api;

    /// <summary>The recognizer for <paramref name="options"/>, or null when the page languages hold no Chinese (nothing to recheck).</summary>
    public static LineRecognizer? TryCreate(TesseractOptions options, string tessdata)
    {
        var recheck = Environment.GetEnvironmentVariable("SCANARCHIVE_RECHECK_LANG") ?? options.LineRecheckLanguages;
        if (string.IsNullOrWhiteSpace(recheck) ||
            !TessdataLocator.SplitLanguages(options.Languages).Any(l => l.StartsWith("chi_sim", StringComparison.Ordinal)))
        {
            return null;
        }

        var folder = TessdataLocator.SplitLanguages(recheck).All(l => File.Exists(Path.Combine(tessdata, l + ".traineddata")))
            ? tessdata
            : TessdataLocator.Locate(recheck, options.TessdataPath);
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
                var rc = Interop.Tesseract.TessBaseAPIInit4(
                    api,
                    Path.TrimEndingDirectorySeparator(folder) + "/",
                    recheck,
                    Interop.Tesseract.OEM_LSTM_ONLY,
                    configPtr == 0 ? null : [configPtr],
                    configPtr == 0 ? 0 : 1,
                    null,
                    null,
                    0,
                    0);
                if (rc != 0)
                {
                    throw new OcrException($"Tesseract could not load the languages '{recheck}' from {folder}.");
                }
            }
            finally
            {
                Marshal.FreeCoTaskMem(configPtr);
            }

            Interop.Tesseract.TessBaseAPISetPageSegMode(api, PsmSingleLine);
            return new LineRecognizer(api);
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    private const int PsmSingleLine = 7;

    /// <summary>
    /// Rechecks the suspicious pieces of <paramref name="lines"/> (boxes in original page pixels) on
    /// <paramref name="pix"/>, the prepared page enlarged by <paramref name="scale"/>.
    /// </summary>
    public List<OcrLine> Refine(SafePixHandle pix, int ppi, List<OcrLine> lines, double scale, CancellationToken cancellationToken)
    {
        if (!IsChinesePage(lines))
        {
            return lines;
        }

        var width = Interop.Leptonica.pixGetWidth(pix);
        var height = Interop.Leptonica.pixGetHeight(pix);
        var imageSet = false;
        SafePixHandle? clean = null;
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
                        var textHeight = MedianHeight([.. lines.SelectMany(l => l.Words)]) * scale;
                        clean = NoRules ? null : RuleRemover.WithoutRules(pix, (int)Math.Max(40, textHeight * 3));
                        Interop.Tesseract.TessBaseAPISetImage2(_api, clean ?? pix);
                        Interop.Tesseract.TessBaseAPISetSourceResolution(_api, ppi);
                        imageSet = true;
                    }

                    var again = RecognizePiece(piece, lineHeight, scale, width, height);
                    var better = again is not null && Score(again) > Score(piece);
                    if (Debug)
                    {
                        Console.Error.WriteLine($"recheck [{Text(piece)}] {Score(piece):F1} -> [{(again is null ? "-" : Text(again))}] {(again is null ? 0 : Score(again)):F1}{(better ? " KEEP" : string.Empty)}");
                    }

                    if (better)
                    {
                        newPieces.Add(again!);
                        changed = true;
                    }
                    else
                    {
                        newPieces.Add(piece);
                    }
                }

                result.Add(changed ? Rebuild(line, newPieces) : line);
            }
        }
        finally
        {
            if (imageSet)
            {
                Interop.Tesseract.TessBaseAPIClear(_api);
            }

            clean?.Dispose();
        }

        return result;
    }

    public void Dispose()
    {
        Interop.Tesseract.TessBaseAPIEnd(_api);
        _api.Dispose();
        _monitor.Dispose();
    }

    private List<OcrWord>? RecognizePiece(List<OcrWord> piece, double lineHeight, double scale, int width, int height)
    {
        // Table rules and logos make some word boxes far taller than the text; they would pull a rule into the
        // rectangle, which the line recognizer then reads as "|" or worse.
        var core = piece.Where(w => w.Box.Height <= lineHeight * 1.6).ToList();
        var box = (core.Count > 0 ? core : piece).Aggregate(default(PixelBox), (acc, w) => acc.Union(w.Box));
        box = PixelBox.FromEdges(piece.Min(w => w.Box.X), box.Y, piece.Max(w => w.Box.Right), box.Bottom);
        var scaled = scale == 1 ? box : box.Scale(scale);
        var pad = (int)Math.Round(lineHeight * scale * 0.25);
        var side = (int)Math.Round(lineHeight * scale * SidePad);
        var left = Math.Max(0, scaled.X - side);
        var top = Math.Max(0, scaled.Y - pad);
        var right = Math.Min(width, scaled.Right + side);
        var bottom = Math.Min(height, scaled.Bottom + pad);
        if (right - left < 4 || bottom - top < 4)
        {
            return null;
        }

        Interop.Tesseract.TessBaseAPISetRectangle(_api, left, top, right - left, bottom - top);
        if (Interop.Tesseract.TessBaseAPIRecognize(_api, _monitor) != 0)
        {
            return null;
        }

        // A line read alone gets character boxes as tall as the rectangle; the page pass knew better where the
        // text sits, and reading order needs those heights.
        var words = TesseractEngine.ReadLines(_api, 1 / scale)
            .SelectMany(l => l.Words)
            .Where(w => !IsRule(w.Text))
            .Select(w => w with { Box = WithinBand(w.Box, box) })
            .ToList();
        return words.Count == 0 ? null : words;
    }

    private static PixelBox WithinBand(PixelBox word, PixelBox band)
    {
        var top = Math.Max(word.Y, band.Y);
        var bottom = Math.Min(word.Bottom, band.Bottom);
        return bottom > top ? PixelBox.FromEdges(word.X, top, word.Right, bottom) : PixelBox.FromEdges(word.X, band.Y, word.Right, band.Bottom);
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

    /// <summary>A "word" that is only bars and brackets: a table rule read as text.</summary>
    internal static bool IsRule(string word) => word.All(c => c is '|' or '[' or ']' or '!' or 'l' or 'I') && word.Contains('|');

    private static readonly double SidePad = double.Parse(Environment.GetEnvironmentVariable("SIDEPAD") ?? "0.25", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly bool NoRules = Environment.GetEnvironmentVariable("NORULES") == "1";
    private static readonly bool All = Environment.GetEnvironmentVariable("RECHECK_ALL") == "1";

    private static bool IsSuspicious(List<OcrWord> piece) => All ||
        piece.Any(w => w.Confidence < LowConfidence || LooksLikeLatinNoise(w.Text));

    /// <summary>Latin letters with neither digits nor an @: on a Chinese page, usually a Chinese run read by the English model.</summary>
    internal static bool LooksLikeLatinNoise(string word) =>
        word.Any(char.IsAsciiLetter) && !word.Any(char.IsAsciiDigit) && !word.Contains('@');

    /// <summary>Length-weighted confidence, halved for words that look like Latin noise.</summary>
    private static double Score(List<OcrWord> words)
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
        var text = string.Join(' ', pieces.Select(p => OcrText.JoinWords(p.Select(w => w.Text))));
        return line with { Text = text, Box = box, Words = words };
    }

    private static string Text(List<OcrWord> words) => OcrText.JoinWords(words.Select(w => w.Text));

    private static double MedianHeight(IReadOnlyList<OcrWord> words)
    {
        var heights = words.Select(w => w.Box.Height).Order().ToList();
        return heights.Count == 0 ? 0 : heights[heights.Count / 2];
    }
}
