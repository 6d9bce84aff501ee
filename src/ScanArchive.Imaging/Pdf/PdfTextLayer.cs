using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace ScanArchive.Imaging.Pdf;

/// <summary>
/// Turns the text a PDF page already carries (born-digital text, or an OCR layer from OCRmyPDF/Tesseract/this
/// workstation) into an <see cref="OcrPage"/>, so downstream code treats it like recognised text.
/// </summary>
internal static class PdfTextLayer
{
    /// <summary>Boxes are expressed at this nominal resolution, the one OCR would have used.</summary>
    public const int NominalDpi = 300;

    /// <summary>What <see cref="OcrPage.Languages"/> says for text taken from the file.</summary>
    public const string Languages = "pdf-text";

    /// <summary>Text taken from the file is exact.</summary>
    private const float EmbeddedConfidence = 100;

    private const double Scale = NominalDpi / 72.0;

    /// <summary>True when the page carries any visible or invisible (OCR layer) letter that is not whitespace.</summary>
    public static bool HasText(Page page) => page.Letters.Any(l => !string.IsNullOrWhiteSpace(l.Value));

    /// <summary>The page's words grouped into lines, in pixels at <see cref="NominalDpi"/> with a top-left origin.</summary>
    public static OcrPage Read(Page page)
    {
        // PdfPig already moves coordinates to the crop box origin and applies /Rotate, so (0,0) is the
        // bottom-left corner of the page as displayed.
        var pageWidth = ToPixels(page.Width);
        var pageHeight = ToPixels(page.Height);
        var words = new List<PlacedWord>();
        // The nearest-neighbour extractor follows the text direction letter to letter. PdfPig's default one
        // expects level baselines and breaks the OCR layers of slightly skewed scans into fragments
        // ("Nort hbri dge" for "Northbridge"), because Tesseract writes such lines along a sloping baseline.
        foreach (var word in page.GetWords(NearestNeighbourWordExtractor.Instance))
        {
            if (string.IsNullOrWhiteSpace(word.Text) || word.Letters.Count == 0)
            {
                continue;
            }

            var box = word.BoundingBox;
            var pixelBox = PixelBox.FromEdges(
                Clamp((int)Math.Floor(box.Left * Scale), pageWidth),
                Clamp((int)Math.Floor((page.Height - box.Top) * Scale), pageHeight),
                Clamp((int)Math.Ceiling(box.Right * Scale), pageWidth),
                Clamp((int)Math.Ceiling((page.Height - box.Bottom) * Scale), pageHeight));
            var baseline = (page.Height - word.Letters[0].StartBaseLine.Y) * Scale;
            words.Add(new PlacedWord(new OcrWord(word.Text.Trim(), pixelBox, EmbeddedConfidence), baseline));
        }

        var lines = LineGrouping.Group(words);
        return new OcrPage(pageWidth, pageHeight, NominalDpi, OcrPage.WeightedMeanConfidence(lines), Languages, lines, TextSource.EmbeddedText);
    }

    /// <summary>An empty text page of the page's size (a page with neither text nor image).</summary>
    public static OcrPage Empty(Page page) =>
        new(ToPixels(page.Width), ToPixels(page.Height), NominalDpi, 0, Languages, [], TextSource.EmbeddedText);

    private static int ToPixels(double points) => Math.Max(1, (int)Math.Round(points * Scale, MidpointRounding.AwayFromZero));

    private static int Clamp(int value, int max) => Math.Clamp(value, 0, max);
}

/// <summary>A word with the y of its baseline (pixels from the top), used to group words into lines.</summary>
internal sealed record PlacedWord(OcrWord Word, double Baseline);

/// <summary>
/// Groups words into text lines: left to right, a word joins the line whose last word it mostly overlaps
/// vertically and shares a baseline with. Comparing with the neighbouring word, not the line's start, follows
/// the slight slope of a skewed scan's OCR layer; the baseline test keeps superscripts and close lines apart.
/// </summary>
internal static class LineGrouping
{
    /// <summary>Share of the shorter word's height that must overlap vertically.</summary>
    private const double MinOverlap = 0.5;

    /// <summary>Largest baseline difference, as a share of the taller word's height.</summary>
    private const double BaselineTolerance = 0.3;

    public static IReadOnlyList<OcrLine> Group(IEnumerable<PlacedWord> words)
    {
        var lines = new List<List<PlacedWord>>();
        foreach (var word in words.OrderBy(w => w.Word.Box.X).ThenBy(w => w.Baseline))
        {
            var line = lines
                .Where(l => Continues(l[^1], word))
                .MaxBy(l => l[^1].Word.Box.VerticalOverlap(word.Word.Box));
            if (line is null)
            {
                lines.Add([word]);
            }
            else
            {
                line.Add(word);
            }
        }

        return lines
            .Select(ToLine)
            .OrderBy(l => l.Box.Y)
            .ThenBy(l => l.Box.X)
            .ToList();
    }

    private static bool Continues(PlacedWord previous, PlacedWord word)
    {
        var a = previous.Word.Box;
        var b = word.Word.Box;
        var shorter = Math.Max(1, Math.Min(a.Height, b.Height));
        var taller = Math.Max(1, Math.Max(a.Height, b.Height));
        return a.VerticalOverlap(b) >= MinOverlap * shorter
            && Math.Abs(previous.Baseline - word.Baseline) <= BaselineTolerance * taller;
    }

    private static OcrLine ToLine(List<PlacedWord> line)
    {
        var words = line.Select(w => w.Word).ToList();
        var box = words.Skip(1).Aggregate(words[0].Box, (union, w) => union.Union(w.Box));
        return new OcrLine(OcrText.JoinWords(words.Select(w => w.Text)), box, words);
    }
}
