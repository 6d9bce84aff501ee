using ImageMagick;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Pdf;
using ScanArchive.Imaging.Raster;

namespace ScanArchive.Imaging.Encoders;

/// <summary>
/// Compresses page images for searchable PDFs: bilevel pages as CCITT G4 (<see cref="CcittG4Encoder"/>; a 300-dpi
/// A4 text page is 15–40 KB), grey pages as grey JPEG, colour pages (stamps, signatures in ink) as colour JPEG with
/// 4:2:0 chroma (<see cref="TurboJpegEncoder"/>).
/// Thread-safe.
/// </summary>
public sealed class PageImageEncoder : IPageImageEncoder
{
    /// <summary>Resolution assumed for a page that carries none and for which the caller knows none.</summary>
    public const int FallbackDpi = 300;

    /// <summary>Below this resolution <see cref="PageImageEncoderOptions.LowResolutionJpegQuality"/> applies.</summary>
    public const int LowResolutionDpi = 200;

    /// <summary>Grey values strictly between these count as anti-aliasing or scan noise, i.e. not bilevel.</summary>
    private const byte BlackLimit = 15;

    private const byte WhiteLimit = 240;

    /// <summary>A page with more intermediate grey pixels than this fraction is not bilevel (a grey scan of text has ~5%).</summary>
    private const double MaxIntermediateFraction = 0.0001;

    /// <summary>A pixel whose channels differ by more than this is coloured (JPEG chroma noise on grey stays below ~15).</summary>
    private const int ColourSpread = 32;

    /// <summary>
    /// A page with more coloured pixels than this fraction is kept in colour: 0.02% of an A4 page at 300 dpi is
    /// ~1,700 pixels, a few centimetres of ballpoint signature; a red seal is far more.
    /// </summary>
    private const double MinColourFraction = 0.0002;

    private readonly PageImageEncoderOptions _options;

    /// <summary>Creates an encoder.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public PageImageEncoder(PageImageEncoderOptions? options = null)
    {
        _options = options ?? new PageImageEncoderOptions();
        _options.Validate();
        MagickResourceGuard.EnsureApplied();
    }

    /// <summary>Compresses one page at its own resolution (300 dpi when it has none).</summary>
    public EncodedPageImage Encode(RasterImage image) => Encode(image, null, null);

    /// <summary>
    /// Compresses one page: bilevel pages (only black and white pixels) as CCITT G4, others as JPEG (grey when the
    /// page has no colour). When <paramref name="original"/> is a JPEG of the same size as <paramref name="page"/>
    /// and re-encoding would not make it clearly smaller, the original bytes are used unchanged.
    /// </summary>
    /// <param name="page">The page exactly as it should appear (after any cleanup).</param>
    /// <param name="dpi">
    /// The page's resolution as the OCR engine judged it (<see cref="Core.Ocr.OcrPage.Dpi"/>: the declared one, or an
    /// estimate when the file declared none or an impossible one such as 72 dpi on an A4 scan), so that pages with
    /// and without a text layer get the same size; default: the page's own, else 300.
    /// </param>
    /// <param name="original">The file the page came from, when the page is that file's pixels unchanged.</param>
    public EncodedPageImage Encode(RasterImage page, int? dpi, OriginalImageFile? original)
    {
        ArgumentNullException.ThrowIfNull(page);
        var resolution = dpi ?? page.Dpi ?? FallbackDpi;
        if (IsBilevel(page))
        {
            return new EncodedPageImage(CcittG4Encoder.Encode(page), PageImageKind.CcittG4, page.Width, page.Height, resolution);
        }

        var quality = resolution < LowResolutionDpi ? _options.LowResolutionJpegQuality : _options.JpegQuality;
        if (original is { Format: DocumentFormat.Jpeg } && CanKeep(original.Content, page, quality))
        {
            return new EncodedPageImage(original.Content, PageImageKind.Jpeg, page.Width, page.Height, resolution);
        }

        return new EncodedPageImage(TurboJpegEncoder.Encode(page, resolution, quality, HasColour(page)), PageImageKind.Jpeg, page.Width, page.Height, resolution);
    }

    /// <summary>True when every pixel (but a few specks) is near black or near white: such a page loses nothing as 1 bit.</summary>
    internal static bool IsBilevel(RasterImage page)
    {
        if (page.Format != PixelFormat.Gray8)
        {
            return false;
        }

        var allowed = (long)(MaxIntermediateFraction * page.Width * page.Height);
        long intermediate = 0;
        for (var y = 0; y < page.Height; y++)
        {
            foreach (var v in page.Row(y))
            {
                if (v > BlackLimit && v < WhiteLimit && ++intermediate > allowed)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>True when enough pixels are clearly coloured; a grey scan stored as RGB is encoded as grey.</summary>
    internal static bool HasColour(RasterImage page)
    {
        if (page.Format != PixelFormat.Rgb24)
        {
            return false;
        }

        var needed = Math.Max(1, (long)(MinColourFraction * page.Width * page.Height));
        long coloured = 0;
        for (var y = 0; y < page.Height; y++)
        {
            var row = page.Row(y);
            for (var i = 0; i + 2 < row.Length; i += 3)
            {
                int r = row[i], g = row[i + 1], b = row[i + 2];
                if (Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) > ColourSpread && ++coloured >= needed)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// An unchanged source JPEG goes in as is when it shows the same pixels the page has (same size, no EXIF
    /// rotation the decoder applied), is one PDF viewers all read (8-bit baseline, grey or RGB, no Adobe CMYK),
    /// and is not much better quality than we would encode at (else re-encoding saves real space).
    /// </summary>
    private bool CanKeep(byte[] jpeg, RasterImage page, int quality)
    {
        if (!JpegHeader.TryRead(jpeg, out var header) ||
            !header.IsBaseline || header.BitsPerSample != 8 || header.Components is not (1 or 3) ||
            header.Width != page.Width || header.Height != page.Height)
        {
            return false;
        }

        try
        {
            using var ping = new MagickImage();
            ping.Ping(jpeg, new MagickReadSettings { Format = MagickFormat.Jpeg });
            var orientationChanged = ping.Orientation is not (Orientation.Undefined or Orientation.TopLeft);
            return !orientationChanged && ping.Quality > 0 && ping.Quality <= quality + _options.KeepOriginalQualityMargin;
        }
        catch (MagickException)
        {
            return false;
        }
    }
}
