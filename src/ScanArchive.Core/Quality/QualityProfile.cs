using System.Globalization;
using ScanArchive.Core.Text;

namespace ScanArchive.Core.Quality;

/// <summary>
/// Limits for the quality verdict. The defaults were chosen from measurements on sample-scans (document pages and
/// QC cases), generated variants of them (blur, resolution, contrast, blank sheets) and the real development pages;
/// <c>bench/quality.sh</c> prints the measured distributions these limits separate (see bench/README.md).
/// </summary>
public sealed record QualityThresholds
{
    /// <summary>
    /// A page whose content marks cover less than this fraction of its interior is blank (0.0003 = 0.03 %: less ink than
    /// one short line; a noisy blank sheet measures ≈ 0.01 %, a page with a signature 0.05 % and more).
    /// </summary>
    public double BlankMaxInkCoverage { get; init; } = 0.0003;

    /// <summary>
    /// Below this <see cref="PageQualityMetrics.Sharpness"/> a page is blurry (warn). On a 300-dpi scan a focus blur of
    /// σ 4 px (0.34 mm) measures 0.44–0.52, σ 3 px 0.58–0.65, a careful office scan 0.95–1.0; real receipts 0.58 and up.
    /// </summary>
    public double MinSharpness { get; init; } = 0.55;

    /// <summary>Below this sharpness a blurry page fails (σ 6 px on a 300-dpi scan measures 0.27–0.38).</summary>
    public double FailSharpness { get; init; } = 0.4;

    /// <summary>
    /// Above this <see cref="PageQualityMetrics.EdgeSpread"/> (pixels at 150 dpi) a page is blurry (warn), whatever its
    /// <see cref="MinSharpness"/> says: a lens's defocus (disk blur) keeps thin strokes steep-rimmed, so a visibly soft
    /// page measured sharpness 0.6–0.8. Read from the <c>tune</c> set of <c>ScanArchive.Bench blur</c> only (five sample
    /// pages, 300 and 200 dpi, grey and colour): sharp pages (as scanned, disk radius ≤ 0.12 mm, Gaussian σ 0.05 mm)
    /// 0.32–0.57, softly focused ones (disk 0.2 mm, Gaussian σ 0.09 mm) 0.58–0.68, defocused (disk radius ≥ 0.3 mm,
    /// Gaussian σ ≥ 0.25 mm) 0.78 and up, alike at both resolutions. The limit sits between soft and defocused.
    /// </summary>
    public double MaxEdgeSpread { get; init; } = DefaultMaxEdgeSpread;

    /// <summary>
    /// Above this edge spread a blurry page fails. Set where the sharpness limit's own fail takes over (Gaussian σ 4 px at
    /// 300 dpi, a warning by sharpness, spreads up to 2.2 on the tune set), so that the spread adds failures only beyond that.
    /// </summary>
    public double FailEdgeSpread { get; init; } = DefaultFailEdgeSpread;

    /// <summary>Default of <see cref="MaxEdgeSpread"/>.</summary>
    public const double DefaultMaxEdgeSpread = 0.73;

    /// <summary>Default of <see cref="FailEdgeSpread"/>.</summary>
    public const double DefaultFailEdgeSpread = 2.5;

    /// <summary>A declared resolution below this is low (warn). 200 dpi is the usual floor for OCR of office documents.</summary>
    public int MinDpi { get; init; } = 200;

    /// <summary>A declared resolution below this fails.</summary>
    public int FailDpi { get; init; } = 150;

    /// <summary>
    /// Characters shorter than this (median, in pixels) are too small for reliable OCR whatever the declared resolution
    /// (warn): 10-point text at 200 dpi measures ≈ 19–29 px here, at 100 dpi 9–15 px.
    /// </summary>
    public double MinTextHeightPixels { get; init; } = 16;

    /// <summary>Characters shorter than this fail.</summary>
    public double FailTextHeightPixels { get; init; } = 10;

    /// <summary>
    /// Paper minus ink below this is low contrast (warn): good scans measure 165–255, faint print on grey paper ≈ 42,
    /// the darkest real receipt 95.
    /// </summary>
    public double MinContrast { get; init; } = 90;

    /// <summary>Contrast below this fails.</summary>
    public double FailContrast { get; init; } = 30;

    /// <summary>Paper darker than this means the scan is too dark (warn).</summary>
    public double MinBrightness { get; init; } = 100;

    /// <summary>A page with more than this fraction in colour has colour content (e.g. a red seal ≈ 0.5 %).</summary>
    public double ColourMinFraction { get; init; } = 0.001;

    /// <summary>Orientation results below this confidence are not acted on (correct OSD verdicts on the bench pages: 2.5 and up).</summary>
    public double MinOrientationConfidence { get; init; } = 2.0;

    /// <summary>Orientation results below this confidence are not acted on when the direction of the text lines contradicts them.</summary>
    public double StrongOrientationConfidence { get; init; } = 4.0;

    /// <summary>
    /// A page taken as upright (text lines across, quick test inconclusive) is confirmed by its recognition when the
    /// mean word confidence reaches this; below it the full orientation detector decides and, if it finds the page
    /// turned, the page is read again that way up. Measured (bench: <c>orientation-by-recognition</c>, chi_sim+eng):
    /// upright pages 86–95 (sample-scans, real Chinese pages, degraded QC pages), the same pages upside down 39–68;
    /// with eng only, real receipts and forms 58–96 upright, 20–37 upside down (those low upright pages pay for OSD,
    /// as every page did before).
    /// </summary>
    public double MinUprightRecognitionConfidence { get; init; } = 80;

    /// <summary>Skews measured with a line-profile strength below this are not acted on (no clear text lines).</summary>
    public double MinSkewConfidence { get; init; } = 3.0;
}

/// <summary>A scan profile's quality settings: thresholds and which cleanups run before OCR.</summary>
public sealed record QualityProfile
{
    /// <summary>The default profile for office documents scanned in grey or colour.</summary>
    public static QualityProfile Default { get; } = new();

    /// <summary>Name shown to clerks.</summary>
    public string Name { get; init; } = "default";

    /// <summary>Verdict limits.</summary>
    public QualityThresholds Thresholds { get; init; } = new();

    /// <summary>The profile stores pages black-and-white: colour content (a red seal) is flagged because it would be lost.</summary>
    public bool Lineart { get; init; }

    /// <summary>Straighten skewed pages.</summary>
    public bool Deskew { get; init; } = true;

    /// <summary>
    /// Smaller skews are left alone (the residual skew of a cleaned page is at most this). Skews under 1° are undone by
    /// sub-pixel shears with a cubic filter (residual ≤ 0.05° measured), larger ones by a bilinear rotation.
    /// </summary>
    public double MinDeskewDegrees { get; init; } = 0.3;

    /// <summary>
    /// A page straightened by less than a degree is recognized as scanned (turned upright, not straightened) and its
    /// words carried onto the straightened image (<see cref="ReadingCopy"/>). Tesseract's line finder follows such
    /// small skews: reading the straightened page instead costs it up to a tenth more CPU (bench
    /// <c>ocr-straightened</c>; end to end 0.85–0.88 of the engine-pool limit against 0.90–0.92) and moves Chinese
    /// accuracy both ways by single lines (whitespace-free CER, bench <c>deskew</c>: the 6 Chinese sample documents
    /// 0.0145 → 0.0175, QC pages 0.025 → 0.018; English 0.0080 → 0.0065, real-dev 0.133 → 0.127).
    /// </summary>
    public bool ReadSmallSkewsAsScanned { get; init; } = true;

    /// <summary>Turn sideways and upside-down pages upright.</summary>
    public bool RotateUpright { get; init; } = true;

    /// <summary>
    /// Ask the orientation detector about every page with text, so that upside-down pages are found. When false it is
    /// asked only when the text lines do not clearly run across the page (sideways pages are still found, upside-down
    /// ones are not): Tesseract OSD costs 200–300 ms of CPU on a Chinese page, a quarter of its OCR (bench/README.md).
    /// </summary>
    public bool DetectUpsideDown { get; init; } = true;

    /// <summary>
    /// With <see cref="DetectUpsideDown"/>: a page whose lines run across and which the quick test (ascenders of Latin
    /// text) cannot settle is recognized as it is, and the full detector (Tesseract OSD, 200–300 ms of CPU, a quarter of
    /// a Chinese page's OCR) runs only when that recognition comes out weak. Upright pages then cost nothing more; an
    /// upside-down page is read twice. When false the full detector runs on every such page before recognition.
    /// </summary>
    public bool ConfirmUprightByRecognition { get; init; } = true;

    /// <summary>
    /// Let the OCR engine read only the part of the page that holds marks (with a margin), not the blank margins around
    /// it; the page image itself is not cropped. On by default: the margins cost Tesseract layout analysis and nothing
    /// else (bench/README.md, "End to end"). Faint pages (ink within twice the ink threshold of the paper) are always
    /// read whole, since faint marks may escape the content search.
    /// </summary>
    public bool ReadContentAreaOnly { get; init; } = true;

    /// <summary>
    /// Cut away dark scanner background (lid, bed) around the sheet after straightening. On by default: Tesseract
    /// takes a grey lid band for a picture and drops the text next to it (a 9°-skewed form lost its whole left column
    /// until the lid was cropped). Pages with white margins are never cropped.
    /// </summary>
    public bool CropBorders { get; init; } = true;

    /// <summary>
    /// Sharpen pages measured blurry (sharpness below <see cref="QualityThresholds.MinSharpness"/>) before OCR, by undoing
    /// a Gaussian blur of the measured edge width. On by default: on the blurred sample pages it cut the character error
    /// rate at σ 4 px from 0.22 to 0.06, at σ 5 px from 0.55 to 0.16, and on the blurred sample invoice from 0.73 to 0.17
    /// (bench/deblur.sh), for ≈ 120 ms of CPU per 300-dpi A4 page. Pages not judged blurry are never touched.
    /// </summary>
    public bool RestoreBlur { get; init; } = true;

    /// <summary>Problems that make the settings unusable (empty when they are valid), in the user's language.</summary>
    /// <param name="culture">Language of the messages (default: the current UI culture).</param>
    public IReadOnlyList<string> Validate(CultureInfo? culture = null)
    {
        var problems = new List<string>();
        var t = Thresholds;
        void Require(bool ok, string zh, string en)
        {
            if (!ok)
            {
                problems.Add(UserMessages.Pick(zh, en, culture));
            }
        }

        Require(t.BlankMaxInkCoverage is >= 0 and < 0.05, "空白页墨迹上限应在 0 到 0.05 之间。", "The blank-page ink limit must be between 0 and 0.05.");
        Require(t.FailSharpness <= t.MinSharpness && t.MinSharpness is >= 0 and <= 1, "清晰度阈值应在 0 到 1 之间，且“不合格”不高于“警告”。", "Sharpness limits must lie in 0–1, the fail limit not above the warning limit.");
        Require(t.MaxEdgeSpread <= t.FailEdgeSpread && t.MaxEdgeSpread > 0, "边缘宽度阈值无效：应大于 0，且“不合格”不低于“警告”。", "Edge spread limits are invalid: they must be above 0, the fail limit not below the warning limit.");
        Require(t.FailDpi <= t.MinDpi && t.FailDpi >= 0, "分辨率阈值无效：“不合格”不能高于“警告”。", "Resolution limits are invalid: the fail limit must not be above the warning limit.");
        Require(t.FailTextHeightPixels <= t.MinTextHeightPixels && t.FailTextHeightPixels >= 0, "字高阈值无效：“不合格”不能高于“警告”。", "Text height limits are invalid: the fail limit must not be above the warning limit.");
        Require(t.FailContrast <= t.MinContrast && t.MinContrast is >= 0 and <= 255, "对比度阈值应在 0 到 255 之间，且“不合格”不高于“警告”。", "Contrast limits must lie in 0–255, the fail limit not above the warning limit.");
        Require(t.MinBrightness is >= 0 and <= 255, "亮度阈值应在 0 到 255 之间。", "The brightness limit must lie in 0–255.");
        Require(MinDeskewDegrees is >= 0 and <= 15, "纠斜最小角度应在 0 到 15 度之间。", "The smallest skew to straighten must lie in 0–15 degrees.");
        return problems;
    }
}
