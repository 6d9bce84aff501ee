using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Core.Pdf;

/// <summary>One page of a searchable PDF to be written.</summary>
public abstract record SearchablePdfPage;

/// <summary>
/// A scanned page: the image, with an invisible text layer over it when there is one. A page without text (a
/// blank page, or one not recognized) still shows its image.
/// </summary>
/// <param name="Image">The page image, compressed (JPEG, CCITT G4 or PNG); its pixels and DPI give the page size when there is no text layer.</param>
/// <param name="TextLayerPdf">
/// A one-page PDF holding only invisible text, as <see cref="OcrPage.TextLayerPdf"/> provides it; null for none.
/// Its page box is stretched onto the image, so it must have the image's proportions (within 1%).
/// </param>
/// <param name="TextLayerSkewDegrees">
/// <see cref="OcrPage.TextLayerSkewDegrees"/> of the recognition that produced the text layer: the text layer lies on
/// the page as the engine read it, and is turned back by this angle about the centre of its area to lie on
/// <paramref name="Image"/>. Pass 0 when the image is the one the engine read.
/// </param>
/// <param name="TextLayerArea">
/// <see cref="OcrPage.RecognizedArea"/>: the part of <paramref name="Image"/>, in its pixels, that the text layer's
/// page covers (the engine read only the content area); null when it covers the whole image.
/// </param>
public sealed record ScannedPdfPage(EncodedPageImage Image, byte[]? TextLayerPdf = null, double TextLayerSkewDegrees = 0, PixelBox? TextLayerArea = null) : SearchablePdfPage
{
    /// <summary>
    /// The page for an image that was passed to the OCR engine as is (the usual case): takes the text layer and the
    /// skew from the recognition result.
    /// </summary>
    public static ScannedPdfPage FromRecognition(EncodedPageImage image, OcrPage? recognition) =>
        new(image, recognition?.TextLayerPdf, recognition?.TextLayerPdf is null ? 0 : recognition.TextLayerSkewDegrees, recognition?.TextLayerPdf is null ? null : recognition.RecognizedArea);
}

/// <summary>A page copied unchanged from an existing PDF (an imported PDF that already carried its own text).</summary>
/// <param name="SourcePdf">The whole source PDF. Pass the same array for several pages of one file: it is parsed once.</param>
/// <param name="PageNumber">1-based page number in the source.</param>
public sealed record CopiedPdfPage(byte[] SourcePdf, int PageNumber) : SearchablePdfPage;

/// <summary>What the PDF says about itself: written to the document information dictionary and to the XMP metadata.</summary>
/// <param name="Title">Document title, e.g. "KH-2026-000001 开户申请书".</param>
public sealed record PdfDocumentInfo(string Title)
{
    /// <summary>The archive number, e.g. <c>KH-2026-000001</c>.</summary>
    public string? ArchiveNumber { get; init; }

    /// <summary>The document type, e.g. <c>account_application</c>.</summary>
    public string? DocumentType { get; init; }

    /// <summary>The customer's name.</summary>
    public string? CustomerName { get; init; }

    /// <summary>The customer's number.</summary>
    public string? CustomerNumber { get; init; }

    /// <summary>Who or what produced the document (the PDF Author), e.g. the clerk who committed it.</summary>
    public string? Author { get; init; }

    /// <summary>When the document was created; written to the PDF to the second.</summary>
    public DateTimeOffset? Created { get; init; }
}

/// <summary>Writes searchable PDFs.</summary>
public interface ISearchablePdfWriter
{
    /// <summary>Writes one PDF holding <paramref name="pages"/> in order.</summary>
    /// <param name="pages">The pages, enumerated once (they may be produced lazily to keep memory flat).</param>
    /// <param name="info">Title and archive metadata.</param>
    /// <param name="output">
    /// Where the PDF goes; left open. Must be readable and seekable as well as writable (the file ID is computed
    /// over what was written). Write to a temporary file, flush, then rename: a failure leaves a partial file.
    /// </param>
    /// <exception cref="ArgumentException">
    /// No pages, a text layer that does not fit its image, a copied page that does not exist, or an output stream
    /// that cannot be read back.
    /// </exception>
    void Write(IEnumerable<SearchablePdfPage> pages, PdfDocumentInfo info, Stream output);
}
