using ImageMagick;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.TestSupport;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using Xunit;

namespace ScanArchive.Imaging.Tests;

public sealed class PdfReadingTests : IDisposable
{
    private readonly TempDirectory _temp = new("imaging-pdf");
    private readonly DocumentReader _reader = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Jpeg_page_image_comes_out_whole_with_dpi_from_its_placement()
    {
        var jpeg = Fixtures.JpegBytes(600, 848);

        // 600 px across 144 pt (2 in) = 300 dpi.
        var path = _temp.Write("scan.pdf", Fixtures.PdfWithJpeg(jpeg, new PdfRectangle(0, 0, 144, 203.52)));
        var direct = _temp.Write("same.jpg", jpeg);

        var page = Assert.Single(_reader.ReadPages(path));

        Assert.Equal(DocumentFormat.Pdf, _reader.Identify(path));
        Assert.Null(page.EmbeddedText);
        var raster = page.Image!;
        Assert.Equal((600, 848, PixelFormat.Rgb24, 300), (raster.Width, raster.Height, raster.Format, raster.Dpi));
        Assert.Equal(Assert.Single(_reader.ReadPages(direct)).Image!.Pixels, raster.Pixels);
    }

    [Fact]
    public void Text_layer_becomes_embedded_text_with_boxes_at_300_dpi()
    {
        var path = _temp.Write("text.pdf", Fixtures.PdfWithText());

        var pages = _reader.ReadPages(path).ToList();

        Assert.Equal([1, 2], pages.Select(p => p.Number));
        var text = pages[0].EmbeddedText!;
        Assert.Null(pages[0].Image);
        Assert.Equal(TextSource.EmbeddedText, text.Source);
        Assert.Equal("pdf-text", text.Languages);
        Assert.Equal((2479, 3508, 300), (text.Width, text.Height, text.Dpi)); // A4 = 595 x 842 pt
        Assert.Equal(100, text.MeanConfidence);

        // The invisible (OCR-layer) word counts as text and shares a line with the visible one on its baseline.
        Assert.Equal(["Hello World", "Second line Invisible"], text.Lines.Select(l => l.Text));
        var hello = text.Lines[0].Words[0];
        Assert.Equal("Hello", hello.Text);
        Assert.Equal(100, hello.Confidence);

        // "Hello" at x = 72 pt, baseline y = 700 pt (from the bottom), 12 pt Helvetica: cap height ~8.6 pt.
        Assert.InRange(hello.Box.X, 299, 301);                  // 72 pt * 300/72
        Assert.InRange(hello.Box.Bottom, 3508 - (700 * 300 / 72) - 2, 3508 - (700 * 300 / 72) + 2);
        Assert.InRange(hello.Box.Height, 30, 40);                 // ~8.6 pt
        Assert.InRange(hello.Box.Width, 105, 120);               // ~27.3 pt
        var invisible = text.Lines[1].Words[^1];
        Assert.Equal("Invisible", invisible.Text);
        Assert.InRange(invisible.Box.X, 1249, 1251);              // 300 pt
        Assert.Equal(text.Lines[1].Box, text.Lines[1].Words.Aggregate(text.Lines[1].Words[0].Box, (u, w) => u.Union(w.Box)));
    }

    [Fact]
    public void Page_with_neither_text_nor_image_is_an_empty_text_page()
    {
        var path = _temp.Write("text.pdf", Fixtures.PdfWithText());

        var blank = _reader.ReadPages(path).Last();

        Assert.Null(blank.Image);
        Assert.Empty(blank.EmbeddedText!.Lines);
        Assert.Equal((2479, 3508, TextSource.EmbeddedText), (blank.EmbeddedText.Width, blank.EmbeddedText.Height, blank.EmbeddedText.Source));
    }

    [Fact]
    public void Flate_grey_image_is_pixel_exact_and_grey()
    {
        using var image = Fixtures.Page(640, 480);
        image.Density = new Density(150, 150, DensityUnit.PixelsPerInch);
        image.Settings.Compression = CompressionMethod.Zip;
        var pdf = _temp.File("grey.pdf");
        image.Write(pdf, MagickFormat.Pdf);
        var png = Fixtures.Write(_temp.File("grey.png"), image, MagickFormat.Png, 150);

        var fromPdf = Assert.Single(_reader.ReadPages(pdf)).Image!;
        var fromPng = Assert.Single(_reader.ReadPages(png)).Image!;

        Assert.Equal((640, 480, PixelFormat.Gray8, 150), (fromPdf.Width, fromPdf.Height, fromPdf.Format, fromPdf.Dpi));
        Assert.Equal(fromPng.Pixels, fromPdf.Pixels);
    }

    [Fact]
    public void Flate_rgb_image_is_pixel_exact()
    {
        using var image = Fixtures.Page(300, 200, color: true);
        var png = Fixtures.Write(_temp.File("rgb.png"), image, MagickFormat.Png, 300);
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).AddPng(File.ReadAllBytes(png), new PdfRectangle(100, 100, 172, 148));
        var pdf = _temp.Write("rgb.pdf", builder.Build());

        var fromPdf = Assert.Single(_reader.ReadPages(pdf)).Image!;

        Assert.Equal((300, 200, PixelFormat.Rgb24, 300), (fromPdf.Width, fromPdf.Height, fromPdf.Format, fromPdf.Dpi));
        Assert.Equal(Assert.Single(_reader.ReadPages(png)).Image!.Pixels, fromPdf.Pixels);
    }

    [Fact]
    public void Ccitt_g4_page_matches_the_same_scan_as_a_g4_tiff()
    {
        var tiff = Fixtures.WriteG4Tiff(_temp.File("fax.tif"), 1240, 1754, 150);
        using var image = new MagickImage(tiff);
        image.Settings.Compression = CompressionMethod.Group4;
        var pdf = _temp.File("fax.pdf");
        image.Write(pdf, MagickFormat.Pdf);

        var fromPdf = Assert.Single(_reader.ReadPages(pdf)).Image!;
        var fromTiff = Assert.Single(_reader.ReadPages(tiff)).Image!;

        Assert.Equal((1240, 1754, PixelFormat.Gray8, 150), (fromPdf.Width, fromPdf.Height, fromPdf.Format, fromPdf.Dpi));
        Assert.Equal(fromTiff.Pixels, fromPdf.Pixels);
    }

    [Fact]
    public void Largest_image_on_the_page_is_the_scan()
    {
        var scan = Fixtures.JpegBytes(800, 1000);
        var logo = Fixtures.JpegBytes(40, 40);
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.AddJpeg(logo, new PdfRectangle(500, 780, 580, 830));
        page.AddJpeg(scan, new PdfRectangle(0, 0, 480, 600));
        var path = _temp.Write("two-images.pdf", builder.Build());

        var raster = Assert.Single(_reader.ReadPages(path)).Image!;

        Assert.Equal((800, 1000, 120), (raster.Width, raster.Height, raster.Dpi));
    }

    [Fact]
    public void Owner_password_only_pdf_opens_without_a_password()
    {
        var page = Assert.Single(_reader.ReadPages(Fixtures.TestFile("owner-password-only.pdf")));

        Assert.Equal("Confidential customer page", Assert.Single(page.EmbeddedText!.Lines).Text);
    }

    [Fact]
    public void Too_many_pages_is_refused_before_reading()
    {
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < 3; i++)
        {
            builder.AddPage(PageSize.A4);
        }

        var path = _temp.Write("three.pdf", builder.Build());
        var reader = new DocumentReader(new ImagingLimits(MaxPages: 2));

        var error = Assert.Throws<DocumentReadException>(() => reader.ReadPages(path).First());

        Assert.Equal(DocumentProblem.TooLarge, error.Problem);
    }
}
