using ScanArchive.Core.Imaging;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging.Encoders;

namespace ScanArchive.Imaging.Quality;

/// <summary>
/// The quality step before OCR: measures and judges a page, then turns it upright, straightens it and (if the profile
/// asks) crops the scanner background, into a new image. Blank pages are judged and returned unchanged: they are
/// flagged, never dropped, and OCR can skip them.
/// </summary>
/// <remarks>
/// Thread-safe. Because the cleaned page is straight to within a few hundredths of a degree, the OCR engine's own
/// deskew (which acts on skews of 1° or more) finds nothing to do, so a page is never rotated twice. A page
/// straightened by less than a degree also gets a <see cref="ReadingCopy"/>: the engine reads it as scanned (faster,
/// as well) and its words are carried onto the straightened image.
/// </remarks>
public sealed class PageCleaner : IPageCleaner
{
    /// <summary>
    /// White margin kept around the content for the engine: its layout analysis wants paper around the text. Measured
    /// (bench content-area, accuracy): with 6 mm the reading of a few pages changed (an ID card copy, receipts), with
    /// 12 mm it is within noise of the whole page while the engine still saves ~3-4 % of its CPU on A4 forms.
    /// </summary>
    private const double ContentMarginMm = 12;

    /// <summary>A content area larger than this share of the page is not worth restricting recognition to.</summary>
    private const double MaxContentShare = 0.95;

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
        var restored = profile.RestoreBlur ? BlurRestorer.SigmaToRestore(quality, result.Measurement, profile.Thresholds) : null;

        // A skew under a degree is read as scanned (the copy turned upright only) unless the page is to be sharpened:
        // the engine would then need a second sharpened copy.
        var readAsScanned = skew != 0 && Math.Abs(skew) < PageTransform.MaxShearDegrees && profile.ReadSmallSkewsAsScanned && restored is null;
        RasterImage? upright = null;
        RasterImage image;
        if (readAsScanned)
        {
            upright = PageTransform.Straighten(page, rotation, 0, fill);
            image = PageTransform.Straighten(upright, 0, skew, fill);
        }
        else
        {
            image = changed ? PageTransform.Straighten(page, rotation, skew, fill) : page;
        }

        if (skew != 0 && PageImageEncoder.IsBilevel(page))
        {
            // A black-and-white scan stays black and white: resampling greys its edges, and a grey page is stored as
            // JPEG instead of CCITT G4 (several times larger) and reads no better.
            image = PageTransform.Binarize(image);
        }

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

        if (restored is { } sigma)
        {
            cancellationToken.ThrowIfCancellationRequested();
            image = BlurRestorer.Restore(image, sigma);
        }

        return new CleanedPage(image, quality with { Cleanup = new PageCleanup(rotation, Math.Round(skew, 2), crop) { RestoredBlurSigma = restored } })
        {
            ContentArea = ContentArea(result.Measurement, page, rotation, skew, crop, image),
            Reading = upright is null ? null : new ReadingCopy(
                upright,
                ContentArea(result.Measurement, page, rotation, 0, null, upright),
                new Straightening(upright.Width, upright.Height, skew, crop?.X ?? 0, crop?.Y ?? 0)),
        };
    }

    /// <summary>
    /// The measured content box carried into the cleaned image, with a margin of <see cref="ContentMarginMm"/>; null
    /// when it would save little or cannot be trusted (faint ink may hide from the content search).
    /// </summary>
    private static PixelBox? ContentArea(PageMeasurement measurement, RasterImage page, int rotation, double skew, PixelBox? crop, RasterImage cleaned)
    {
        if (measurement.ContentBox is not { } box || measurement.PaperLevel - measurement.InkLevel < 2 * PageMeasurer.InkDelta)
        {
            return null;
        }

        var factor = measurement.Analysis.Factor;
        PixelBox Scaled(PixelBox b) => new(b.X * factor, b.Y * factor, b.Width * factor, b.Height * factor);
        var mapping = new PageTransform.BoxMapping(page.Width, page.Height, rotation, skew);
        var mapped = mapping.Map(Scaled(box));
        if (skew != 0 && measurement.CutOffSides == PageSides.None)
        {
            // Mark by mark: the bounds of a tilted page's bounding box are wider than the straightened content by
            // w·sin(skew). (With text cut off at a side the looser box stands: it reaches that side.)
            mapped = measurement.ContentMarkBoxes.Aggregate(default(PixelBox), (acc, mark) => acc.Union(mapping.Map(Scaled(mark))));
        }

        var margin = (int)Math.Ceiling(Math.Max(16, ContentMarginMm / 25.4 * measurement.AssumedAnalysisDpi * factor));
        int left = mapped.X - margin - (crop?.X ?? 0), top = mapped.Y - margin - (crop?.Y ?? 0);
        int right = mapped.Right + margin - (crop?.X ?? 0), bottom = mapped.Bottom + margin - (crop?.Y ?? 0);
        left = Math.Max(0, left);
        top = Math.Max(0, top);
        right = Math.Min(cleaned.Width, right);
        bottom = Math.Min(cleaned.Height, bottom);
        if (right <= left || bottom <= top || (right - left) * (long)(bottom - top) > MaxContentShare * cleaned.Width * (long)cleaned.Height)
        {
            return null;
        }

        return new PixelBox(left, top, right - left, bottom - top);
    }
}
