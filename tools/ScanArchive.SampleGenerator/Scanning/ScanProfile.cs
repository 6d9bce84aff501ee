using ScanArchive.SampleGenerator.Data;
using SkiaSharp;

namespace ScanArchive.SampleGenerator.Scanning;

/// <summary>Everything that distinguishes one scan of a page from another.</summary>
internal sealed record ScanProfile
{
    /// <summary>Applied skew, positive = counter-clockwise on screen.</summary>
    public double SkewDegrees { get; init; }

    /// <summary>Clockwise quarter turn applied to the page (what a reader must undo).</summary>
    public int RotationClockwise { get; init; }

    /// <summary>Keeps a strongly skewed sheet entirely in view, surrounded by the darker scanner lid.</summary>
    public bool ExpandCanvasForSkew { get; init; }

    public double BlurSigma { get; init; }

    public double NoiseSigma { get; init; }

    public SKColor PaperColor { get; init; } = new(246, 244, 238);

    /// <summary>Darkest level the scanner records for solid ink (never 0 on real scans).</summary>
    public float InkLevel { get; init; } = 24f;

    /// <summary>Fraction by which the illumination falls off across the sheet.</summary>
    public double IlluminationFalloff { get; init; }

    /// <summary>0..1 darkening of the shadow along one edge of the sheet (lid or book-fold shadow).</summary>
    public double EdgeShadow { get; init; }

    public int SpeckCount { get; init; }

    /// <summary>The "remove background" scanner setting: near-white paper is pushed to pure white.</summary>
    public bool RemoveBackground { get; init; }

    public int OutputDpi { get; init; } = 300;

    public bool Colour { get; init; }

    public bool IsBlurry { get; init; }

    public bool IsLowContrast { get; init; }

    /// <summary>A careful office scan: slight skew, slight blur, mild noise and shading.</summary>
    public static ScanProfile Office(Random random) => new()
    {
        SkewDegrees = Math.Round(random.SignedBetween(0.3, 1.5), 2),
        BlurSigma = random.Between(0.5, 0.8),
        NoiseSigma = random.Between(2.0, 3.0),
        PaperColor = new SKColor((byte)random.Next(240, 250), (byte)random.Next(238, 247), (byte)random.Next(228, 240)),
        InkLevel = (float)random.Between(16, 34),
        IlluminationFalloff = random.Between(0.03, 0.07),
        EdgeShadow = random.Between(0.0, 0.1),
        SpeckCount = random.Next(4, 20),
    };

    /// <summary>Skew is meaningless without content, so none is applied or reported.</summary>
    public static ScanProfile BlankWithNoise(Random random) => Office(random) with
    {
        SkewDegrees = 0,
        EdgeShadow = random.Between(0.15, 0.25),
        SpeckCount = random.Next(40, 80),
    };

    public static ScanProfile Blurry(Random random) => Office(random) with
    {
        BlurSigma = random.Between(5.5, 6.5),
        IsBlurry = true,
    };

    public static ScanProfile LowResolution(Random random) => Office(random) with { OutputDpi = 100 };

    public static ScanProfile UpsideDown(Random random) => Office(random) with { RotationClockwise = 180 };

    public static ScanProfile Sideways(Random random) => Office(random) with { RotationClockwise = random.Next(2) == 0 ? 90 : 270 };

    public static ScanProfile LowContrast(Random random) => Office(random) with
    {
        PaperColor = new SKColor(196, 196, 194),
        InkLevel = (float)random.Between(140, 150),
        IsLowContrast = true,
    };

    public static ScanProfile StronglySkewed(Random random) => Office(random) with
    {
        SkewDegrees = Math.Round(random.SignedBetween(7.0, 10.0), 2),
        ExpandCanvasForSkew = true,
    };
}
