using ScanArchive.Core.Imaging;

namespace ScanArchive.Core.Quality;

/// <summary>A page after its quality check and cleanup.</summary>
/// <param name="Image">The image the archived PDF should use, and OCR unless <see cref="Reading"/> is set: turned upright, straightened and optionally cropped; the same instance as the original when nothing needed changing. The original is never modified.</param>
/// <param name="Quality">The check: metrics (measured on the original), verdict, reasons and what cleanup did.</param>
public sealed record CleanedPage(RasterImage Image, PageQuality Quality)
{
    /// <summary>
    /// Where the page's content lies in <see cref="Image"/> (every mark of text size, with a margin), when the cleaner
    /// found it and it leaves out enough of the page to matter; null means the whole page. Recognition may be limited
    /// to it: the blank margins cost the engine layout analysis and hold nothing to read.
    /// </summary>
    public PixelBox? ContentArea { get; init; }

    /// <summary>
    /// The copy for the OCR engine to read instead of <see cref="Image"/>, when the cleaner straightened the page by
    /// less than a degree and the profile reads such pages as scanned (<see cref="QualityProfile.ReadSmallSkewsAsScanned"/>);
    /// null when the engine reads <see cref="Image"/> itself.
    /// </summary>
    public ReadingCopy? Reading { get; init; }
}

/// <summary>Checks a page's quality and cleans it up for OCR (port; implemented in ScanArchive.Imaging).</summary>
/// <remarks>Implementations are safe for concurrent callers.</remarks>
public interface IPageCleaner
{
    /// <summary>Measures the page, judges it with the profile and, unless it is blank, turns it upright, straightens and crops it as the profile asks.</summary>
    /// <param name="page">The scanned page; never modified.</param>
    /// <param name="profile">Thresholds and cleanup settings.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    CleanedPage Clean(RasterImage page, QualityProfile profile, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cleans the page again, deciding its orientation with the full detector: for a page that <see cref="Clean"/> took
    /// as upright (<see cref="OrientationMethods.Assumed"/>) and whose recognition came out weak.
    /// </summary>
    /// <param name="page">The scanned page, as given to <see cref="Clean"/>; never modified.</param>
    /// <param name="profile">The same profile.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    CleanedPage Reorient(RasterImage page, QualityProfile profile, CancellationToken cancellationToken = default);
}
