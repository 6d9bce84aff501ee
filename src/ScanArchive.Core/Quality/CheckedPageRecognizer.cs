using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Core.Quality;

/// <summary>A page after its quality check, cleanup and recognition.</summary>
/// <param name="Image">The image that was recognized (cleaned: upright, straight, cropped) and that the archive's PDF should show.</param>
/// <param name="Ocr">The recognized text, with <see cref="OcrPage.Quality"/> set; no lines for a blank page.</param>
public sealed record RecognizedPage(RasterImage Image, OcrPage Ocr);

/// <summary>
/// The page pipeline's first two steps in their order: quality check and cleanup first (a blank page skips OCR, a
/// turned page is read upright), then recognition, whose confidence confirms the orientation wherever a cheap cue
/// rather than the full detector decided it.
/// </summary>
/// <remarks>
/// Why recognition confirms: Tesseract OSD costs 200–300 ms of CPU per page, a quarter to a half of a page's OCR,
/// while the cheap cues (ascenders of Latin text, the shapes of Chinese characters) cost milliseconds but can be
/// wrong, and some pages have neither (little text). Text read the wrong way up comes out with a mean word confidence
/// of 39–68 against 86–95 upright, so a strong reading confirms the cue's verdict (or, without a verdict, that the
/// page is upright) at no extra cost; a weak one calls the full detector, and a page it finds the other way is read
/// again. The better of the two readings is kept. Thread-safe when the cleaner and engine are.
/// </remarks>
public sealed class CheckedPageRecognizer
{
    private readonly IOcrEngine _engine;
    private readonly IPageCleaner? _cleaner;
    private readonly QualityProfile _profile;

    /// <summary>Creates the step.</summary>
    /// <param name="engine">Recognizes pages.</param>
    /// <param name="cleaner">Checks and cleans pages; without one, pages are recognized as they are and carry no quality check.</param>
    /// <param name="profile">Quality thresholds and cleanup settings (default: <see cref="QualityProfile.Default"/>).</param>
    public CheckedPageRecognizer(IOcrEngine engine, IPageCleaner? cleaner, QualityProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _cleaner = cleaner;
        _profile = profile ?? QualityProfile.Default;
    }

    /// <summary>Checks, cleans and recognizes one page.</summary>
    /// <param name="page">The page as scanned; never modified.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="OcrException">The engine failed.</exception>
    public async Task<RecognizedPage> RecognizeAsync(RasterImage page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (_cleaner is null)
        {
            return new RecognizedPage(page, await _engine.RecognizeAsync(page, cancellationToken).ConfigureAwait(false));
        }

        var cleaned = await Task.Run(() => _cleaner.Clean(page, _profile, cancellationToken), cancellationToken).ConfigureAwait(false);
        var quality = cleaned.Quality;
        if (quality.Blank)
        {
            // A blank page is flagged and kept, never dropped, and skips OCR (a noisy blank costs Tesseract seconds).
            var image = cleaned.Image;
            var empty = new OcrPage(image.Width, image.Height, quality.Metrics.Dpi ?? image.Dpi ?? 0, 0, _engine.Languages, [], TextSource.None) { Quality = quality };
            return new RecognizedPage(image, empty);
        }

        var ocr = await ReadAsync(cleaned, cancellationToken).ConfigureAwait(false);
        var method = quality.Metrics.OrientationMethod;
        if (!OrientationMethods.NeedsConfirmation(method))
        {
            return new RecognizedPage(cleaned.Image, ocr with { Quality = quality });
        }

        if (ocr.MeanConfidence >= _profile.Thresholds.MinUprightRecognitionConfidence)
        {
            // Confirmed. A page taken as upright for want of a cue records its reading as the evidence; a cue's verdict keeps its own.
            var confirmed = method == OrientationMethods.Assumed
                ? WithOrientation(quality, OrientationMethods.Recognition, Math.Round(ocr.MeanConfidence, 1))
                : quality;
            return new RecognizedPage(cleaned.Image, ocr with { Quality = confirmed });
        }

        var reoriented = await Task.Run(() => _cleaner.Reorient(page, _profile, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (reoriented.Quality.Cleanup.RotatedClockwise == quality.Cleanup.RotatedClockwise)
        {
            // The detector agrees (or cannot tell): the reading stands, with the detector's verdict on record.
            return new RecognizedPage(cleaned.Image, ocr with { Quality = reoriented.Quality with { Cleanup = quality.Cleanup } });
        }

        var second = await ReadAsync(reoriented, cancellationToken).ConfigureAwait(false);
        if (second.MeanConfidence > ocr.MeanConfidence)
        {
            return new RecognizedPage(reoriented.Image, second with { Quality = reoriented.Quality });
        }

        // The detector says turned, but the page reads better as it is: keep it, and tell the reviewer to look.
        var doubtful = PageQuality.From(
            quality.Metrics with { OrientationMethod = OrientationMethods.Uncertain, OrientationConfidence = reoriented.Quality.Metrics.OrientationConfidence },
            _profile,
            quality.Cleanup);
        return new RecognizedPage(cleaned.Image, ocr with { Quality = doubtful });
    }

    /// <summary>Recognizes the cleaned page, or its reading copy with the words carried onto the cleaned image.</summary>
    private async Task<OcrPage> ReadAsync(CleanedPage cleaned, CancellationToken cancellationToken)
    {
        if (cleaned.Reading is not { } reading)
        {
            return await _engine.RecognizeAsync(cleaned.Image, HintsFor(cleaned.ContentArea), cancellationToken).ConfigureAwait(false);
        }

        var ocr = await _engine.RecognizeAsync(reading.Image, HintsFor(reading.ContentArea), cancellationToken).ConfigureAwait(false);
        return reading.ToCleaned.Map(ocr, cleaned.Image.Width, cleaned.Image.Height);
    }

    private OcrHints HintsFor(PixelBox? contentArea) =>
        new(Straightened: _profile.Deskew, ContentArea: _profile.ReadContentAreaOnly ? contentArea : null);

    private static PageQuality WithOrientation(PageQuality quality, string method, double confidence) =>
        quality with { Metrics = quality.Metrics with { OrientationMethod = method, OrientationConfidence = confidence } };
}
