using System.Text;
using System.Xml.Linq;
using ImageMagick;
using ScanArchive.Archive.Pdf;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Pdf;
using ScanArchive.Imaging.Quality;
using ScanArchive.TestSupport;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace ScanArchive.Archive.Tests.Pdf;

[Collection(SandwichCollection.Name)]
public class SearchablePdfTests(SandwichFixture chain)
{
    /// <summary>Chinese form, skew under 1° (the engine reads it as is).</summary>
    private const string ChinesePage = "zh-account-application.jpg";

    /// <summary>English invoice skewed ~1°: the engine straightens it, the text layer is turned back.</summary>
    private const string EnglishPage = "en-invoice.jpg";

    /// <summary>A CCITT G4 TIFF: a bilevel page.</summary>
    private const string BilevelPage = "en-service-record.tif";

    /// <summary>An English agreement, to be skewed by 0.7°: straightened for the archive, read as scanned.</summary>
    private const string SmallSkewPage = "en-service-agreement.jpg";

    /// <summary>A hand-fed page at ~9°.</summary>
    private const string SkewedPage = "qc-skewed-zh-customer-registration.jpg";

    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Sa = "http://ns.scanarchive.org/archive/1.0/";

    private static PdfDocumentInfo Info => new("KH-2026-000042 开户申请书")
    {
        ArchiveNumber = "KH-2026-000042",
        DocumentType = "account_application",
        CustomerName = "马鹏志",
        CustomerNumber = "KH20269346",
        Author = "clerk01",
        Created = new DateTimeOffset(2026, 11, 22, 17, 30, 5, TimeSpan.FromHours(8)),
    };

    [Theory]
    [InlineData(ChinesePage)]
    [InlineData(EnglishPage)]
    public async Task Pdftotext_reads_exactly_the_recognized_text(string sample)
    {
        var page = await chain.RecognizeAsync(sample);

        var pdf = chain.Builder.Build([page.PdfPage], Info);

        // Whitespace-free, order-free: every recognized character comes out once, Chinese included; pdftotext's
        // layout mode may order a form's cells differently or split a slightly turned line, -raw keeps stream order.
        var words = string.Concat(page.Ocr.Lines.SelectMany(l => l.Words).Select(w => w.Text));
        Assert.Equal(PdfTools.CharacterCounts(words), PdfTools.CharacterCounts(PdfTools.PdfToText(pdf)));
        Assert.Contains(PdfTools.WithoutWhitespace(page.Ocr.Lines.MaxBy(l => l.Text.Length)!.Text), PdfTools.WithoutWhitespace(PdfTools.PdfToText(pdf, raw: true)));
        if (page.Sample.Language == "zh")
        {
            Assert.True(words.EnumerateRunes().Count(r => r.Value is >= 0x4E00 and <= 0x9FFF) > 50, "precondition: a page of Chinese");
        }
    }

    [Theory]
    [InlineData(ChinesePage)]
    [InlineData(EnglishPage)]
    public async Task Words_are_read_back_where_they_were_recognized(string sample)
    {
        var page = await chain.RecognizeAsync(sample);
        using var pdf = PdfDocument.Open(chain.Builder.Build([page.PdfPage], Info));
        var pdfPage = pdf.GetPage(1);

        var (total, matched, misplaced) = WordPlacement.Check(page.Ocr, pdfPage.GetWords(NearestNeighbourWordExtractor.Instance).ToList(), ToPage(page, pdfPage));

        Assert.True(matched >= 0.95 * total, $"only {matched} of {total} recognized words were read back");
        // Tesseract sets each word on its line's fitted baseline; a word on a line the model merged with taller
        // neighbours can sit off its own box. Allow that for at most 2% of the words.
        Assert.True(misplaced.Count <= Math.Max(1, matched / 50), string.Join('\n', misplaced));
    }

    [Theory]
    [InlineData(ChinesePage)]
    [InlineData(BilevelPage)]
    public async Task A_page_read_by_its_content_area_only_gets_its_words_where_they_are_on_the_whole_page(string sample)
    {
        // The quality step tells the engine where the content lies; the engine reads that part alone, and its text
        // layer covers only that part. The PDF page must still be the whole image, with the text moved into place.
        var whole = await chain.RecognizeAsync(sample);
        var ink = whole.Ocr.Lines.Aggregate(default(PixelBox), (acc, l) => acc.Union(l.Box));
        var area = PixelBox.FromEdges(Math.Max(0, ink.X - 60), Math.Max(0, ink.Y - 60), Math.Min(whole.Image.Width, ink.Right + 60), Math.Min(whole.Image.Height, ink.Bottom + 60));
        Assert.True(area.Width * (long)area.Height < 0.9 * whole.Image.Width * whole.Image.Height, "precondition: the area leaves out a real margin");

        var ocr = await chain.Pool.RecognizeAsync(whole.Image, new OcrHints(Straightened: true, ContentArea: area));
        Assert.Equal(area, ocr.RecognizedArea);
        Assert.Equal(0, ocr.SkewCorrectedDegrees);
        Assert.All(ocr.Lines.SelectMany(l => l.Words), w => Assert.True(w.Box.X >= area.X && w.Box.Right <= area.Right && w.Box.Y >= area.Y && w.Box.Bottom <= area.Bottom, $"{w.Text} at {w.Box} lies outside {area}"));
        var recognized = whole with { Ocr = ocr };

        var bytes = chain.Builder.Build([recognized.PdfPage], Info);
        var (exitCode, output) = PdfTools.QpdfCheck(bytes);
        Assert.True(exitCode == 0, output); // the page box rewritten in place keeps the file's offsets right
        using var pdf = PdfDocument.Open(bytes);
        var pdfPage = pdf.GetPage(1);
        Assert.Equal(whole.Image.Width * 72.0 / ocr.Dpi, pdfPage.Width, 1.0);
        Assert.Equal(whole.Image.Height * 72.0 / ocr.Dpi, pdfPage.Height, 1.0);
        var image = Assert.Single(pdfPage.GetImages());
        Assert.Equal(pdfPage.Width, image.BoundingBox.Width, 0.5);
        Assert.Equal(pdfPage.Height, image.BoundingBox.Height, 0.5);

        var (total, matched, misplaced) = WordPlacement.Check(ocr, pdfPage.GetWords(NearestNeighbourWordExtractor.Instance).ToList(), ToPage(recognized, pdfPage));
        Assert.True(matched >= 0.95 * total, $"only {matched} of {total} recognized words were read back");
        Assert.True(misplaced.Count <= Math.Max(1, matched / 50), string.Join('\n', misplaced));
        var words = string.Concat(ocr.Lines.SelectMany(l => l.Words).Select(w => w.Text));
        Assert.Equal(PdfTools.CharacterCounts(words), PdfTools.CharacterCounts(PdfTools.PdfToText(bytes)));
    }

    [Fact]
    public void A_text_layers_page_box_is_rewritten_in_place()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.5\n9 0 obj\n<<\n  /Type /Page\n  /MediaBox [0 0 511.44 632.88]\n  /Contents 10 0 R\n>>\nendobj\nxref\n");

        var wider = TextLayerGeometry.WithMediaBox(pdf, 595.2, 841.92);
        var huge = TextLayerGeometry.WithMediaBox(pdf, 12345.67, 841.92);

        // Same length: the cross-reference offsets after the box stay right.
        Assert.Equal(pdf.Length, wider.Length);
        Assert.Contains("/MediaBox [0 0 595.20 841.92]\n", Encoding.ASCII.GetString(wider));
        Assert.Equal(pdf.Length, huge.Length);
        Assert.Contains("/MediaBox [0 0 12345.7 841.9]", Encoding.ASCII.GetString(huge));
        Assert.Throws<ArgumentException>(() => TextLayerGeometry.WithMediaBox(pdf, 1234567, 7654321));
        Assert.Equal((511.44, 632.88), TextLayerGeometry.MediaBoxSize(pdf));
        var twoPages = Encoding.ASCII.GetBytes("/MediaBox [0 0 1 1] /MediaBox [0 0 1 1]");
        Assert.Null(TextLayerGeometry.MediaBoxSize(twoPages));
        Assert.Throws<ArgumentException>(() => TextLayerGeometry.WithMediaBox(twoPages, 5, 5));
    }

    [Fact]
    public async Task A_page_the_engine_straightens_gets_its_words_on_the_ink_of_the_scan()
    {
        // A straight page turned by a known angle with ImageMagick (an independent rotation: clockwise for a
        // positive angle, about the centre, same canvas). The engine straightens it back before recognizing, and
        // the text layer must be turned again to lie on the turned scan: where ImageMagick moved each word.
        const double angle = 6;
        var straight = await chain.RecognizeAsync(ChinesePage);
        Assert.Equal(0, straight.Ocr.SkewCorrectedDegrees); // precondition: its boxes are the straight page's
        var turned = Rotate(straight.Image, angle);
        var ocr = await chain.Pool.RecognizeAsync(turned);
        Assert.InRange(Math.Abs(ocr.SkewCorrectedDegrees), angle - 1.5, angle + 1.5); // precondition: the engine straightened it (the page had 0.7° of its own)
        var page = ScannedPdfPage.FromRecognition(chain.Encoder.Encode(turned, ocr.Dpi, null), ocr);

        using var pdf = PdfDocument.Open(chain.Builder.Build([page], Info));

        var pdfPage = pdf.GetPage(1);
        double cx = turned.Width / 2.0, cy = turned.Height / 2.0, a = angle * Math.PI / 180;
        var (total, matched, misplaced) = WordPlacement.Check(straight.Ocr, pdfPage.GetWords(NearestNeighbourWordExtractor.Instance).ToList(), (x, y) =>
        {
            double dx = x - cx, dy = y - cy;
            var (tx, ty) = (cx + (dx * Math.Cos(a)) - (dy * Math.Sin(a)), cy + (dx * Math.Sin(a)) + (dy * Math.Cos(a)));
            return new PdfPoint(tx * pdfPage.Width / turned.Width, pdfPage.Height - (ty * pdfPage.Height / turned.Height));
        }, leftEdgeTolerance: 8);

        // The words come from two recognitions (straight page, turned page) that split a few words differently and
        // pair some one-character words with a namesake; a turn in the wrong direction would move most words by
        // 20–50 pt off their lines.
        Assert.True(matched >= 0.8 * total, $"only {matched} of {total} words of the straight page were read back");
        Assert.True(misplaced.Count <= matched / 20, $"{misplaced.Count} of {matched} misplaced:\n" + string.Join('\n', misplaced));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(80)]
    public async Task A_page_read_as_scanned_and_straightened_after_gets_its_words_and_text_layer_on_the_straightened_image(int lid)
    {
        // The quality step straightens the page for the archive, the engine reads the upright copy as scanned, and
        // the words are carried over: they must be where the engine finds them when it reads the straightened image
        // itself, and the PDF (straightened image, text layer turned to match) must show them there.
        var sample = SandwichFixture.Sample(SmallSkewPage);
        var label = sample.Number("skewDegrees");
        var scan = PageDegradations.Skew(SandwichFixture.Decode(sample), 0.7 - label);
        scan = lid == 0 ? scan : PageDegradations.OnLid(scan, lid); // straightened, then the lid cropped away; through the archive's commit
        var read = await new ScanArchive.Core.Quality.CheckedPageRecognizer(chain.Pool, new PageCleaner()).RecognizeAsync(scan);
        Assert.InRange(read.Ocr.StraightenedAfterReadingDegrees, 0.6, 0.8); // precondition: read before straightening
        Assert.Equal(read.Ocr.Quality!.Cleanup.DeskewedDegrees, Math.Round(read.Ocr.StraightenedAfterReadingDegrees, 2));
        Assert.Equal((read.Image.Width, read.Image.Height), (read.Ocr.Width, read.Ocr.Height));
        Assert.Equal(lid != 0, read.Ocr.Quality.Cleanup.Crop is not null);

        // Each word against the nearest word of the same text the engine finds on the straightened image.
        var direct = await chain.Pool.RecognizeAsync(read.Image, new OcrHints(Straightened: true, ContentArea: null));
        var straightWords = direct.Lines.SelectMany(l => l.Words).ToLookup(w => w.Text, StringComparer.Ordinal);
        static (double X, double Y) Centre(PixelBox b) => (b.X + (b.Width / 2.0), b.CenterY);
        var distances = read.Ocr.Lines.SelectMany(l => l.Words).Where(w => w.Text.Length >= 3 && straightWords.Contains(w.Text)).Select(w =>
        {
            var (x, y) = Centre(w.Box);
            return straightWords[w.Text].Select(o => Centre(o.Box)).Min(o => Math.Sqrt(((o.X - x) * (o.X - x)) + ((o.Y - y) * (o.Y - y))));
        }).Order().ToList();
        Assert.True(distances.Count >= 100, $"precondition: {distances.Count} words found by both readings");
        // Without the carrying-over, words at the page's sides would be off by w/2·sin(0.7°): 10–15 px.
        Assert.True(distances[distances.Count / 2] <= 2 && distances[distances.Count * 9 / 10] <= 4, $"centre distances (px), median {distances[distances.Count / 2]:F1}, p90 {distances[distances.Count * 9 / 10]:F1}");

        var page = new RecognizedPage(sample, read.Image, read.Ocr, chain.Encoder.Encode(read.Image, read.Ocr.Dpi, null));
        var bytes = lid == 0 ? chain.Builder.Build([page.PdfPage], Info) : Committed(page);
        var (exitCode, output) = PdfTools.QpdfCheck(bytes);
        Assert.True(exitCode == 0, output);
        using var pdf = PdfDocument.Open(bytes);
        var pdfPage = pdf.GetPage(1);
        var (total, matched, misplaced) = WordPlacement.Check(read.Ocr, pdfPage.GetWords(NearestNeighbourWordExtractor.Instance).ToList(), ToPage(page, pdfPage));
        Assert.True(matched >= 0.95 * total, $"only {matched} of {total} recognized words were read back");
        Assert.True(misplaced.Count <= Math.Max(1, matched / 50), string.Join('\n', misplaced));
    }

    /// <summary>The page stored as a batch's only page and committed: the PDF the archive entry gets.</summary>
    private static byte[] Committed(RecognizedPage page)
    {
        using var data = new TempDirectory();
        using var store = ArchiveTestData.Open(data.Path);
        var batch = store.CreateBatch("small-skew", "clerk");
        var document = store.AddDocument(batch.Id, page.Sample.ImagePath, "page.jpg", "clerk");
        store.SavePage(new PageResult(batch.Id, document.Id, 1, page.Ocr, page.Encoded, page.Ocr.TextLayerPdf));
        store.UpdateDocument(document with { Status = DocumentStatus.Done, PageCount = 1 });
        store.MoveBatch(batch.Id, BatchState.Processing, "clerk");
        store.MoveBatch(batch.Id, BatchState.ReadyForReview, "clerk");
        store.SetReview(batch.Id, ReviewStatus.Approved, "reviewer");
        store.MoveBatch(batch.Id, BatchState.Approved, "reviewer");
        var entry = Assert.Single(store.Commit(batch.Id, "reviewer"));
        return File.ReadAllBytes(store.PathOf(entry.Pdf));
    }

    [Fact]
    public async Task The_text_is_invisible_and_the_image_covers_the_page()
    {
        var page = await chain.RecognizeAsync(ChinesePage);
        using var pdf = PdfDocument.Open(chain.Builder.Build([page.PdfPage], Info));
        var pdfPage = pdf.GetPage(1);

        Assert.NotEmpty(pdfPage.Letters);
        Assert.All(pdfPage.Letters, l => Assert.Equal(TextRenderingMode.Neither, l.RenderingMode));
        var image = Assert.Single(pdfPage.GetImages());
        Assert.Equal(page.Image.Width, image.WidthInSamples);
        Assert.Equal(page.Image.Height, image.HeightInSamples);
        Assert.Equal(0, image.BoundingBox.Left, 0.01);
        Assert.Equal(0, image.BoundingBox.Bottom, 0.01);
        Assert.Equal(pdfPage.Width, image.BoundingBox.Width, 0.01);
        Assert.Equal(pdfPage.Height, image.BoundingBox.Height, 0.01);
        double width = page.Encoded.Width * 72.0 / page.Encoded.Dpi, height = page.Encoded.Height * 72.0 / page.Encoded.Dpi;
        Assert.Equal(width, pdfPage.Width, width * 0.003);
        Assert.Equal(height, pdfPage.Height, height * 0.003);

        // A JPEG goes in byte for byte (DCTDecode), never decoded and recompressed by the writer.
        Assert.Equal(PageImageKind.Jpeg, page.Encoded.Kind);
        Assert.Equal(page.Encoded.Bytes, image.RawBytes.ToArray());
    }

    [Fact]
    public async Task A_bilevel_page_is_stored_as_ccitt_g4_and_renders_as_the_original_pixels()
    {
        var page = await chain.RecognizeAsync(BilevelPage);
        var bytes = chain.Builder.Build([page.PdfPage], Info);

        Assert.Equal(PageImageKind.CcittG4, page.Encoded.Kind);
        using (var pdf = PdfDocument.Open(bytes))
        {
            var image = Assert.Single(pdf.GetPage(1).GetImages());
            Assert.True(image.ImageDictionary.TryGet(NameToken.Filter, out NameToken filter));
            Assert.Equal(NameToken.CcittfaxDecode, filter);
            Assert.Equal(1, image.BitsPerComponent);
            Assert.NotEmpty(pdf.GetPage(1).Letters);
        }

        // Rendered at the scan's resolution, the page is the scan: not inverted, not shifted.
        var dpi = page.Encoded.Dpi;
        var (width, height, pixels) = PdfTools.RenderGray(bytes, dpi);
        Assert.Equal(page.Image.Width, width);
        Assert.Equal(page.Image.Height, height);
        long same = 0;
        for (var y = 0; y < height; y++)
        {
            var row = page.Image.Row(y);
            for (var x = 0; x < width; x++)
            {
                if ((row[x] < 128) == (pixels[(y * width) + x] < 128))
                {
                    same++;
                }
            }
        }

        // Rasterizing moves some edge pixels by one; an inverted or displaced image would disagree on most ink.
        Assert.True(same >= 0.99 * width * height, $"{same} of {width * height} pixels agree");
        Assert.True(bytes.Length < 60_000, $"a G4 page should be small, got {bytes.Length} bytes");
    }

    [Fact]
    public void A_g4_page_of_hard_patterns_renders_pixel_for_pixel()
    {
        // Width not a multiple of 8; ink in the first and last columns and rows, one-pixel stripes and dots,
        // diagonals (vertical-mode offsets), long runs and noise (horizontal mode): every pixel must come back.
        const int width = 1001, height = 1203, dpi = 300;
        var random = new Random(42);
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var ink = y switch
                {
                    0 or height - 1 => x % 3 == 0,
                    < 200 => x == 0 || x == width - 1 || (x / (1 + (y / 40)) % 2 == 0 && x > 500),
                    < 400 => (x + y) % 17 < 2 || (x - y + 2000) % 29 == 0,
                    < 600 => random.NextDouble() < 0.3,
                    < 800 => x > 100 && x < 900 && y % 50 < 3,
                    _ => (x * x + y * y) % 1009 < 60,
                };
                pixels[(y * width) + x] = ink ? (byte)random.Next(0, 16) : (byte)random.Next(240, 256);
            }
        }

        var image = new RasterImage(width, height, PixelFormat.Gray8, pixels, dpi);
        var encoded = chain.Encoder.Encode(image);
        Assert.Equal(PageImageKind.CcittG4, encoded.Kind);

        var pdf = chain.Builder.Build([new ScannedPdfPage(encoded)], Info);

        // At the scan's own resolution poppler's image scaler merges or drops the odd one-pixel stripe; at four
        // times it draws every image pixel as a 4×4 block, whose centre we read.
        const int zoom = 4;
        var (renderedWidth, renderedHeight, rendered) = PdfTools.RenderGray(pdf, dpi * zoom);

        Assert.Equal((width * zoom, height * zoom), (renderedWidth, renderedHeight));
        var wrong = 0;
        var first = "";
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var centre = rendered[(((y * zoom) + (zoom / 2)) * renderedWidth) + (x * zoom) + (zoom / 2)];
                if ((pixels[(y * width) + x] < 128) != (centre < 128) && wrong++ == 0)
                {
                    first = $"({x}, {y})";
                }
            }
        }

        Assert.True(wrong == 0, $"{wrong} of {pixels.Length} pixels differ after poppler rendered the page, first at {first}");
    }

    [Fact]
    public async Task Qpdf_finds_no_errors_in_a_document_of_several_kinds_of_pages()
    {
        var pages = new[] { await chain.RecognizeAsync(ChinesePage), await chain.RecognizeAsync(BilevelPage), await chain.RecognizeAsync(EnglishPage) };

        var pdf = chain.Builder.Build(pages.Select(p => (SearchablePdfPage)p.PdfPage).Append(new ScannedPdfPage(pages[0].Encoded)), Info);

        var (exitCode, output) = PdfTools.QpdfCheck(pdf);
        Assert.True(exitCode == 0, output);
        Assert.Contains("No syntax or stream encoding errors", output, StringComparison.Ordinal);
        using var doc = PdfDocument.Open(pdf);
        Assert.Equal(4, doc.NumberOfPages);
    }

    [Fact]
    public async Task Metadata_and_the_pdfa_2b_declaration_are_backed_by_what_we_can_check()
    {
        var page = await chain.RecognizeAsync(ChinesePage);
        var bytes = chain.Builder.Build([page.PdfPage], Info);
        using var pdf = PdfDocument.Open(bytes);

        // Information dictionary.
        var dictionary = pdf.Information.DocumentInformationDictionary ?? throw new InvalidOperationException("no information dictionary");
        Assert.Equal(Info.Title, pdf.Information.Title);
        Assert.Equal("clerk01", pdf.Information.Author);
        Assert.Equal("ScanArchive", pdf.Information.Producer);
        Assert.Equal(Info.Created, pdf.Information.GetCreatedDateTimeOffset());
        Assert.Equal("KH-2026-000042", InfoString(dictionary, "ArchiveNumber"));
        Assert.Equal("account_application", InfoString(dictionary, "DocumentType"));
        Assert.Equal("马鹏志", InfoString(dictionary, "CustomerName"));
        Assert.Equal("KH20269346", InfoString(dictionary, "CustomerNumber"));

        // XMP: the same values, typed as XMP wants them, the archive properties declared by an extension schema.
        Assert.True(pdf.TryGetXmpMetadata(out var xmpMetadata));
        var xmp = Xmp(xmpMetadata);
        Assert.Equal("2", Single(xmp, "http://www.aiim.org/pdfa/ns/id/", "part"));
        Assert.Equal("B", Single(xmp, "http://www.aiim.org/pdfa/ns/id/", "conformance"));
        var title = Assert.Single(xmp.Descendants(Dc + "title"));
        var li = Assert.Single(title.Elements(Rdf + "Alt").Elements(Rdf + "li"));
        Assert.Equal("x-default", li.Attribute(XNamespace.Xml + "lang")?.Value);
        Assert.Equal(Info.Title, li.Value);
        Assert.Equal("clerk01", Assert.Single(xmp.Descendants(Dc + "creator").Elements(Rdf + "Seq").Elements(Rdf + "li")).Value);
        Assert.Equal("2026-11-22T17:30:05+08:00", Single(xmp, "http://ns.adobe.com/xap/1.0/", "CreateDate"));
        Assert.Equal(pdf.Information.Producer, Single(xmp, "http://ns.adobe.com/pdf/1.3/", "Producer"));
        Assert.Equal(pdf.Information.Keywords, Single(xmp, "http://ns.adobe.com/pdf/1.3/", "Keywords"));
        Assert.Equal("KH-2026-000042", Assert.Single(xmp.Descendants(Sa + "ArchiveNumber")).Value);
        Assert.Equal("马鹏志", Assert.Single(xmp.Descendants(Sa + "CustomerName")).Value);
        XNamespace schema = "http://www.aiim.org/pdfa/ns/schema#";
        XNamespace property = "http://www.aiim.org/pdfa/ns/property#";
        var declared = xmp.Descendants(schema + "namespaceURI").Single(n => n.Value == Sa.NamespaceName).Parent!;
        Assert.Equal("sa", declared.Element(schema + "prefix")?.Value);
        var names = declared.Descendants(property + "name").Select(n => n.Value).ToHashSet();
        Assert.All(xmp.Descendants().Where(e => e.Name.Namespace == Sa), e => Assert.Contains(e.Name.LocalName, names));

        // The rest of what PDF/A-2b asks that we can see without a validator: an output intent, a file ID,
        // every font embedded, no encryption.
        Assert.True(pdf.Structure.Catalog.CatalogDictionary.TryGet(NameToken.OutputIntents, out ArrayToken intents));
        Assert.NotEmpty(intents.Data);
        Assert.NotNull(pdf.Structure.Trailer.Identifier);
        Assert.NotEmpty(pdf.Structure.Trailer.Identifier);
        Assert.False(pdf.IsEncrypted);
        var fonts = PdfTools.PdfFonts(bytes);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded, $"font {f.Name} is not embedded"));
    }

    [Fact]
    public async Task A_page_copied_from_a_pdf_with_text_keeps_its_text_and_the_document_is_not_declared_pdfa()
    {
        var scanned = await chain.RecognizeAsync(ChinesePage);
        var imported = TextPdf("Invoice INV-2026-0042 total 1,234.00", "Second page of the import");

        var bytes = chain.Builder.Build([new CopiedPdfPage(imported, 2), scanned.PdfPage, new CopiedPdfPage(imported, 1)], Info);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(3, pdf.NumberOfPages);
        Assert.Equal("Second page of the import", pdf.GetPage(1).Text);
        Assert.Equal("Invoice INV-2026-0042 total 1,234.00", pdf.GetPage(3).Text);
        Assert.Contains("INV-2026-0042", PdfTools.PdfToText(bytes), StringComparison.Ordinal);
        Assert.False(pdf.Structure.Catalog.CatalogDictionary.ContainsKey(NameToken.OutputIntents));
        Assert.False(pdf.TryGetXmpMetadata(out _)); // PdfPig writes XMP only with a PDF/A level
        Assert.Equal("KH-2026-000042", InfoString(pdf.Information.DocumentInformationDictionary!, "ArchiveNumber"));
        Assert.Equal(0, PdfTools.QpdfCheck(bytes).ExitCode);
    }

    [Fact]
    public void A_page_without_text_still_shows_its_image_at_its_resolution()
    {
        var blank = TestImages.WhitePageWithBox(1240, 1754, 150, new PixelBox(100, 100, 400, 8));
        var encoded = chain.Encoder.Encode(blank);

        using var pdf = PdfDocument.Open(chain.Builder.Build([new ScannedPdfPage(encoded)], Info));

        var page = pdf.GetPage(1);
        Assert.Empty(page.Letters);
        Assert.Equal(1240 * 72.0 / 150, page.Width, 0.01);
        Assert.Equal(1754 * 72.0 / 150, page.Height, 0.01);
        var image = Assert.Single(page.GetImages());
        Assert.Equal(page.Width, image.BoundingBox.Width, 0.01);
    }

    [Fact]
    public async Task A_text_layer_that_does_not_fit_its_image_is_refused()
    {
        var page = await chain.RecognizeAsync(ChinesePage);
        var landscape = chain.Encoder.Encode(TestImages.WhitePageWithBox(3508, 2480, 300, new PixelBox(10, 10, 5, 5)));

        var error = Assert.Throws<ArgumentException>(() => chain.Builder.Build([new ScannedPdfPage(landscape, page.Ocr.TextLayerPdf)], Info));
        Assert.Contains("Page 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_page_lists_are_refused_with_the_page_named()
    {
        var imported = TextPdf("only page");
        var image = chain.Encoder.Encode(TestImages.WhitePageWithBox(100, 100, 72, new PixelBox(1, 1, 5, 5)));

        Assert.Throws<ArgumentException>(() => chain.Builder.Build([], Info));
        Assert.Contains("no page 2", Assert.Throws<ArgumentException>(() => chain.Builder.Build([new ScannedPdfPage(image), new CopiedPdfPage(imported, 2)], Info)).Message, StringComparison.Ordinal);
        Assert.Contains("Page 2", Assert.Throws<ArgumentException>(() => chain.Builder.Build([new ScannedPdfPage(image), new ScannedPdfPage(image, [1, 2, 3])], Info)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_to_the_callers_stream_and_leaves_it_open()
    {
        var page = await chain.RecognizeAsync(BilevelPage);
        using (var writeOnly = new WriteOnlyStream())
        {
            Assert.Contains("readable", Assert.Throws<ArgumentException>(() => chain.Builder.Write([page.PdfPage], Info, writeOnly)).Message, StringComparison.Ordinal);
            Assert.Equal(0, writeOnly.Length);
        }

        using var dir = new TempDirectory("pdf-out");
        var path = dir.File("entry.pdf.tmp");

        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite))
        {
            chain.Builder.Write([page.PdfPage], Info, stream);
            Assert.True(stream.CanWrite);
            stream.Flush(flushToDisk: true);
        }

        using var pdf = PdfDocument.Open(File.ReadAllBytes(path));
        Assert.Equal(1, pdf.NumberOfPages);
    }

    /// <summary>The page turned clockwise by <paramref name="degrees"/> about its centre, same size, white corners.</summary>
    private static RasterImage Rotate(RasterImage page, double degrees)
    {
        using var image = new MagickImage(page.Pixels, new MagickReadSettings { Format = MagickFormat.Gray, Width = (uint)page.Width, Height = (uint)page.Height, Depth = 8 });
        image.BackgroundColor = MagickColors.White;
        image.VirtualPixelMethod = VirtualPixelMethod.Background;
        image.Distort(DistortMethod.ScaleRotateTranslate, degrees);
        return new RasterImage(page.Width, page.Height, PixelFormat.Gray8, image.ToByteArray(MagickFormat.Gray), page.Dpi);
    }

    /// <summary>Maps a point of the recognized (possibly straightened) page, in pixels, to PDF points on the scan.</summary>
    private static Func<double, double, PdfPoint> ToPage(RecognizedPage page, Page pdfPage) => (x, y) =>
    {
        var (ux, uy) = Unskew(page, (x, y));
        return new PdfPoint(ux * pdfPage.Width / page.Image.Width, pdfPage.Height - (uy * pdfPage.Height / page.Image.Height));
    };

    /// <summary>
    /// Undoes the engine's straightening of a point: Leptonica turned the pixels clockwise on screen by the angle,
    /// about the image centre, keeping the size.
    /// </summary>
    private static (double X, double Y) Unskew(RecognizedPage page, (double X, double Y) p)
    {
        var a = -page.Ocr.SkewCorrectedDegrees * Math.PI / 180;
        double cx = page.Image.Width / 2.0, cy = page.Image.Height / 2.0;
        double dx = p.X - cx, dy = p.Y - cy;
        return (cx + (dx * Math.Cos(a)) - (dy * Math.Sin(a)), cy + (dx * Math.Sin(a)) + (dy * Math.Cos(a)));
    }

    private static string? InfoString(DictionaryToken dictionary, string key) =>
        dictionary.TryGet(NameToken.Create(key), out StringToken value) ? value.Data : null;

    /// <summary>The XMP packet, decoded as the UTF-8 it is (PdfPig's GetXDocument reads it as Latin-1).</summary>
    private static XDocument Xmp(XmpMetadata metadata) => XDocument.Parse(Encoding.UTF8.GetString(metadata.GetXmlBytes()));

    private static string Single(XDocument xmp, string ns, string name) => Assert.Single(xmp.Descendants(XName.Get(name, ns))).Value;

    /// <summary>A PDF with real text (Helvetica), one page per line, as an office program would export it.</summary>
    private static byte[] TextPdf(params string[] pageTexts)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pageTexts)
        {
            builder.AddPage(PageSize.A4).AddText(text, 12, new PdfPoint(72, 720), font);
        }

        return builder.Build();
    }

    private sealed class WriteOnlyStream : MemoryStream
    {
        public override bool CanRead => false;
    }
}
