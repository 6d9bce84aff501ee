using ScanArchive.Core.Imaging;

namespace ScanArchive.Core.Ocr;

/// <summary>
/// Puts recognized lines in the order a person reads them: forms row by row (label, then its value),
/// real text columns one after the other.
/// </summary>
/// <remarks>
/// Tesseract orders text by its layout blocks. That is right for columns of running text, but on a form it
/// often yields a column of labels followed by a column of values. So a block of paragraph text stays one
/// unit in Tesseract's order, while the lines of every other block are free to join rows; the units are
/// then ordered by a recursive XY-cut: split at the widest horizontal gap (rows, top to bottom), else at the
/// widest vertical gap (left to right).
/// </remarks>
public static class ReadingOrder
{
    /// <summary>Largest median gap between a block's lines, in line heights, for the block to count as running text.</summary>
    private const double ParagraphLineGap = 0.8;

    /// <summary>A word this many times taller than most of its line's words is not text of that line.</summary>
    private const double OutlierHeight = 1.5;

    /// <summary>Median gap between lines, in line heights, below which a block is running text whatever its line widths.</summary>
    private const double TightLineGap = 0.5;

    /// <summary>Share of the widest line's width that most lines of loosely set running text reach.</summary>
    private const double ParagraphLineWidth = 0.6;

    /// <summary>Orders the lines of a page into rows; each row's lines run left to right.</summary>
    public static IReadOnlyList<IReadOnlyList<OcrLine>> Rows(IReadOnlyList<OcrLine> lines)
    {
        var rows = new List<IReadOnlyList<OcrLine>>();
        var usable = lines.Where(l => l.Box.Width > 0 && l.Box.Height > 0).ToList();
        if (usable.Count == 0)
        {
            return rows;
        }

        // Lines standing upright (a page scanned sideways, vertical Chinese): the row logic below assumes
        // horizontal lines, so keep Tesseract's order, which follows the text's own direction.
        if (usable.Count(l => l.Box.Height > l.Box.Width) * 2 > usable.Count)
        {
            rows.AddRange(usable.Select(l => (IReadOnlyList<OcrLine>)[l]));
            return rows;
        }

        var medianHeight = Median(usable.Select(l => (double)TextBand(l).Height));
        var units = new List<Unit>();
        foreach (var block in usable.GroupBy(l => l.Block))
        {
            var blockLines = block.ToList();
            if (IsParagraphText(blockLines, medianHeight))
            {
                units.Add(new Unit(blockLines));
            }
            else
            {
                units.AddRange(blockLines.Select(l => new Unit([l])));
            }
        }

        Split(units, rows);
        return rows;
    }

    /// <summary>The page text in reading order: one line per row, the lines of a row separated by a space.</summary>
    public static string Text(IReadOnlyList<OcrLine> lines) =>
        string.Join('\n', Rows(lines).Select(row => OcrText.JoinWords(row.Select(l => l.Text))));

    private static void Split(List<Unit> region, List<IReadOnlyList<OcrLine>> rows)
    {
        if (region.Count == 1)
        {
            region[0].EmitRows(rows);
            return;
        }

        var horizontal = WidestGap(region, u => u.Box.Y, u => u.Box.Bottom);
        if (horizontal is { } h)
        {
            Split(region.Where(u => u.Box.Bottom <= h).ToList(), rows);
            Split(region.Where(u => u.Box.Bottom > h).ToList(), rows);
            return;
        }

        // One band of vertically overlapping units: a form row (label, value), a line broken into pieces, or
        // side-by-side columns. Read left to right; a side that holds several rows is read whole first.
        var vertical = WidestGap(region, u => u.Box.X, u => u.Box.Right);
        if (vertical is { } v)
        {
            var leftRows = new List<IReadOnlyList<OcrLine>>();
            var rightRows = new List<IReadOnlyList<OcrLine>>();
            Split(region.Where(u => u.Box.Right <= v).ToList(), leftRows);
            Split(region.Where(u => u.Box.Right > v).ToList(), rightRows);
            if (leftRows.Count == 1 && rightRows.Count == 1)
            {
                rows.Add([.. leftRows[0], .. rightRows[0]]);
            }
            else
            {
                rows.AddRange(leftRows);
                rows.AddRange(rightRows);
            }

            return;
        }

        // Units overlap both ways (touching or crossing boxes): top to bottom, left to right.
        foreach (var unit in region.OrderBy(u => u.Box.Y).ThenBy(u => u.Box.X))
        {
            unit.EmitRows(rows);
        }
    }

    /// <summary>
    /// The band a line's text occupies: its full width, but without words far taller than the rest (a photo,
    /// logo or table rule read as a character). One such box would make the line overlap the rows above and
    /// below it, and a form would then be read label column first, value column second.
    /// </summary>
    /// <remarks>
    /// "Far taller" is measured against the 90th percentile of the word heights, not the median: Chinese lines
    /// hold many short "words" (、，一) and, depending on the model, many boxes a little taller than the text;
    /// neither is an outlier.
    /// </remarks>
    public static PixelBox TextBand(OcrLine line)
    {
        if (line.Words.Count < 2)
        {
            return line.Box;
        }

        var heights = line.Words.Select(w => w.Box.Height).Order().ToList();
        var limit = heights[(heights.Count - 1) * 9 / 10] * OutlierHeight;
        var kept = line.Words.Where(w => w.Box.Height <= limit).ToList();
        if (kept.Count == 0)
        {
            return line.Box;
        }

        var band = kept.Aggregate(default(PixelBox), (acc, w) => acc.Union(w.Box));
        return PixelBox.FromEdges(line.Box.X, band.Y, line.Box.Right, band.Bottom);
    }

    /// <summary>A paragraph block (read as Tesseract ordered it) or a single line.</summary>
    private sealed class Unit(List<OcrLine> lines)
    {
        public PixelBox Box { get; } = lines.Aggregate(default(PixelBox), (acc, l) => acc.Union(TextBand(l)));

        public void EmitRows(List<IReadOnlyList<OcrLine>> rows)
        {
            foreach (var line in lines)
            {
                rows.Add([line]);
            }
        }
    }

    /// <summary>
    /// Paragraph text: several lines set close together, as running text is. Form labels and values sit in
    /// table rows spaced well apart, or stand alone. Lines set tightly are text whatever their widths (text
    /// flowing around a picture); lines set more loosely count as text only when most of them are about as wide
    /// as the widest: a stack of values (an ID card: name, sex, date of birth, address) is ragged.
    /// </summary>
    private static bool IsParagraphText(List<OcrLine> lines, double medianHeight)
    {
        if (lines.Count < 3)
        {
            return false;
        }

        var sorted = lines.Select(TextBand).OrderBy(b => b.Y).ToList();
        var gap = Median(sorted.Zip(sorted.Skip(1), (a, b) => (double)(b.Y - a.Bottom)));
        if (gap > medianHeight * ParagraphLineGap)
        {
            return false;
        }

        if (gap <= medianHeight * TightLineGap)
        {
            return true;
        }

        var widest = lines.Max(l => l.Box.Width);
        return lines.Count(l => l.Box.Width >= widest * ParagraphLineWidth) * 3 >= lines.Count * 2;
    }

    /// <summary>The middle of the widest empty band in the projection of the units onto one axis.</summary>
    private static int? WidestGap(List<Unit> region, Func<Unit, int> start, Func<Unit, int> end)
    {
        var spans = region.Select(u => (Start: start(u), End: end(u))).OrderBy(s => s.Start).ToList();
        var reach = spans[0].End;
        (int Start, int Width) best = (0, 0);
        foreach (var span in spans.Skip(1))
        {
            if (span.Start - reach > best.Width)
            {
                best = (reach, span.Start - reach);
            }

            reach = Math.Max(reach, span.End);
        }

        return best.Width > 0 ? best.Start + (best.Width / 2) : null;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
