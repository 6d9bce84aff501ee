using ScanArchive.Core.Documents;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Core.Pdf;

/// <summary>How a page image is compressed inside a PDF.</summary>
public enum PageImageEncoding
{
    /// <summary>A baseline JPEG file (grey or colour), embedded as is (PDF DCTDecode).</summary>
    Jpeg,

    /// <summary>Raw CCITT Group 4 (T.6) data of a bilevel image, 1 bits black (PDF CCITTFaxDecode, K = -1).</summary>
    CcittG4,
}

/// <summary>A page image compressed for a PDF, with the geometry the PDF page is built from.</summary>
public sealed record EncodedPageImage
{
    /// <summary>Creates the image description.</summary>
    /// <param name="data">The compressed bytes (a JPEG file, or raw G4 data without a TIFF wrapper).</param>
    /// <param name="encoding">The compression.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="dpi">Resolution; the page measures <c>width × 72 / dpi</c> by <c>height × 72 / dpi</c> points.</param>
    /// <exception cref="ArgumentException">Empty data or a non-positive dimension.</exception>
    public EncodedPageImage(byte[] data, PageImageEncoding encoding, int width, int height, int dpi)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0)
        {
            throw new ArgumentException("Image data is empty.", nameof(data));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dpi);
        Data = data;
        Encoding = encoding;
        Width = width;
        Height = height;
        Dpi = dpi;
    }

    /// <summary>The compressed bytes.</summary>
    public byte[] Data { get; }

    /// <summary>The compression.</summary>
    public PageImageEncoding Encoding { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Resolution in dots per inch.</summary>
    public int Dpi { get; }

    /// <summary>Page width in PDF points (1/72 inch).</summary>
    public double WidthPoints => Width * 72.0 / Dpi;

    /// <summary>Page height in PDF points.</summary>
    public double HeightPoints => Height * 72.0 / Dpi;
}

/// <summary>The bytes of the file a page image was decoded from, so that an unchanged JPEG can go into the PDF without re-encoding.</summary>
/// <param name="Content">The whole file.</param>
/// <param name="Format">Its format, as <see cref="IDocumentReader.Identify"/> reported it.</param>
public sealed record OriginalImageFile(byte[] Content, DocumentFormat Format);

/// <summary>Compresses page images for searchable PDFs.</summary>
public interface IPageImageEncoder
{
    /// <summary>
    /// Compresses one page: bilevel pages (only black and white pixels) as CCITT G4, others as JPEG (grey when the
    /// page has no colour). When <paramref name="original"/> is a JPEG of the same size as <paramref name="page"/>
    /// and re-encoding would not make it clearly smaller, the original bytes are used unchanged.
    /// </summary>
    /// <param name="page">The page exactly as it should appear (after any cleanup).</param>
    /// <param name="dpi">
    /// The page's resolution as the OCR engine judged it (<see cref="OcrPage.Dpi"/>: the declared one, or an estimate
    /// when the file declared none or an impossible one such as 72 dpi on an A4 scan), so that pages with and without
    /// a text layer get the same size; default: the page's own, else 300.
    /// </param>
    /// <param name="original">The file the page came from, when the page is that file's pixels unchanged.</param>
    EncodedPageImage Encode(RasterImage page, int? dpi = null, OriginalImageFile? original = null);
}
