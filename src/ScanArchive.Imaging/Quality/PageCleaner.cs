using ScanArchive.Core.Imaging;
using ScanArchive.Core.Quality;

namespace ScanArchive.Imaging.Quality;

/// <summary>
/// The quality step before OCR: measures and judges a page, then turns it upright, straightens it and (if the profile
/// asks) crops the scanner background, into a new image. Blank pages are judged and returned unchanged: they are
/// flagged, never dropped, and OCR can skip them.
/// </summary>
/// <remarks>
/// Thread-safe. Because the cleaned page is straight to within a few hundredths of a degree, the OCR engine's own
/// deskew (which acts on skews of 1° or more) finds nothing to do, so a page is never rotated twice.
/// </remarks>
public sealed class PageCleaner : IPageCleaner
{
    private readonly PageQualityAnalyzer _analyzer;

    /// <summary>Creates a cleaner.</summary>
    /// <param name="orientation">Detects which way up a page is (e.g. ScanArchive.Ocr's TesseractOrientationDetector); without one no page is turned.</param>
    public PageCleaner(IOrientationDetector? orientation = null)
    {
        _analyzer = new PageQualityAnalyzer(orientation);
    }

    /// <inheritdoc/>
    public CleanedPage Clean(RasterImage page, QualityProfile profile, CancellationToken cancellationToken = default) =>
        Clean(page, profile, fullOrientation: false, cancellationToken);

    /// <inheritdoc/>
    public CleanedPage Reorient(RasterImage page, QualityProfile profile, CancellationToken cancellationToken = default) =>
        Clean(page, profile, fullOrientation: true, cancellationToken);

    private CleanedPage Clean(RasterImage page, QualityProfile profile, bool fullOrientation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(profile);
        var result = _analyzer.AnalyzeForCleanup(page, profile, fullOrientation, cancellationToken);
        var quality = result.Quality;
        if (quality.Blank)
        {
            return new CleanedPage(page, quality);
        }

        var metrics = quality.Metrics;
        var rotation = profile.RotateUpright ? metrics.Rotation : 0;
        var skew = profile.Deskew && Math.Abs(result.LineSkew.Degrees) >= profile.MinDeskewDegrees ? result.LineSkew.Degrees : 0;
        cancellationToken.ThrowIfCancellationRequested();
        // Corners uncovered by straightening take the colour of the scan's border: paper for a sheet that fills the
        // scan, the lid for one lying inside it (so that the lid stays one frame that border crop can remove).
        var analysis = result.Measurement.Analysis;
        var fill = analysis.BorderLevel();
        var changed = rotation != 0 || skew != 0;
        var image = changed ? PageTransform.Straighten(page, rotation, skew, fill) : page;

        PixelBox? crop = null;
        if (profile.CropBorders)
        {
            // Judged on the analysis copy turned the same way: a few milliseconds instead of reducing the page again.
            var reduced = analysis.ToRaster(null);
            reduced = changed ? PageTransform.Straighten(reduced, rotation, skew, fill) : reduced;
            if (BorderCrop.Find(reduced, analysis.Factor, image.Width, image.Height) is { } box)
            {
                crop = box;
                image = PageTransform.Crop(image, box);
            }
        }

        var restored = profile.RestoreBlur ? BlurRestorer.SigmaToRestore(quality, result.Measurement) : null;
        if (restored is { } sigma)
        {
            cancellationToken.ThrowIfCancellationRequested();
            image = BlurRestorer.Restore(image, sigma);
        }

        return new CleanedPage(image, quality with { Cleanup = new PageCleanup(rotation, Math.Round(skew, 2), crop) { RestoredBlurSigma = restored } });
    }
}
