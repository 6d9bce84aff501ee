namespace ScanArchive.Imaging.Encoders;

/// <summary>How page images are compressed for searchable PDFs.</summary>
public sealed record PageImageEncoderOptions
{
    /// <summary>
    /// JPEG quality for pages of 200 dpi and more. Measured on sample-scans and real-dev pages (see bench/README.md):
    /// quality 50 makes a 300-dpi grey A4 page 175–240 KB (against 520–660 KB at 75) with no loss in OCR accuracy
    /// on the re-encoded image and no visible artefacts at 100% zoom; at 30, blocks show in flat areas.
    /// </summary>
    public int JpegQuality { get; init; } = 50;

    /// <summary>JPEG quality below 200 dpi, where each artefact covers more of a character.</summary>
    public int LowResolutionJpegQuality { get; init; } = 75;

    /// <summary>
    /// Use an unchanged source JPEG as is when its own quality (estimated from its quantization tables) is no higher
    /// than the quality we would encode at plus this margin: re-encoding it would add loss for little saving.
    /// </summary>
    public int KeepOriginalQualityMargin { get; init; } = 10;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A quality outside 1–100 or a negative margin.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(JpegQuality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(JpegQuality, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(LowResolutionJpegQuality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LowResolutionJpegQuality, 100);
        ArgumentOutOfRangeException.ThrowIfNegative(KeepOriginalQualityMargin);
    }
}
