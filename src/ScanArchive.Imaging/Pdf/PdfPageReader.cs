using ScanArchive.Core.Documents;
using ScanArchive.Imaging.Raster;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
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

        // Lenient parsing reads what is there: a file cut off after its page tree (a linearized PDF, an interrupted
        // copy) still opens, and its pages come out without their images. Those pages are refused below; the file as
        // a whole is refused after the pages that did decode, so it never counts as read.
        var truncated = TruncationCheck.IsTruncated(path, DocumentFormat.Pdf) == true;
        for (var number = 1; number <= pageCount; number++)
        {
            var pageNumber = number;
            yield return Guard(path, () => ReadPage(path, document, pageNumber, truncated));
        }

        if (truncated)
        {
            throw new DocumentReadException(path, DocumentProblem.Truncated, "no %%EOF at the end of the file");
        }
    }

    private DocumentPage ReadPage(string path, PdfDocument document, int number, bool truncated)
    {
        var page = document.GetPage(number);
        if (PdfTextLayer.HasText(page))
        {
            return DocumentPage.FromText(number, PdfTextLayer.Read(page));
        }

        var image = _images.Read(path, page);
        if (image is not null)
        {
            return DocumentPage.FromImage(number, image);
        }

        // Nothing to show. A page that draws nothing at all is a blank page; one that names images or forms the
        // file does not hold lost them (cut off, or damaged inside): never an empty page that passes as read.
        if (truncated)
        {
            throw new DocumentReadException(path, DocumentProblem.Truncated, $"page {number} has neither text nor an image; the file ends early");
        }

        if (DrawsObjects(page))
        {
            throw new DocumentReadException(path, DocumentProblem.Corrupt, $"page {number} refers to images or forms that cannot be read");
        }

        return DocumentPage.FromText(number, PdfTextLayer.Empty(page));
    }

    /// <summary>True when the page's content paints an XObject (an image or a form); an empty page paints nothing.</summary>
    private static bool DrawsObjects(Page page)
    {
        var content = page.Operations;
        return content.Any(o => o.Operator == "Do");
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
