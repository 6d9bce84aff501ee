using ImageMagick;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Imaging.Raster;

/// <summary>
/// Decodes PNG, JPEG, TIFF, BMP and PNM files with Magick.NET, one page (frame) at a time. Every page's size is
/// read from the headers (a "ping") before any pixel is decoded, so a decompression bomb is refused cheaply.
/// </summary>
internal sealed class RasterDecoder
{
    private readonly ImagingLimits _limits;

    public RasterDecoder(ImagingLimits limits)
    {
        _limits = limits;
        MagickResourceGuard.EnsureApplied();
    }

    /// <summary>Reads the pages of a raster file lazily; errors surface as <see cref="DocumentReadException"/>.</summary>
    public IEnumerable<DocumentPage> ReadPages(string path, DocumentFormat format)
    {
        var frames = PingFrames(path, format);
        for (var index = 0; index < frames.Count; index++)
        {
            // Decoded here, handed over, and forgotten: a 300-page TIFF never sits in memory whole.
            yield return DocumentPage.FromImage(index + 1, DecodeFrame(path, format, index, frames[index]));
        }
    }

    /// <summary>
    /// Decodes an image held in memory (a JPEG or PNG taken out of a PDF). <paramref name="what"/> names it in
    /// error details, e.g. "page 3 image".
    /// </summary>
    public RasterImage DecodeEmbedded(string path, byte[] content, MagickFormat contentFormat, string what, Func<int, int, int?> dpiFor)
    {
        var settings = new MagickReadSettings { Format = contentFormat };
        try
        {
            using (var ping = new MagickImage())
            {
                ping.Ping(content, settings);
                EnsureAllowed(path, ping.Width, ping.Height, what);
            }

            using var image = new MagickImage();
            var warnings = new List<MagickWarningException>();
            image.Warning += (_, e) => warnings.Add(e.Exception);
            image.Read(content, settings);
            DecodeFailure.ThrowIfDamaged(warnings, w => DecodeFailure.FromEmbedded(path, content, ToDocumentFormat(contentFormat), what, w));
            return MagickPixels.ToRaster(image, dpiFor(checked((int)image.Width), checked((int)image.Height)));
        }
        catch (Exception e) when (e is not DocumentReadException)
        {
            throw DecodeFailure.FromEmbedded(path, content, ToDocumentFormat(contentFormat), what, e);
        }
    }

    private List<(uint Width, uint Height)> PingFrames(string path, DocumentFormat format)
    {
        List<(uint Width, uint Height)> frames;
        try
        {
            using var stream = OpenRead(path);
            using var collection = new MagickImageCollection();
            collection.Ping(stream, new MagickReadSettings { Format = ToMagickFormat(format) });
            frames = collection.Select(f => (f.Width, f.Height)).ToList();
        }
        catch (Exception e)
        {
            throw DecodeFailure.From(path, format, e);
        }

        if (frames.Count == 0)
        {
            throw new DocumentReadException(path, DocumentProblem.NoPages);
        }

        if (frames.Count > _limits.MaxPages)
        {
            throw new DocumentReadException(path, DocumentProblem.TooLarge, $"{frames.Count} pages; the limit is {_limits.MaxPages}.");
        }

        // Check every page before decoding the first, so a bomb on page 40 does not waste 39 pages of work.
        for (var i = 0; i < frames.Count; i++)
        {
            EnsureAllowed(path, frames[i].Width, frames[i].Height, $"page {i + 1}");
        }

        return frames;
    }

    private static RasterImage DecodeFrame(string path, DocumentFormat format, int index, (uint Width, uint Height) pinged)
    {
        var settings = new MagickReadSettings
        {
            Format = ToMagickFormat(format),
            FrameIndex = (uint)index,
            FrameCount = 1,
        };
        try
        {
            // A stream, not the path: ImageMagick would otherwise interpret names like "x.png[2]" or "msl:x".
            using var stream = OpenRead(path);
            using var image = new MagickImage();
            var warnings = new List<MagickWarningException>();
            image.Warning += (_, e) => warnings.Add(e.Exception);
            image.Read(stream, settings);
            DecodeFailure.ThrowIfDamaged(warnings, w => DecodeFailure.From(path, format, w));
            if (image.Width != pinged.Width || image.Height != pinged.Height)
            {
                throw new DocumentReadException(path, DocumentProblem.Corrupt,
                    $"page {index + 1} decoded as {image.Width}x{image.Height}, header says {pinged.Width}x{pinged.Height}");
            }

            var dpi = DpiOf(image.Density);

            // Phone photos of receipts are stored sideways with an EXIF orientation; OCR needs them upright.
            image.AutoOrient();
            return MagickPixels.ToRaster(image, dpi);
        }
        catch (Exception e)
        {
            throw DecodeFailure.From(path, format, e);
        }
    }

    private void EnsureAllowed(string path, uint width, uint height, string what)
    {
        if (!_limits.AllowsPage(width, height))
        {
            throw new DocumentReadException(path, DocumentProblem.TooLarge,
                $"{what} is {width}x{height} pixels; the limit is {_limits.MaxPixelsPerPage} pixels per page.");
        }
    }

    /// <summary>DPI from the header: null when absent, unit-less (JFIF aspect ratio) or implausible.</summary>
    internal static int? DpiOf(Density? density) => density?.Units switch
    {
        DensityUnit.PixelsPerInch => Resolution.FromDensity(density.X, perCentimetre: false),
        DensityUnit.PixelsPerCentimeter => Resolution.FromDensity(density.X, perCentimetre: true),
        _ => null,
    };

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 64 * 1024);

    private static MagickFormat ToMagickFormat(DocumentFormat format) => format switch
    {
        DocumentFormat.Png => MagickFormat.Png,
        DocumentFormat.Jpeg => MagickFormat.Jpeg,
        DocumentFormat.Tiff => MagickFormat.Tiff,
        DocumentFormat.Bmp => MagickFormat.Bmp,
        DocumentFormat.Pnm => MagickFormat.Pnm,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a raster format."),
    };

    private static DocumentFormat ToDocumentFormat(MagickFormat format) => format switch
    {
        MagickFormat.Png => DocumentFormat.Png,
        MagickFormat.Jpeg => DocumentFormat.Jpeg,
        _ => DocumentFormat.NotADocument,
    };
}
