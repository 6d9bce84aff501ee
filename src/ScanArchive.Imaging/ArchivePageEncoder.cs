using ImageMagick;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Imaging;

/// <summary>Interim page encoder for archive PDFs: JPEG for every page (bilevel G4 comes with the PDF work).</summary>
public sealed class ArchivePageEncoder : IPageImageEncoder
{
    /// <summary>JPEG quality.</summary>
    public int Quality { get; init; } = 75;

    /// <inheritdoc />
    public EncodedPageImage Encode(RasterImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var settings = new MagickReadSettings
        {
            Width = (uint)image.Width,
            Height = (uint)image.Height,
            Format = image.Format == PixelFormat.Gray8 ? MagickFormat.Gray : MagickFormat.Rgb,
            Depth = 8,
        };
        using var magick = new MagickImage(image.Pixels, settings);
        magick.Quality = (uint)Quality;
        var dpi = image.Dpi ?? 300;
        magick.Density = new Density(dpi, dpi, DensityUnit.PixelsPerInch);
        return new EncodedPageImage(magick.ToByteArray(MagickFormat.Jpeg), PageImageKind.Jpeg, image.Width, image.Height, dpi);
    }
}
