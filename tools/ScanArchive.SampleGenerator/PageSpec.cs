using ScanArchive.SampleGenerator.Pages;
using ScanArchive.SampleGenerator.Scanning;

namespace ScanArchive.SampleGenerator;

internal enum OutputFormat
{
    /// <summary>Greyscale or colour JPEG, as most archive scanners deliver.</summary>
    Jpeg,

    /// <summary>Lossless greyscale PNG.</summary>
    Png,

    /// <summary>1-bit TIFF, CCITT Group 4, as produced by fax-style black-and-white scan modes.</summary>
    TiffG4,

    /// <summary>A one-page PDF wrapping the page JPEG, as scan-to-PDF produces.</summary>
    PdfJpeg,
}

/// <param name="Name">File name without extension; also seeds the page's random streams.</param>
/// <param name="Purpose">What the page tests (for the listing and the README).</param>
internal sealed record PageSpec(
    string Name,
    IDocumentTemplate Template,
    Func<Random, ScanProfile> Profile,
    OutputFormat Format,
    string Purpose,
    int JpegQuality = 80)
{
    public string Extension => Format switch
    {
        OutputFormat.Jpeg => ".jpg",
        OutputFormat.Png => ".png",
        OutputFormat.TiffG4 => ".tif",
        _ => ".pdf",
    };

    public string ImageFileName => Name + Extension;

    public string GroundTruthFileName => Name + ".json";
}
