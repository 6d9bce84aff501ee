using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Ocr.Paddle;

/// <summary>
/// The <c>auto</c> engine: Tesseract reads every page (its layout, its words, its text layer for the searchable PDF);
/// a page with Chinese on it (or one Tesseract read little of, doubtfully: handwriting) is also read by PP-OCR, and
/// each line then comes from the engine that fits it (<see cref="LineMerger"/>): Chinese and mixed lines from PP-OCR,
/// Latin text from Tesseract. A Latin page costs what Tesseract alone costs.
/// </summary>
/// <remarks>
/// The searchable PDF's invisible text stays Tesseract's layer for the whole page (<see cref="OcrPage.TextLayerPdf"/>):
/// the PDF stays searchable with Tesseract's reading of the Chinese lines, while the archive's index, the review
/// screen, the fields and the exported text use the merged reading.
/// </remarks>
public sealed class HybridOcrEngine(IOcrEngine tesseract, PaddleOcrEngine paddle, bool ownsEngines = true) : IOcrEngine
{
    /// <summary>Chinese characters in Tesseract's reading from which PP-OCR reads the page as well.</summary>
    internal const int MinChineseCharacters = 4;

    /// <summary>A page Tesseract read with a mean confidence below this (0–100) is read by PP-OCR as well.</summary>
    internal const float DoubtfulPageConfidence = 60;

    /// <inheritdoc/>
    public string Languages => tesseract.Languages;

    /// <inheritdoc/>
    public int Concurrency => tesseract.Concurrency;

    /// <summary>The Tesseract pool underneath (for the text-line reader and orientation, which stay Tesseract's).</summary>
    public IOcrEngine Tesseract => tesseract;

    /// <inheritdoc/>
    public Task<OcrPage> RecognizeAsync(RasterImage page, CancellationToken cancellationToken = default) => ReadAsync(page, null, cancellationToken);

    /// <inheritdoc/>
    public Task<OcrPage> RecognizeAsync(RasterImage page, OcrHints hints, CancellationToken cancellationToken = default) => ReadAsync(page, hints, cancellationToken);

    /// <summary>Whether PP-OCR should read a page Tesseract read as <paramref name="page"/>.</summary>
    internal static bool NeedsPaddle(OcrPage page)
    {
        if (!page.Languages.Contains("chi", StringComparison.Ordinal) || Math.Abs(page.SkewCorrectedDegrees) > 0.01 || page.UpscaleFactor != 1)
        {
            // Latin-only languages; or Tesseract read a frame of its own (deskewed, enlarged) whose boxes PP-OCR's do not share.
            return false;
        }

        var chinese = page.Lines.Sum(l => l.Text.Count(OcrText.IsCjk));
        return chinese >= MinChineseCharacters || page.Lines.Count == 0 || page.MeanConfidence < DoubtfulPageConfidence;
    }

    public void Dispose()
    {
        if (ownsEngines)
        {
            tesseract.Dispose();
            paddle.Dispose();
        }
    }

    private async Task<OcrPage> ReadAsync(RasterImage page, OcrHints? hints, CancellationToken cancellationToken)
    {
        var read = hints is null
            ? await tesseract.RecognizeAsync(page, cancellationToken).ConfigureAwait(false)
            : await tesseract.RecognizeAsync(page, hints, cancellationToken).ConfigureAwait(false);
        if (!NeedsPaddle(read))
        {
            return read;
        }

        // Lines under which Tesseract read only confident Latin words are left to Tesseract: not recognized again.
        var words = read.Lines.SelectMany(l => l.Words).ToList();
        bool NeedsReading(RotatedBox box)
        {
            var bounds = box.Bounds(page.Width, page.Height);
            var under = words.Where(w => Centred(w.Box, bounds)).ToList();
            return under.Count == 0 || under.Any(w => w.Text.Any(OcrText.IsCjk)) || under.Average(w => w.Confidence) < LineMerger.MinLatinConfidence;
        }

        var lines = await paddle.ReadLinesAsync(page, read.RecognizedArea ?? hints?.ContentArea, NeedsReading, cancellationToken).ConfigureAwait(false);
        var merged = LineMerger.Merge(read, lines, page.Width, page.Height);
        return read with { Lines = merged, MeanConfidence = OcrPage.WeightedMeanConfidence(merged) };
    }

    private static bool Centred(PixelBox word, PixelBox region)
    {
        var cx = word.X + (word.Width / 2.0);
        var cy = word.Y + (word.Height / 2.0);
        return cx >= region.X && cx <= region.Right && cy >= region.Y && cy <= region.Bottom;
    }
}
