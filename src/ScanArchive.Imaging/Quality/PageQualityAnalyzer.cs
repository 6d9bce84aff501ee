using ScanArchive.Core.Imaging;
using ScanArchive.Core.Quality;

namespace ScanArchive.Imaging.Quality;

/// <summary>
/// Measures a page's quality: blank, sharpness, resolution, contrast and brightness, skew, orientation, cut-off
/// content and colour; then judges it with a profile. All measurements run on one reduced (≈ 150 dpi) grey copy,
/// so a 300-dpi A4 page costs tens of milliseconds plus the orientation detector.
/// </summary>
/// <remarks>Thread-safe when the orientation detector is (the Tesseract one is).</remarks>
public sealed class PageQualityAnalyzer
{
    /// <summary>Edge blur σ (analysis pixels) of a perfect ink edge: a step spread over one pixel by sampling.</summary>
    internal const double IdealEdgeSigma = 0.8;

    /// <summary>Median character height (px) of the sample pages' text at 300 dpi, to estimate a missing resolution.</summary>
    internal const double TextHeightAt300Dpi = 34;

    /// <summary>Skews this small do not disturb orientation detection (its tests are local to characters), so the reduced copy is not rotated for them.</summary>
    private const double MinSkewForOrientationCopy = 2;

    /// <summary>Characters shorter than this (px) are enlarged for orientation detection.</summary>
    private const double MinOrientationTextHeight = 16;

    /// <summary>Lines that run vertically this much more clearly than horizontally mean a sideways page.</summary>
    private const double SidewaysAxisRatio = 2;

    private readonly IOrientationDetector? _orientation;

    /// <summary>Creates an analyzer.</summary>
    /// <param name="orientation">
    /// Detects which way up a page is (e.g. ScanArchive.Ocr's TesseractOrientationDetector); without one, pages are
    /// taken as upright and a page whose lines run sideways is reported as <see cref="QualityReason.OrientationUncertain"/>.
    /// </param>
    public PageQualityAnalyzer(IOrientationDetector? orientation = null)
    {
        _orientation = orientation;
    }

    /// <summary>Measures and judges a page (no cleanup: <see cref="PageQuality.Cleanup"/> is empty).</summary>
    /// <param name="page">The page as scanned; not modified.</param>
    /// <param name="profile">Thresholds (default: <see cref="QualityProfile.Default"/>).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public PageQuality Analyze(RasterImage page, QualityProfile? profile = null, CancellationToken cancellationToken = default) =>
        AnalyzeForCleanup(page, profile ?? QualityProfile.Default, fullOrientation: true, cancellationToken).Quality;

    internal sealed record Result(PageQuality Quality, PageMeasurement Measurement, AxisSkew LineSkew);

    /// <param name="page">The page as scanned.</param>
    /// <param name="profile">Thresholds and orientation settings.</param>
    /// <param name="fullOrientation">Decide the orientation with the full detector even where recognition could confirm it (see <see cref="QualityProfile.ConfirmUprightByRecognition"/>).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    internal Result AnalyzeForCleanup(RasterImage page, QualityProfile profile, bool fullOrientation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(profile);
        cancellationToken.ThrowIfCancellationRequested();
        var t = profile.Thresholds;
        var m = PageMeasurer.Measure(page);
        var blank = m.ContentInk < t.BlankMaxInkCoverage;
        var rotation = 0;
        double orientationConfidence = 0;
        var method = OrientationMethods.None;
        var lineSkew = m.Skew.Horizontal;
        if (!blank)
        {
            var looksSideways = m.Lines.Sideways && m.Lines.Ratio >= SidewaysAxisRatio;
            var looksUpright = !m.Lines.Sideways && m.Lines.Ratio >= SidewaysAxisRatio;
            if (_orientation is not null && (profile.DetectUpsideDown || !looksUpright))
            {
                cancellationToken.ThrowIfCancellationRequested();
                // A page whose lines run sideways is shown to the detector turned a quarter back, so that its lines
                // run across: then only "upright or upside down" is left. Where recognition may confirm the verdict,
                // cheap cues answer that first: the ascender count for Latin text (Leptonica), the shapes of the
                // character cells for Chinese (HanOrientation). Tesseract OSD, 200–300 ms, runs only on a page whose
                // lines do not clearly run across and which no cue settles; a page whose lines run across and which no
                // cue settles is left for recognition to confirm (CheckedPageRecognizer): pages are nearly always
                // upright. The verdict is mapped back to the page as scanned.
                var preTurn = looksSideways ? 270 : 0;
                var cheap = profile.ConfirmUprightByRecognition && !fullOrientation;
                var (copy, resampled) = OrientationCopy(m, page, t);
                var across = preTurn == 0 ? copy : PixelRotation.RotateClockwise(copy, preTurn);
                var found = _orientation.Detect(across, cheap ? OrientationEffort.Quick : OrientationEffort.Full, cancellationToken);
                if (found is null && cheap)
                {
                    // The copy is the analysis image itself unless it was turned or resampled: its ink is labelled already.
                    found = preTurn == 0 && !resampled ? HanOrientation.Estimate(m.Ink) : HanOrientation.Estimate(across);
                    if (found is null && !looksUpright)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        found = _orientation.Detect(across, OrientationEffort.Full, cancellationToken);
                    }
                }

                if (found is not null && preTurn != 0)
                {
                    found = found with { RotationClockwise = (found.RotationClockwise - preTurn + 360) % 360 };
                }

                orientationConfidence = found?.Confidence ?? 0;
                // A weak verdict that contradicts the direction of the lines is not acted on: OSD on small print or
                // few characters sometimes calls an upright page sideways, or a sideways one upright.
                var sidewaysVerdict = found?.RotationClockwise is 90 or 270;
                var contradicted = found is not null && found.Confidence < t.StrongOrientationConfidence &&
                    ((sidewaysVerdict && looksUpright) || (!sidewaysVerdict && looksSideways));
                if (found is not null && found.Confidence >= t.MinOrientationConfidence && !contradicted)
                {
                    rotation = found.RotationClockwise;
                    method = found.Method;
                }
                else if (looksSideways)
                {
                    method = OrientationMethods.Uncertain;
                }
                else if (found is null && cheap && looksUpright)
                {
                    method = OrientationMethods.Assumed;
                }

                // Otherwise the lines run across the page and the detector could not say more: most likely upright
                // (a weak "upside down" from OSD on a page of small print or few characters is mostly noise).
            }
            else if (looksSideways)
            {
                method = OrientationMethods.Uncertain;
            }

            lineSkew = m.Skew.ForRotation(method == OrientationMethods.Uncertain && looksSideways ? 90 : rotation);
        }

        var skewTrusted = !blank && lineSkew.Strength >= t.MinSkewConfidence;
        var (dpi, dpiSource) = Resolution(page, m);
        var metrics = new PageQualityMetrics
        {
            Width = page.Width,
            Height = page.Height,
            Dpi = dpi,
            DpiSource = dpiSource,
            TextHeightPixels = m.TextHeight,
            Sharpness = m.EdgeSigma is { } sigma ? Math.Round(Math.Min(1, IdealEdgeSigma / (sigma / m.Analysis.Factor)), 3) : null,
            EdgeSpread = m.EdgeSpread is { } spread ? Math.Round(spread, 3) : null,
            InkCoverage = m.ContentInk,
            ContentMarks = m.ContentMarks,
            PunchHoles = m.PunchHoles,
            SkewDegrees = skewTrusted ? Math.Round(lineSkew.Degrees, 2) : 0,
            SkewConfidence = Math.Round(lineSkew.Strength, 1),
            Rotation = rotation,
            OrientationConfidence = Math.Round(orientationConfidence, 2),
            OrientationMethod = method,
            Brightness = m.PaperLevel,
            InkLevel = m.InkLevel,
            CutOffSides = blank ? PageSides.None : m.CutOffSides,
            ColourFraction = m.Analysis.ColourFraction is { } c ? Math.Round(c, 5) : null,
        };
        return new Result(PageQuality.From(metrics, profile), m, skewTrusted ? lineSkew : default);
    }

    /// <summary>
    /// The reduced copy for orientation detection: straightened when clearly skewed (the detectors read upright lines
    /// best) and enlarged when its characters are small (OSD discards blobs under ~10 px and misjudges small print:
    /// 100-dpi forms were read upside down before they were enlarged).
    /// </summary>
    private static (RasterImage Copy, bool Resampled) OrientationCopy(PageMeasurement m, RasterImage page, QualityThresholds t)
    {
        var copy = m.Analysis.ToRaster(AnalysisImage.PlausibleDpi(page) ?? (int)Math.Round(m.AssumedAnalysisDpi * m.Analysis.Factor));
        var skew = m.Lines.Sideways ? m.Skew.Vertical : m.Skew.Horizontal;
        var straighten = skew.Strength >= t.MinSkewConfidence && Math.Abs(skew.Degrees) >= MinSkewForOrientationCopy ? skew.Degrees : 0;
        var scale = m.TextHeight is { } h && h / m.Analysis.Factor < MinOrientationTextHeight
            ? Math.Min(3, MinOrientationTextHeight / (h / m.Analysis.Factor))
            : 1;

        // One resampling for both (two cost twice as much, a third of the whole quality step on a skewed page).
        return straighten == 0 && scale == 1 ? (copy, false) : (PageTransform.StraightenAndScale(copy, straighten, (byte)m.PaperLevel, scale), true);
    }

    /// <summary>The declared resolution when plausible, else an estimate from the text height, else unknown.</summary>
    private static (int? Dpi, DpiSource Source) Resolution(RasterImage page, PageMeasurement m)
    {
        if (AnalysisImage.PlausibleDpi(page) is { } declared)
        {
            return (declared, DpiSource.Header);
        }

        return m.TextHeight is { } h
            ? ((int)Math.Clamp(Math.Round(300 * h / TextHeightAt300Dpi), 50, 1200), DpiSource.Estimated)
            : (null, DpiSource.Estimated);
    }
}
