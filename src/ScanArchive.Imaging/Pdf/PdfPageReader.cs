using ScanArchive.Core.Documents;
using ScanArchive.Imaging.Raster;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace ScanArchive.Imaging.Pdf;

/// <summary>
/// Reads PDF pages with PdfPig, one at a time: a page with text (visible, or an invisible OCR layer) yields that
/// text; an image-only page yields its scan.
/// </summary>
internal sealed class PdfPageReader
{
    private readonly ImagingLimits _limits;
    private readonly PdfPageImage _images;

    public PdfPageReader(ImagingLimits limits, RasterDecoder raster)
    {
        _limits = limits;
        _images = new PdfPageImage(limits, raster);
    }

    /// <summary>Reads the pages lazily; errors surface as <see cref="DocumentReadException"/>.</summary>
    public IEnumerable<DocumentPage> ReadPages(string path)
    {
        // The stream stays open while pages are read; PdfPig parses objects on demand from it.
        using var stream = Guard(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 64 * 1024));
        using var document = Open(path, stream);
        var pageCount = Guard(path, () => document.NumberOfPages);
        if (pageCount == 0)
        {
            throw new DocumentReadException(path, DocumentProblem.NoPages);
        }

        if (pageCount > _limits.MaxPages)
        {
            throw new DocumentReadException(path, DocumentProblem.TooLarge, $"{pageCount} pages; the limit is {_limits.MaxPages}.");
        }

        for (var number = 1; number <= pageCount; number++)
        {
            var pageNumber = number;
            yield return Guard(path, () => ReadPage(path, document, pageNumber));
        }
    }

    private DocumentPage ReadPage(string path, PdfDocument document, int number)
    {
        var page = document.GetPage(number);
        if (PdfTextLayer.HasText(page))
        {
            return DocumentPage.FromText(number, PdfTextLayer.Read(page));
        }

        var image = _images.Read(path, page);
        return image is null
            ? DocumentPage.FromText(number, PdfTextLayer.Empty(page))
            : DocumentPage.FromImage(number, image);
    }

    private static PdfDocument Open(string path, Stream stream) => Guard(path, () => PdfDocument.Open(stream, new ParsingOptions
    {
        UseLenientParsing = true,

        // A page whose font program is damaged still has its images and other text.
        SkipMissingFonts = true,
    }));

    /// <summary>Runs a PdfPig call and translates whatever it throws.</summary>
    private static T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (PdfDocumentEncryptedException e)
        {
            // Owner-password-only PDFs (printing/copying restrictions) open without a password and never get
            // here; only a required user password does.
            throw new DocumentReadException(path, DocumentProblem.PasswordProtected, e.Message, e);
        }
        catch (Exception e)
        {
            throw DecodeFailure.From(path, DocumentFormat.Pdf, e);
        }
    }
}
