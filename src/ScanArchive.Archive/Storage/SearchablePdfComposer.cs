using ScanArchive.Core.Archive;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace ScanArchive.Archive.Storage;

/// <summary>
/// Interim composer: Tesseract's invisible text layer page with the page image drawn underneath (the sandwich that
/// OCRmyPDF uses), or a text PDF's page copied as it is.
/// </summary>
internal sealed class SearchablePdfComposer : IEntryPdfComposer
{
    public void Write(IReadOnlyList<EntryPdfPage> pages, EntryPdfInfo info, Stream output)
    {
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = info.Title;
        builder.DocumentInformation.Subject = info.ArchiveNumber;
        builder.DocumentInformation.Keywords = info.DocumentType;
        builder.DocumentInformation.Producer = "ScanArchive";
        var opened = new List<PdfDocument>();
        try
        {
            foreach (var page in pages)
            {
                if (page.SourcePdf is { } source)
                {
                    var document = PdfDocument.Open(source);
                    opened.Add(document);
                    builder.AddPage(document, page.SourcePageNumber);
                    continue;
                }

                var image = page.Image!;
                var width = image.Width * 72.0 / image.Dpi;
                var height = image.Height * 72.0 / image.Dpi;
                PdfPageBuilder pageBuilder;
                if (page.TextLayerPdf is { } layer)
                {
                    var text = PdfDocument.Open(layer);
                    opened.Add(text);
                    pageBuilder = builder.AddPage(text, 1);
                    pageBuilder.NewContentStreamBefore();
                    var size = text.GetPage(1);
                    width = size.Width;
                    height = size.Height;
                }
                else
                {
                    pageBuilder = builder.AddPage(width, height);
                }

                var rect = new PdfRectangle(0, 0, width, height);
                switch (image.Kind)
                {
                    case PageImageKind.Jpeg:
                        pageBuilder.AddJpeg(page.ImageBytes!, rect);
                        break;
                    case PageImageKind.Png:
                        pageBuilder.AddPng(page.ImageBytes!, rect);
                        break;
                    default:
                        throw new NotSupportedException($"Page image kind {image.Kind} is not supported by this composer.");
                }
            }

            var bytes = builder.Build();
            output.Write(bytes);
        }
        finally
        {
            foreach (var document in opened)
            {
                document.Dispose();
            }
        }
    }
}
