using ScanArchive.Core.Imaging;

namespace ScanArchive.Core.Ocr;

/// <summary>One recognized word (for Chinese, a run of characters Tesseract grouped together).</summary>
/// <param name="Text">The word's text, never empty or whitespace.</param>
/// <param name="Box">Where it is, in pixels of the page image the OCR result belongs to.</param>
/// <param name="Confidence">Recognition confidence, 0–100.</param>
public sealed record OcrWord(string Text, PixelBox Box, float Confidence)
{
    /// <summary>
    /// The word's characters with their own boxes and confidences, for words with Chinese characters (a Chinese
    /// "word" is a run of characters, and a reviewer wants to see which one is doubtful); null for other words and
    /// for results made before characters were kept. Their texts joined are the word's text when present.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OcrSymbol>? Symbols { get; init; }

    /// <summary>The word with its box, and its characters' boxes, moved by <paramref name="move"/>.</summary>
    public OcrWord MoveBoxes(Func<PixelBox, PixelBox> move)
    {
        ArgumentNullException.ThrowIfNull(move);
        return this with { Box = move(Box), Symbols = Symbols?.Select(s => s with { Box = move(s.Box) }).ToList() };
    }
}

/// <summary>One recognized character of a word (Tesseract's symbol level).</summary>
/// <param name="Text">The character (one grapheme, possibly more than one UTF-16 unit).</param>
/// <param name="Box">Where it is, in the same pixels as its word.</param>
/// <param name="Confidence">Recognition confidence, 0–100.</param>
public sealed record OcrSymbol(string Text, PixelBox Box, float Confidence);

/// <summary>A text line: words that share a baseline.</summary>
/// <param name="Text">The words joined: a space between words, none between two Chinese characters.</param>
/// <param name="Box">The union of the words' boxes.</param>
/// <param name="Words">Words from left to right.</param>
/// <param name="Block">Index of the layout block the line came from (the engine's own segmentation), for reading order.</param>
public sealed record OcrLine(string Text, PixelBox Box, IReadOnlyList<OcrWord> Words, int Block = 0);

/// <summary>Where a page's text came from.</summary>
public enum TextSource
{
    /// <summary>Recognized from the page image.</summary>
    Ocr,

    /// <summary>Taken from a text layer the PDF already carried; no recognition ran.</summary>
    EmbeddedText,

    /// <summary>The page was not recognized (e.g. it was detected as blank).</summary>
    None,
}

/// <summary>The text of one page: lines of words with boxes and confidences.</summary>
/// <param name="Width">Width of the page image the boxes refer to, in pixels.</param>
/// <param name="Height">Height of the page image, in pixels.</param>
/// <param name="Dpi">Resolution the boxes refer to.</param>
/// <param name="MeanConfidence">Mean word confidence (0–100), weighted by word length; 0 when there are no words.</param>
/// <param name="Languages">The languages used, as Tesseract names them (e.g. <c>chi_sim+eng</c>).</param>
/// <param name="Lines">Lines in the engine's order; <see cref="ReadingOrder"/> puts them in reading order.</param>
/// <param name="Source">Whether the text was recognized or taken from the file.</param>
public sealed record OcrPage(
    int Width,
    int Height,
    int Dpi,
    float MeanConfidence,
    string Languages,
    IReadOnlyList<OcrLine> Lines,
    TextSource Source = TextSource.Ocr)
{
    /// <summary>Skew in degrees the engine corrected before recognition (positive = the scan was turned counter-clockwise).</summary>
    public double SkewCorrectedDegrees { get; init; }

    /// <summary>
    /// Skew in degrees undone after recognition: the engine read the page upright but not straightened (a skew under a
    /// degree, see <see cref="Quality.ReadingCopy"/>), and its boxes were carried onto the straightened image. 0 when
    /// the page was read as it is stored.
    /// </summary>
    public double StraightenedAfterReadingDegrees { get; init; }

    /// <summary>
    /// The angle <see cref="TextLayerPdf"/> must be turned back by, about the centre of its area, to lie on the
    /// stored image: the engine's own deskew less any straightening after recognition.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double TextLayerSkewDegrees => SkewCorrectedDegrees - StraightenedAfterReadingDegrees;

    /// <summary>Factor the image was enlarged by before recognition (1 when it was not); boxes are already scaled back.</summary>
    public double UpscaleFactor { get; init; } = 1;

    /// <summary>
    /// The recognized text as a one-page PDF of invisible text (Tesseract's glyphless font, any script), to lay over
    /// the page image in a searchable PDF; null unless the engine was asked for it. About 3–6 KB per page.
    /// </summary>
    /// <remarks>
    /// Geometry: the PDF page is the image the engine read, <see cref="Width"/> × 72 / <see cref="Dpi"/> by
    /// <see cref="Height"/> × 72 / <see cref="Dpi"/> points (within 0.3% when the engine enlarged the image: the
    /// resolution it tells Tesseract is rounded). Its text lies on the page as the engine read it: when
    /// <see cref="TextLayerSkewDegrees"/> ≠ 0 it must be turned back by that angle about the centre of its area to
    /// lie on the stored image (<c>ScannedPdfPage.FromRecognition</c> does this).
    /// Not part of the JSON form of the result: it is a file of its own (the archive stores it content-addressed),
    /// and base64 in every OCR record would double its cost.
    /// </remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public byte[]? TextLayerPdf { get; init; }

    /// <summary>
    /// The part of the page the engine read, when it was told where the content lies (<see cref="OcrHints.ContentArea"/>);
    /// null when it read the whole page. Boxes are in the whole page's pixels either way; the
    /// <see cref="TextLayerPdf"/> page then covers this area only. For a page straightened after reading, the area
    /// moved with its centre onto the stored image (it may reach past its edges by the turn).
    /// </summary>
    public PixelBox? RecognizedArea { get; init; }

    /// <summary>
    /// The page's quality check, when one ran before recognition. When it cleaned the page (turned, straightened,
    /// cropped: see <see cref="Quality.PageQuality.Cleanup"/>), width, height and boxes refer to the cleaned image.
    /// </summary>
    public Quality.PageQuality? Quality { get; init; }

    /// <summary>Word-length-weighted mean confidence of a set of lines.</summary>
    public static float WeightedMeanConfidence(IEnumerable<OcrLine> lines)
    {
        double sum = 0;
        long weight = 0;
        foreach (var word in lines.SelectMany(l => l.Words))
        {
            sum += word.Confidence * word.Text.Length;
            weight += word.Text.Length;
        }

        return weight == 0 ? 0 : (float)(sum / weight);
    }
}
