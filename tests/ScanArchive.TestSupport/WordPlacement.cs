using ScanArchive.Core.Ocr;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace ScanArchive.TestSupport;

/// <summary>Matches recognized words to the words a PDF reader finds, by text, and checks that they are where the ink is.</summary>
/// <remarks>
/// A word is in place when its PDF box starts where the recognized box starts (the middle of its left side, within
/// <see cref="LeftEdgeTolerance"/>) and spans the recognized box's vertical middle there: clicking on the ink then
/// hits the word. Tesseract's text layer starts each word exactly at its box and sizes the font to the line, but
/// stretches "word + trailing space" over the box width, so a reader's box ends a character cell short of the ink,
/// and the em box is taller or shorter than the ink of one character ("。" vs "村").
/// </remarks>
public static class WordPlacement
{
    /// <summary>How far (points, along the baseline) the word's left edge may be from the box's.</summary>
    public const double LeftEdgeTolerance = 2;

    /// <summary>Slack (points) above and below the word's em box.</summary>
    public const double VerticalTolerance = 1;

    /// <param name="result">The recognition.</param>
    /// <param name="pdfWords">Words a PDF reader found on the page.</param>
    /// <param name="toPage">Maps a point in the recognition's pixels (x right, y down) to page points.</param>
    /// <param name="leftEdgeTolerance">Override of <see cref="LeftEdgeTolerance"/>, for words recognized on another image of the page (they split differently).</param>
    /// <returns>How many recognized words there are, how many a PDF word has the text of, and the misplaced ones.</returns>
    public static (int Total, int Matched, IReadOnlyList<string> Misplaced) Check(OcrPage result, IReadOnlyList<Word> pdfWords, Func<double, double, PdfPoint> toPage, double leftEdgeTolerance = LeftEdgeTolerance)
    {
        var byText = pdfWords.GroupBy(w => w.Text).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        int total = 0, matched = 0;
        var misplaced = new List<string>();
        foreach (var word in result.Lines.SelectMany(l => l.Words))
        {
            total++;
            if (!byText.TryGetValue(word.Text, out var candidates))
            {
                continue;
            }

            matched++;
            var anchor = toPage(word.Box.X, word.Box.Y + (word.Box.Height / 2.0));
            var local = candidates.Select(c => Local(c.BoundingBox, anchor)).MinBy(l => Math.Abs(l.Along) + Math.Max(0, Math.Max(-l.Up, l.Up - l.Height)))!;
            if (Math.Abs(local.Along) > leftEdgeTolerance || local.Up < -VerticalTolerance || local.Up > local.Height + VerticalTolerance)
            {
                misplaced.Add($"'{word.Text}' at ({anchor.X:0.0}, {anchor.Y:0.0}): {local.Along:0.0} pt from the left edge, {local.Up:0.0} pt up a {local.Height:0.0} pt box");
            }
        }

        return (total, matched, misplaced);
    }

    /// <summary>The point in the box's own frame: distance along the baseline from the left side, height above the bottom.</summary>
    private static (double Along, double Up, double Height) Local(PdfRectangle box, PdfPoint p)
    {
        var (ux, uy) = Unit(box.BottomRight.X - box.BottomLeft.X, box.BottomRight.Y - box.BottomLeft.Y);
        var (vx, vy) = Unit(box.TopLeft.X - box.BottomLeft.X, box.TopLeft.Y - box.BottomLeft.Y);
        double dx = p.X - box.BottomLeft.X, dy = p.Y - box.BottomLeft.Y;
        var height = Math.Sqrt(Math.Pow(box.TopLeft.X - box.BottomLeft.X, 2) + Math.Pow(box.TopLeft.Y - box.BottomLeft.Y, 2));
        return ((dx * ux) + (dy * uy), (dx * vx) + (dy * vy), height);
    }

    private static (double X, double Y) Unit(double x, double y)
    {
        var length = Math.Sqrt((x * x) + (y * y));
        return length == 0 ? (0, 0) : (x / length, y / length);
    }
}
