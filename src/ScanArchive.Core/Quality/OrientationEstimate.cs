using ScanArchive.Core.Imaging;

namespace ScanArchive.Core.Quality;

/// <summary>Which way up a page is.</summary>
/// <param name="RotationClockwise">
/// The quarter turn the page shows, clockwise: 0, 90, 180 or 270 (how far it must be turned back counter-clockwise
/// to be upright), matching the <c>rotation</c> label of sample-scans.
/// </param>
/// <param name="Confidence">The detector's own confidence; for Tesseract OSD a margin over the runner-up (above ~2 is reliable).</param>
/// <param name="Method">How it was found, e.g. <c>osd</c> (Tesseract) or <c>layout</c> (line direction only).</param>
public sealed record OrientationEstimate(int RotationClockwise, double Confidence, string Method)
{
    /// <summary>A page that is already upright.</summary>
    public static OrientationEstimate Upright(string method) => new(0, 0, method);
}

/// <summary>How much work an orientation detector may spend.</summary>
public enum OrientationEffort
{
    /// <summary>Whatever it takes (e.g. Tesseract OSD): an answer unless the page has too little text.</summary>
    Full,

    /// <summary>
    /// Only what is cheap: answer when a quick test settles it, otherwise return null. A verdict of a quick test that
    /// can be wrong carries a method for which <see cref="OrientationMethods.NeedsConfirmation"/> holds.
    /// </summary>
    Quick,
}

/// <summary>Finds which way up a page is (port; the Tesseract OSD implementation lives in ScanArchive.Ocr).</summary>
/// <remarks>Implementations are safe for concurrent callers.</remarks>
public interface IOrientationDetector
{
    /// <summary>Detects the page's orientation.</summary>
    /// <param name="page">A straightened (deskewed) page image, possibly reduced to about 150 dpi; its <see cref="RasterImage.Dpi"/> is honoured.</param>
    /// <param name="effort">How much work to spend (see <see cref="OrientationEffort"/>).</param>
    /// <param name="cancellationToken">Cancels the detection.</param>
    /// <returns>The orientation, or null when the page has too little text to tell (or, with <see cref="OrientationEffort.Quick"/>, when no cheap test settles it).</returns>
    OrientationEstimate? Detect(RasterImage page, OrientationEffort effort = OrientationEffort.Full, CancellationToken cancellationToken = default);
}
