using ImageMagick;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Imaging;
using ScanArchive.Imaging.Raster;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;
using PdfColorSpace = UglyToad.PdfPig.Graphics.Colors.ColorSpace;

namespace ScanArchive.Imaging.Pdf;

/// <summary>
/// Takes the scan out of an image-only PDF page: the largest image on the page, decoded pixel-exact, with the
/// resolution implied by its placement (pixels across / inches covered).
/// </summary>
internal sealed class PdfPageImage
{
    private readonly ImagingLimits _limits;
    private readonly RasterDecoder _raster;

    public PdfPageImage(ImagingLimits limits, RasterDecoder raster)
    {
        _limits = limits;
        _raster = raster;
    }

    /// <summary>The page's image, or null when the page has none.</summary>
    public RasterImage? Read(string path, Page page)
    {
        var image = page.GetImages()
            .OrderByDescending(i => (long)i.WidthInSamples * i.HeightInSamples)
            .ThenByDescending(i => i.BoundingBox.Area)
            .FirstOrDefault();
        if (image is null)
        {
            return null;
        }

        var what = $"page {page.Number} image";

        // The image dictionary declares the size; refuse a bomb before PdfPig inflates anything.
        if (!_limits.AllowsPage(image.WidthInSamples, image.HeightInSamples))
        {
            throw new DocumentReadException(path, DocumentProblem.TooLarge,
                $"{what} is {image.WidthInSamples}x{image.HeightInSamples} pixels; the limit is {_limits.MaxPixelsPerPage} pixels per page.");
        }

        var bounds = image.BoundingBox;
        int? DpiFor(int width, int height) => Resolution.FromPlacement(width, height, bounds.Width, bounds.Height);

        var raster = Decode(path, image, what, DpiFor);
        return PixelRotation.RotateClockwise(raster, page.Rotation.Value);
    }

    private RasterImage Decode(string path, IPdfImage image, string what, Func<int, int, int?> dpiFor)
    {
        var filters = Filters(image);
        var last = filters.Count > 0 ? filters[^1] : null;

        // A DCT image's stream *is* a JPEG file; JPX is JPEG 2000. Decode them as such (only when that is the
        // sole filter: otherwise RawBytes still carries the outer encoding).
        if (filters.Count == 1 && last is "DCTDecode" or "DCT")
        {
            return _raster.DecodeEmbedded(path, image.RawMemory.ToArray(), MagickFormat.Jpeg, what, dpiFor);
        }

        if (filters.Count == 1 && last is "JPXDecode")
        {
            return _raster.DecodeEmbedded(path, image.RawMemory.ToArray(), MagickFormat.Jp2, what, dpiFor);
        }

        // Neither PdfPig nor Magick.NET decodes JBIG2 (common in scanner PDFs for black-and-white pages).
        if (filters.Any(f => f is "JBIG2Decode"))
        {
            throw new DocumentReadException(path, DocumentProblem.UnsupportedFormat, $"{what} is JBIG2-compressed, which cannot be decoded.");
        }

        if (TryDecodeSamples(image, dpiFor) is { } direct)
        {
            return direct;
        }

        // Everything else (1-bit and CCITT scans, indexed colour, decode arrays, masks) through PdfPig's PNG
        // conversion, which applies the PDF colour rules exactly; slower, but pixel-exact.
        if (!image.TryGetPng(out var png))
        {
            throw new DocumentReadException(path, DocumentProblem.UnsupportedFormat,
                $"{what}: cannot decode an image with filters [{string.Join(' ', filters)}] and colour space {image.ColorSpaceDetails?.Type}.");
        }

        var raster = _raster.DecodeEmbedded(path, png, MagickFormat.Png, what, dpiFor);
        if (raster.Width != image.WidthInSamples || raster.Height != image.HeightInSamples)
        {
            throw new DocumentReadException(path, DocumentProblem.Corrupt,
                $"{what} decoded as {raster.Width}x{raster.Height}, the PDF says {image.WidthInSamples}x{image.HeightInSamples}.");
        }

        // PdfPig writes RGB PNGs; a grey or black-and-white scan is stored as grey.
        return raster.Format == PixelFormat.Rgb24 && MagickPixels.IsNeutral(raster.Pixels)
            ? new RasterImage(raster.Width, raster.Height, PixelFormat.Gray8, MagickPixels.TakeRed(raster.Pixels), raster.Dpi)
            : raster;
    }

    /// <summary>
    /// Fast path for the common plain case, 8-bit DeviceGray or DeviceRGB without decode array or mask: the
    /// decoded stream already is the pixel buffer. Null when the image is not that simple.
    /// </summary>
    private static RasterImage? TryDecodeSamples(IPdfImage image, Func<int, int, int?> dpiFor)
    {
        var colorSpace = image.ColorSpaceDetails;
        if (image.IsImageMask || image.MaskImage is not null || image.BitsPerComponent != 8 || !HasDefaultDecode(image)
            || colorSpace is null || colorSpace.Type is not (PdfColorSpace.DeviceGray or PdfColorSpace.DeviceRGB))
        {
            return null;
        }

        var components = colorSpace.Type == PdfColorSpace.DeviceGray ? 1 : 3;
        var (width, height) = (image.WidthInSamples, image.HeightInSamples);

        // PdfPig hands back the undecoded stream when a filter fails; only an exact length proves the decode.
        if (!image.TryGetBytesAsMemory(out var samples) || samples.Length != (long)width * height * components)
        {
            return null;
        }

        var format = components == 1 ? PixelFormat.Gray8 : PixelFormat.Rgb24;
        return new RasterImage(width, height, format, samples.ToArray(), dpiFor(width, height));
    }

    private static bool HasDefaultDecode(IPdfImage image)
    {
        var decode = image.Decode;
        for (var i = 0; i + 1 < (decode?.Count ?? 0); i += 2)
        {
            if (decode![i] != 0 || decode[i + 1] != 1)
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> Filters(IPdfImage image)
    {
        if (!image.ImageDictionary.TryGet(NameToken.Filter, out var token) && !image.ImageDictionary.TryGet(NameToken.F, out token))
        {
            return [];
        }

        return token switch
        {
            NameToken name => [name.Data],
            ArrayToken array => array.Data.OfType<NameToken>().Select(n => n.Data).ToList(),
            _ => [],
        };
    }
}
