using ScanArchive.Core.Imaging;

namespace ScanArchive.Core.Quality;

/// <summary>What was measured on a page image, before any verdict. Measured on the image as scanned (before cleanup).</summary>
public sealed record PageQualityMetrics
{
    /// <summary>Width of the scanned image in pixels.</summary>
    public int Width { get; init; }

    /// <summary>Height of the scanned image in pixels.</summary>
    public int Height { get; init; }

    /// <summary>
    /// Effective resolution in dots per inch: as the file declared it, or estimated from the text size (see
    /// <see cref="DpiSource"/>); null when the file declared none and the page has too little text to estimate it.
    /// </summary>
    public int? Dpi { get; init; }

    /// <summary>Whether <see cref="Dpi"/> came from the file or was estimated (no or an impossible declared resolution).</summary>
    public DpiSource DpiSource { get; init; }

    /// <summary>Median height of the characters across the lines, in pixels of the scanned image; null when the page has too little text.</summary>
    public double? TextHeightPixels { get; init; }

    /// <summary>
    /// Sharpness from 0 to 1: how steep the ink edges are compared with an ideal edge at about 150 dpi (1 = as sharp as
    /// that resolution shows; 0.5 = edges twice as wide; a badly focused scan is near 0.3). Independent of the amount of
    /// text and of its contrast. Null when the page has too few edges (blank).
    /// </summary>
    public double? Sharpness { get; init; }

    /// <summary>
    /// Width of the ink edges: the median spread (standard deviation) of the brightness gradient across edges that reach
    /// the page's full ink contrast, in pixels at 150 dpi (≈ 0.17 mm each). A careful scan measures about 0.5; focus blur
    /// adds its own spread whatever its shape (a Gaussian of σ adds σ, a lens's out-of-focus disk of radius r adds r/2),
    /// where <see cref="Sharpness"/>, read from the steepest slope, misses a disk's defocus on thin strokes.
    /// Null when the page has too few full-contrast edges (blank, or so blurred that no stroke keeps its darkness).
    /// </summary>
    public double? EdgeSpread { get; init; }

    /// <summary>Fraction (0–1) of the page interior covered by content marks; edges, punch holes, dust and shadows left out.</summary>
    public double InkCoverage { get; init; }

    /// <summary>Content marks at least 1 mm across (characters, rules, pictures).</summary>
    public int ContentMarks { get; init; }

    /// <summary>Punch-hole-like blobs near the edges that were ignored.</summary>
    public int PunchHoles { get; init; }

    /// <summary>Skew of the text lines in degrees, positive = counter-clockwise (the right end of a line is higher); 0 when unknown.</summary>
    public double SkewDegrees { get; init; }

    /// <summary>How clearly the text lines stood out at that angle (1 = no line structure; above 3 the angle is trusted).</summary>
    public double SkewConfidence { get; init; }

    /// <summary>The quarter turn the page shows, clockwise (0, 90, 180, 270): how far it must be turned back to be upright.</summary>
    public int Rotation { get; init; }

    /// <summary>
    /// Confidence of <see cref="Rotation"/> as the orientation detector reported it (OSD: margin over the runner-up;
    /// ascenders: Leptonica's count; recognition: the page's mean word confidence, 0–100).
    /// </summary>
    public double OrientationConfidence { get; init; }

    /// <summary>
    /// How the orientation was found: <c>osd</c> (Tesseract orientation detection), <c>ascenders</c> (Latin text whose
    /// ascenders show which way is up, without OSD), <c>none</c> (no detector, or no text to
    /// judge by: taken as upright), <c>recognition</c> (confirmed upright by reading it with high confidence),
    /// <c>assumed</c> (cleaned, recognition still to confirm) or <c>uncertain</c> (the page looks turned but which way could not
    /// be told reliably; it was not turned). See <see cref="OrientationMethods"/>.
    /// </summary>
    public string OrientationMethod { get; init; } = OrientationMethods.None;

    /// <summary>Paper brightness, 0 (black) to 255 (white).</summary>
    public double Brightness { get; init; }

    /// <summary>Typical darkest level of a character, 0–255 (equal to <see cref="Brightness"/> on a blank page).</summary>
    public double InkLevel { get; init; }

    /// <summary>Paper minus ink level, 0–255.</summary>
    public double Contrast => Brightness - InkLevel;

    /// <summary>Sides where characters touch the image edge.</summary>
    public PageSides CutOffSides { get; init; }

    /// <summary>Fraction (0–1) of the page with a clear colour (a red seal, a blue pen); null for grey or black-and-white images.</summary>
    public double? ColourFraction { get; init; }
}
