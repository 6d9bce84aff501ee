using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics.Operations.SpecialGraphicsState;
using UglyToad.PdfPig.Writer;

namespace ScanArchive.Archive.Pdf;

/// <summary>
/// Writes searchable PDFs with PdfPig: each scanned page is its image with Tesseract's invisible text layer over
/// it (the "sandwich" OCRmyPDF also makes), so that selecting and searching text in any viewer hits the right spot,
/// Chinese included. Pages of imported PDFs that already carried text are copied unchanged.
/// </summary>
/// <remarks>
/// A scanned page with a text layer is Tesseract's one-page text PDF copied whole (page box, glyphless font and
/// text operators untouched), with a content stream added in front that draws the image over the full page box.
/// Text rendering mode 3 draws nothing, so the image shows and the text stays selectable. Thread-safe: it holds no
/// per-document state.
/// </remarks>
public sealed class SearchablePdfBuilder : ISearchablePdfWriter
{
    /// <summary>How far a text layer's proportions may differ from its image's before it is refused as belonging to another page.</summary>
    private const double MaxAspectMismatch = 0.01;

    private readonly SearchablePdfOptions _options;

    /// <summary>Creates a builder.</summary>
    public SearchablePdfBuilder(SearchablePdfOptions? options = null) => _options = options ?? new SearchablePdfOptions();

    /// <inheritdoc/>
    /// <remarks>
    /// Objects go to <paramref name="output"/> as pages are added, so a failure part-way leaves a partial file
    /// behind: write to a temporary file and rename it only after this returns. The stream must also be readable
    /// and seekable: PdfPig reads back what it wrote to compute the file identifier.
    /// </remarks>
    public void Write(IEnumerable<SearchablePdfPage> pages, PdfDocumentInfo info, Stream output)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite || !output.CanRead || !output.CanSeek)
        {
            throw new ArgumentException("The output stream must be writable, readable and seekable (PdfPig reads the file back to compute its ID); open files with FileAccess.ReadWrite.", nameof(output));
        }

        using var enumerator = pages.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            throw new ArgumentException("A PDF needs at least one page.", nameof(pages));
        }

        var sources = new Dictionary<byte[], PdfDocument>(ReferenceEqualityComparer.Instance);
        var textLayers = new List<PdfDocument>();
        try
        {
            using var builder = new PdfDocumentBuilder(output, disposeStream: false, PdfWriterType.Default, version: 1.7, tokenWriter: null);
            PdfMetadata.Apply(builder, info, _options.Producer);
            var number = 0;
            var copiedAny = false;
            foreach (var page in Remaining(enumerator))
            {
                number++;
                switch (page)
                {
                    case ScannedPdfPage scanned:
                        AddScanned(builder, scanned, number, textLayers);
                        break;
                    case CopiedPdfPage copied:
                        AddCopied(builder, copied, number, sources);
                        copiedAny = true;
                        break;
                    default:
                        throw new ArgumentException($"Page {number}: unknown page kind {page?.GetType().Name ?? "null"}.", nameof(pages));
                }
            }

            // PdfPig applies the standard (output intent, XMP identification) in Build, so it can be decided here,
            // after the pages went by lazily: a page copied from an imported PDF may carry anything (unembedded
            // fonts, transparency), so such a document is not declared PDF/A.
            builder.ArchiveStandard = _options.PdfA && !copiedAny ? PdfAStandard.A2B : PdfAStandard.None;
            builder.Build();
        }
        finally
        {
            foreach (var doc in sources.Values.Concat(textLayers))
            {
                doc.Dispose();
            }
        }
    }

    /// <summary>Writes the PDF into a byte array (for tests and small documents).</summary>
    public byte[] Build(IEnumerable<SearchablePdfPage> pages, PdfDocumentInfo info)
    {
        using var memory = new MemoryStream();
        Write(pages, info, memory);
        return memory.ToArray();
    }

    private static IEnumerable<SearchablePdfPage> Remaining(IEnumerator<SearchablePdfPage> started)
    {
        do
        {
            yield return started.Current;
        }
        while (started.MoveNext());
    }

    private static void AddScanned(PdfDocumentBuilder builder, ScannedPdfPage page, int number, List<PdfDocument> textLayers)
    {
        var image = page.Image ?? throw new ArgumentException($"Page {number} has no image.", nameof(page));
        if (page.TextLayerPdf is not { Length: > 0 } layer)
        {
            double width = image.Width * 72.0 / image.Dpi, height = image.Height * 72.0 / image.Dpi;
            var plain = builder.AddPage(width, height);
            DrawImage(plain, image, new PdfRectangle(0, 0, width, height));
            return;
        }

        // An area may reach past the image's edges by a few pixels: a page straightened after reading carries the
        // area it read, turned about its centre, onto the straightened image.
        var area = page.TextLayerArea is { Width: > 0, Height: > 0 } a && a.X < image.Width && a.Y < image.Height && a.Right > 0 && a.Bottom > 0 ? a : (PixelBox?)null;
        double[]? moveText = null;
        PdfRectangle? layerBox = null;
        if (area is { } part && TextLayerGeometry.MediaBoxSize(layer) is var (layerWidth, layerHeight) && layerWidth > 0 && layerHeight > 0)
        {
            // The engine read only the content area: the page grows to the whole image (at the text layer's scale),
            // and the text moves to where the area lies on it (PDF y runs up from the bottom). The proportions are
            // checked below, against the part of the image the text layer covers.
            double perPixelX = layerWidth / part.Width, perPixelY = layerHeight / part.Height;
            layerBox = new PdfRectangle(0, 0, layerWidth, layerHeight);
            layer = TextLayerGeometry.WithMediaBox(layer, image.Width * perPixelX, image.Height * perPixelY);
            moveText = [1, 0, 0, 1, part.X * perPixelX, (image.Height - part.Bottom) * perPixelY];
            if (Math.Abs(((layerWidth / layerHeight) / (part.Width / (double)part.Height)) - 1) > MaxAspectMismatch)
            {
                throw new ArgumentException(
                    $"Page {number}: the text layer ({layerWidth:0.#} × {layerHeight:0.#} pt) does not have the proportions of the part of the image it covers ({part.Width} × {part.Height} px).",
                    nameof(page));
            }
        }

        var textDoc = OpenTextLayer(layer, number);
        // The page box read from the bytes: PdfPig's GetPage would parse the page's fonts and CMaps first (a sixth
        // of a commit's CPU went there).
        var box = TextLayerGeometry.MediaBoxSize(layer) is var (boxWidth, boxHeight)
            ? new PdfRectangle(0, 0, boxWidth, boxHeight)
            : textDoc.GetPage(1).MediaBox.Bounds;
        var mismatch = (box.Width / box.Height) / (image.Width / (double)image.Height);
        if (Math.Abs(mismatch - 1) > MaxAspectMismatch)
        {
            textDoc.Dispose();
            throw new ArgumentException(
                $"Page {number}: the text layer ({box.Width:0.#} × {box.Height:0.#} pt) does not have the proportions of its image ({image.Width} × {image.Height} px).",
                nameof(page));
        }

        var pageBox = box;
        textLayers.Add(textDoc); // PdfPig may read the source while writing; it is closed after Build.
        var pdfPage = builder.AddPage(textDoc, 1);
        var textStream = 0; // AddPage(doc, n) puts the copied stream(s) first, then a new current one
        if (page.TextLayerSkewDegrees != 0 || moveText is not null)
        {
            // The text lies on the page as the engine read it (straightened, or the content area alone); carry it
            // onto the image as given: first turned back about its own centre, then moved into place.
            pdfPage.CurrentStream.Operations.Add(Pop.Value);
            pdfPage.NewContentStreamBefore();
            EnsureBefore(pdfPage, textStream);
            pdfPage.CurrentStream.Operations.Add(Push.Value);
            if (moveText is not null)
            {
                pdfPage.CurrentStream.Operations.Add(new ModifyCurrentTransformationMatrix(moveText));
            }

            if (page.TextLayerSkewDegrees != 0)
            {
                pdfPage.CurrentStream.Operations.Add(new ModifyCurrentTransformationMatrix(TextLayerGeometry.Unskew(layerBox ?? box, page.TextLayerSkewDegrees)));
            }

            textStream++;
        }

        pdfPage.NewContentStreamBefore();
        EnsureBefore(pdfPage, textStream);
        DrawImage(pdfPage, image, pageBox);
    }

    /// <summary>
    /// PdfPig's NewContentStreamBefore inserts one place earlier than its name says; we rely on the new stream
    /// landing before the text layer, so a PdfPig upgrade that changes this must fail loudly, not misplace text.
    /// </summary>
    private static void EnsureBefore(PdfPageBuilder page, int textStream)
    {
        if (page.ContentStreams.ToList().IndexOf(page.CurrentStream) is var index && (index < 0 || index > textStream))
        {
            throw new InvalidOperationException("PdfPig placed the new content stream after the text layer; check NewContentStreamBefore after the upgrade.");
        }
    }

    private static void DrawImage(PdfPageBuilder page, EncodedPageImage image, PdfRectangle box)
    {
        switch (image.Kind)
        {
            case PageImageKind.Jpeg:
                page.AddJpeg(image.Bytes, box);
                break;
            case PageImageKind.CcittG4:
                // Raw T.6 data in ImageMagick's GROUP4 colours (paper coded as T.6 black runs), as CcittG4Encoder writes it.
                page.AddCcittG4(image.Bytes, image.Width, image.Height, box, blackIs1: true);
                break;
            case PageImageKind.Png:
                page.AddPng(image.Bytes, box);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(image), image.Kind, "Unknown image kind.");
        }
    }

    private static PdfDocument OpenTextLayer(byte[] layer, int number)
    {
        PdfDocument? doc = null;
        try
        {
            doc = PdfDocument.Open(layer);
            if (doc.NumberOfPages != 1)
            {
                throw new ArgumentException($"Page {number}: the text layer has {doc.NumberOfPages} pages, expected 1.");
            }

            return doc;
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            doc?.Dispose();
            throw new ArgumentException($"Page {number}: the text layer is not a readable PDF ({e.Message}).", e);
        }
        catch
        {
            doc?.Dispose();
            throw;
        }
    }

    private static void AddCopied(PdfDocumentBuilder builder, CopiedPdfPage page, int number, Dictionary<byte[], PdfDocument> sources)
    {
        ArgumentNullException.ThrowIfNull(page.SourcePdf);
        if (!sources.TryGetValue(page.SourcePdf, out var source))
        {
            try
            {
                source = PdfDocument.Open(page.SourcePdf);
            }
            catch (Exception e)
            {
                throw new ArgumentException($"Page {number}: the source PDF cannot be read ({e.Message}).", e);
            }

            sources.Add(page.SourcePdf, source);
        }

        if (page.PageNumber < 1 || page.PageNumber > source.NumberOfPages)
        {
            throw new ArgumentException($"Page {number}: the source PDF has no page {page.PageNumber} (it has {source.NumberOfPages}).");
        }

        builder.AddPage(source, page.PageNumber);
    }
}
