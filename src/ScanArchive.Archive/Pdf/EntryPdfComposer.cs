using ScanArchive.Core.Archive;
using ScanArchive.Core.Pdf;

namespace ScanArchive.Archive.Pdf;

/// <summary>
/// Composes an archive entry's searchable PDF from its planned pages: scanned pages as their stored image with the
/// invisible text layer, pages of text PDFs copied from the original.
/// </summary>
internal sealed class EntryPdfComposer(ISearchablePdfWriter writer, Func<StoredFile, byte[]> read, IReadOnlyList<BatchDocument> documents)
{
    private readonly Dictionary<string, BatchDocument> _originals = documents.ToDictionary(d => d.Id);

    public void Write(PlannedEntry planned, PdfDocumentInfo info, Stream output) => writer.Write(Pages(planned), info, output);

    private List<SearchablePdfPage> Pages(PlannedEntry planned)
    {
        var pages = new List<SearchablePdfPage>(planned.Pages.Count);
        byte[]? sourcePdf = null;
        string? sourceId = null;
        foreach (var page in planned.Pages)
        {
            if (page.Image is { } image)
            {
                // The text layer was laid out on the page as the engine straightened it; the writer turns it back onto
                // the image as stored, so it needs the angle recorded with the recognition.
                var encoded = new EncodedPageImage(read(image.File), image.Kind, image.Width, image.Height, image.Dpi);
                if (page.TextCorrected)
                {
                    // A person corrected characters: the engine's layer would still say what it read. The words'
                    // boxes are on the stored image, so the new layer needs no turning.
                    pages.Add(new ScannedPdfPage(encoded, InvisibleTextLayer.Write(page.Ocr, image.Width, image.Height, image.Dpi)));
                    continue;
                }

                pages.Add(new ScannedPdfPage(encoded, page.TextLayer is null ? null : read(page.TextLayer), page.Ocr.TextLayerSkewDegrees, page.Ocr.RecognizedArea));
            }
            else
            {
                if (sourceId != page.DocumentId)
                {
                    sourcePdf = read(_originals[page.DocumentId].Original);
                    sourceId = page.DocumentId;
                }

                pages.Add(new CopiedPdfPage(sourcePdf!, page.PageNumber));
            }
        }

        return pages;
    }
}
