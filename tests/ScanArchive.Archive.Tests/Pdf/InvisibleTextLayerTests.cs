using ScanArchive.Archive.Pdf;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace ScanArchive.Archive.Tests.Pdf;

/// <summary>The text layer written from corrected words: the words, where they are, readable as text.</summary>
public class InvisibleTextLayerTests
{
    private const int Dpi = 300;
    private const double PointsPerPixel = 72.0 / Dpi;

    private static OcrPage Page(int width, int height, params (string Text, PixelBox Box)[] words)
    {
        var lines = words.Select(w => new OcrLine(w.Text, w.Box, [new OcrWord(w.Text, w.Box, 99)])).ToList();
        return new OcrPage(width, height, Dpi, 99, "chi_sim+eng", lines);
    }

    [Fact]
    public void Chinese_and_Latin_words_are_text_inside_their_boxes()
    {
        var page = Page(2480, 3508, ("客户姓名：章三丰", new PixelBox(200, 300, 800, 60)), ("Account", new PixelBox(1400, 1000, 420, 50)), ("No.12345", new PixelBox(1900, 1000, 380, 50)));

        using var pdf = PdfDocument.Open(InvisibleTextLayer.Write(page, 2480, 3508, Dpi));
        var pdfPage = pdf.GetPage(1);
        Assert.Equal(2480 * PointsPerPixel, pdfPage.Width, 1);
        Assert.Equal(3508 * PointsPerPixel, pdfPage.Height, 1);
        var words = pdfPage.GetWords(NearestNeighbourWordExtractor.Instance).ToList();
        Assert.Equal(["客户姓名：章三丰", "Account", "No.12345"], words.Select(w => w.Text));

        foreach (var (word, line) in words.Zip(page.Lines))
        {
            // Each word spans its box: left and right edges within a couple of points, on the box's bottom.
            var box = line.Box;
            Assert.Equal(box.X * PointsPerPixel, word.BoundingBox.Left, 2);
            Assert.Equal(box.Right * PointsPerPixel, word.BoundingBox.Right, 2);
            Assert.Equal((3508 - box.Bottom) * PointsPerPixel, word.Letters[0].StartBaseLine.Y, 2);
        }
    }

    [Fact]
    public void Boxes_are_scaled_from_the_recognition_to_the_stored_image()
    {
        // Recognized at half the size of the image the PDF shows.
        var page = Page(1240, 1754, ("合同编号", new PixelBox(100, 100, 200, 30)));

        using var pdf = PdfDocument.Open(InvisibleTextLayer.Write(page, 2480, 3508, Dpi));
        var word = pdf.GetPage(1).GetWords().Single();
        Assert.Equal(200 * PointsPerPixel, word.BoundingBox.Left, 2);
        Assert.Equal(600 * PointsPerPixel, word.BoundingBox.Right, 2);
    }

    [Fact]
    public void A_page_without_words_is_an_empty_valid_page()
    {
        using var pdf = PdfDocument.Open(InvisibleTextLayer.Write(Page(1000, 1000), 1000, 1000, Dpi));
        Assert.Empty(pdf.GetPage(1).Letters);
    }
}
