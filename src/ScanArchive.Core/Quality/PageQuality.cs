using System.Globalization;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Core.Quality;

/// <summary>One finding on a page and how serious it is.</summary>
/// <param name="Reason">What is wrong.</param>
/// <param name="Severity"><see cref="QualityVerdict.Warn"/> or <see cref="QualityVerdict.Fail"/>.</param>
public sealed record QualityIssue(QualityReason Reason, QualityVerdict Severity);

/// <summary>What cleanup did to a page image before OCR (the original is always kept).</summary>
/// <param name="RotatedClockwise">Quarter turn applied to make the page upright, clockwise (0, 90, 180, 270).</param>
/// <param name="DeskewedDegrees">Skew corrected, positive = the scan was turned counter-clockwise (0 when not straightened).</param>
/// <param name="Crop">The part of the straightened image that was kept, or null when nothing was cropped.</param>
public sealed record PageCleanup(int RotatedClockwise, double DeskewedDegrees, PixelBox? Crop)
{
    /// <summary>Nothing was changed.</summary>
    public static PageCleanup None { get; } = new(0, 0, null);

    /// <summary>
    /// The Gaussian σ (pixels) of focus blur that was undone to sharpen a blurry page before OCR, or null when the page was
    /// not restored. The reviewer sees a restored page: its text reads better than the scan did, but the scan was blurry.
    /// </summary>
    public double? RestoredBlurSigma { get; init; }

    /// <summary>True when the cleaned image differs from the original.</summary>
    public bool Changed => RotatedClockwise != 0 || DeskewedDegrees != 0 || Crop is not null || RestoredBlurSigma is not null;
}

/// <summary>The quality check of one page: measurements, verdict, reasons and what cleanup did.</summary>
public sealed record PageQuality
{
    /// <summary>The measurements.</summary>
    public required PageQualityMetrics Metrics { get; init; }

    /// <summary>Pass, warn or fail: the most serious issue's severity.</summary>
    public QualityVerdict Verdict { get; init; }

    /// <summary>The findings, most serious first.</summary>
    public IReadOnlyList<QualityIssue> Issues { get; init; } = [];

    /// <summary>What cleanup changed.</summary>
    public PageCleanup Cleanup { get; init; } = PageCleanup.None;

    /// <summary>The reason codes of <see cref="Issues"/>.</summary>
    public IEnumerable<QualityReason> Reasons => Issues.Select(i => i.Reason);

    /// <summary>The page has no content (flagged for the reviewer; OCR is skipped, the page is kept).</summary>
    public bool Blank => Has(QualityReason.Blank);

    /// <summary>The page is out of focus.</summary>
    public bool Blurry => Has(QualityReason.Blurry);

    /// <summary>The page has too few pixels for its text.</summary>
    public bool LowResolution => Has(QualityReason.LowResolution);

    /// <summary>The print is too faint.</summary>
    public bool LowContrast => Has(QualityReason.LowContrast);

    /// <summary>True when an issue with this reason was found.</summary>
    public bool Has(QualityReason reason) => Issues.Any(i => i.Reason == reason);

    /// <summary>One sentence for the reviewer in the UI culture (zh-CN or English), e.g. "Blurry (sharpness 0.31): scan the page again."</summary>
    public string Describe(CultureInfo? culture = null) => QualityMessages.Describe(this, culture);

    /// <summary>Builds the check from measurements: applies the profile's thresholds (see <see cref="QualityJudge"/>).</summary>
    public static PageQuality From(PageQualityMetrics metrics, QualityProfile profile, PageCleanup? cleanup = null)
    {
        var issues = QualityJudge.Issues(metrics, profile);
        return new PageQuality
        {
            Metrics = metrics,
            Issues = issues,
            Verdict = issues.Count == 0 ? QualityVerdict.Pass : issues.Max(i => i.Severity),
            Cleanup = cleanup ?? PageCleanup.None,
        };
    }
}

/// <summary>Turns measurements into issues with a profile's thresholds. Pure: no images, no I/O.</summary>
public static class QualityJudge
{
    /// <summary>The issues of a page, most serious first.</summary>
    public static IReadOnlyList<QualityIssue> Issues(PageQualityMetrics metrics, QualityProfile profile)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(profile);
        var t = profile.Thresholds;
        var issues = new List<QualityIssue>();
        if (metrics.InkCoverage < t.BlankMaxInkCoverage)
        {
            // Nothing else is meaningful on an empty sheet; a blank page is a question for the reviewer, not a defect.
            issues.Add(new QualityIssue(QualityReason.Blank, QualityVerdict.Warn));
            return issues;
        }

        // Two views of focus: the steepest slope of the edges (Sharpness) catches Gaussian-like blur on any print, the
        // spread of the full-contrast edges (EdgeSpread) a lens's defocus, which leaves thin strokes a steep rim.
        var blurry = metrics.Sharpness < t.MinSharpness || metrics.EdgeSpread > t.MaxEdgeSpread;
        if (blurry)
        {
            var fail = metrics.Sharpness < t.FailSharpness || metrics.EdgeSpread > t.FailEdgeSpread;
            issues.Add(new QualityIssue(QualityReason.Blurry, fail ? QualityVerdict.Fail : QualityVerdict.Warn));
        }

        var declared = metrics.DpiSource == DpiSource.Header ? metrics.Dpi : (int?)null;
        var height = metrics.TextHeightPixels;
        if (declared < t.MinDpi || height < t.MinTextHeightPixels)
        {
            var fail = declared < t.FailDpi || height < t.FailTextHeightPixels;
            issues.Add(new QualityIssue(QualityReason.LowResolution, fail ? QualityVerdict.Fail : QualityVerdict.Warn));
        }

        // Blur spreads the ink and lightens every stroke; the page is then blurry, not faintly printed.
        if (!blurry && metrics.Contrast < t.MinContrast)
        {
            issues.Add(new QualityIssue(QualityReason.LowContrast, metrics.Contrast < t.FailContrast ? QualityVerdict.Fail : QualityVerdict.Warn));
        }

        if (metrics.Brightness < t.MinBrightness)
        {
            issues.Add(new QualityIssue(QualityReason.TooDark, QualityVerdict.Warn));
        }

        if (metrics.CutOffSides != PageSides.None)
        {
            issues.Add(new QualityIssue(QualityReason.ContentCutOff, QualityVerdict.Warn));
        }

        if (profile.Lineart && metrics.ColourFraction >= t.ColourMinFraction)
        {
            issues.Add(new QualityIssue(QualityReason.ColourLostInLineart, QualityVerdict.Warn));
        }

        if (metrics.OrientationMethod == OrientationMethods.Uncertain)
        {
            issues.Add(new QualityIssue(QualityReason.OrientationUncertain, QualityVerdict.Warn));
        }

        return [.. issues.OrderByDescending(i => i.Severity)];
    }
}

/// <summary>Values of <see cref="PageQualityMetrics.OrientationMethod"/>.</summary>
public static class OrientationMethods
{
    /// <summary>Tesseract orientation and script detection.</summary>
    public const string Osd = "osd";

    /// <summary>
    /// Latin text confirmed upright by counting ascenders against descenders (Leptonica), without OSD; for a page whose
    /// lines ran sideways, the count was made on it turned a quarter back.
    /// </summary>
    public const string Ascenders = "ascenders";

    /// <summary>
    /// Latin text found upside down by the same count (more descenders than ascenders), without OSD; provisional
    /// until recognition confirms it (see <see cref="NeedsConfirmation"/>).
    /// </summary>
    public const string Descenders = "descenders";

    /// <summary>
    /// Chinese text found upright or upside down by the shapes of its characters (the ink within each character's
    /// square, weighed against the average upright character), without OSD; provisional until recognition confirms it
    /// (see <see cref="NeedsConfirmation"/>). <see cref="PageQualityMetrics.OrientationConfidence"/> holds the vote's
    /// margin in standard deviations (acted on from 4).
    /// </summary>
    public const string CharacterShapes = "characterShapes";

    /// <summary>No detector or nothing to judge by: taken as upright.</summary>
    public const string None = "none";

    /// <summary>The page looks turned, but which way could not be told reliably; it was left as scanned.</summary>
    public const string Uncertain = "uncertain";

    /// <summary>
    /// The text lines run across the page and the quick test could not say more: taken as upright until recognition
    /// confirms it (<see cref="Recognition"/>) or, when recognition comes out weak, the full detector decides.
    /// Only seen on a page that has been cleaned but not yet recognized.
    /// </summary>
    public const string Assumed = "assumed";

    /// <summary>
    /// Confirmed upright by recognition itself: the page read with a mean word confidence of at least
    /// <see cref="QualityThresholds.MinUprightRecognitionConfidence"/>, which upside-down text never reaches
    /// (<see cref="PageQualityMetrics.OrientationConfidence"/> then holds that mean confidence, 0–100).
    /// </summary>
    public const string Recognition = "recognition";

    /// <summary>
    /// True for a verdict from a cheap cue that the page's recognition must confirm (<see cref="Assumed"/>,
    /// <see cref="Descenders"/>, <see cref="CharacterShapes"/>): when the reading comes out weak, the full detector
    /// decides and the page is read again if it turns out the other way.
    /// </summary>
    /// <param name="method">An <see cref="PageQualityMetrics.OrientationMethod"/>.</param>
    public static bool NeedsConfirmation(string method) => method is Assumed or Descenders or CharacterShapes;
}
