using ScanArchive.Core.Imaging;

namespace ScanArchive.Extraction.Layout;

/// <summary>Where a label's value is: after it in its cell, in the next cell, below it, and wrapped onto the next rows.</summary>
internal sealed partial class PageFieldFinder
{
    /// <summary>The value tokens for a label, best place first: after it in its cell, else the next cell, and the cell below.</summary>
    private IEnumerable<(ValuePlace Place, IReadOnlyList<LayoutToken> Tokens)> Values(PageLayout page, LabelHit hit, HashSet<(int Row, int Start)> hitStarts)
    {
        var row = hit.Row;
        var cell = hit.Cell;
        var inline = TakeValue(row, hit.End, cell.End, hitStarts);
        if (InRunningText(hit))
        {
            // "passport number E54146402": only the words right after the label, never another cell.
            if (inline.Count > 0)
            {
                yield return (ValuePlace.Inline, inline);
            }

            yield break;
        }

        if (inline.Count > 0)
        {
            yield return (ValuePlace.Inline, inline);

            // Text after the label in its own cell is usually its value; when it is not ("Total Bue (GST incl):   31.00",
            // an OCR-garbled rest of the label) the next cell still may be. Running text has no next cell to offer.
            if (hit.Start != cell.Start)
            {
                yield break;
            }
        }

        var index = IndexOf(row.Cells, cell);

        // A colon printed apart from its label ("TOTAL    :    27.55") stands in a cell of its own: the value is beyond it.
        // So does a speck OCR read as punctuation ("CASH  !  50.00").
        while (index + 2 < row.Cells.Count && Enumerable.Range(row.Cells[index + 1].Start, row.Cells[index + 1].End - row.Cells[index + 1].Start).All(i => IsSeparator(row.Tokens[i])))
        {
            index++;
        }

        if (index + 1 < row.Cells.Count)
        {
            var right = row.Cells[index + 1];
            var gap = right.Box.X - hit.Box.Right;
            // Far enough to cross into another column on a wide form, near enough for a receipt's right-aligned prices.
            if (!IsLabelCell(row, right, hitStarts) && gap < Math.Max(page.Width * 0.45, row.Height * 20))
            {
                var tokens = TakeValue(row, right.Start, right.End, hitStarts);
                if (tokens.Count > 0)
                {
                    yield return (inline.Count > 0 ? ValuePlace.RightAfterText : ValuePlace.Right, tokens);
                }
            }
        }

        if (inline.Count == 0 && Below(page, hit, hitStarts) is { Count: > 0 } below)
        {
            yield return (ValuePlace.Below, below);
        }
    }

    /// <summary>A token that carries no value: a colon, or punctuation alone (a speck, a ruling read as '|' or '!').</summary>
    private static bool IsSeparator(LayoutToken token) =>
        token.IsColon || (token.Text.Length <= 2 && !token.Text.Any(char.IsLetterOrDigit));

    /// <summary>Tokens from <paramref name="start"/> up to the end of the cell or the next label, colons skipped at the start.</summary>
    private static List<LayoutToken> TakeValue(LayoutRow row, int start, int end, HashSet<(int Row, int Start)> hitStarts)
    {
        var tokens = new List<LayoutToken>();
        for (var i = start; i < end; i++)
        {
            var token = row.Tokens[i];
            if (tokens.Count == 0 && token.IsColon)
            {
                continue;
            }

            if (tokens.Count > 0 && hitStarts.Contains((row.Index, i)))
            {
                break;
            }

            tokens.Add(token);
        }

        return tokens;
    }

    private static bool IsLabelCell(LayoutRow row, LayoutCell cell, HashSet<(int Row, int Start)> hitStarts) =>
        hitStarts.Contains((row.Index, cell.Start));

    /// <summary>The value under a label (captions printed above their values, table headers): the nearest row below, in the label's column.</summary>
    private static List<LayoutToken> Below(PageLayout page, LabelHit hit, HashSet<(int Row, int Start)> hitStarts)
    {
        var label = hit.Box;
        var height = Math.Max(hit.Row.Height, 1);
        for (var r = hit.Row.Index + 1; r < page.Rows.Count; r++)
        {
            var row = page.Rows[r];
            if (row.Box.Y - label.Bottom > (hit.Entry is null ? 2 : 4) * height)
            {
                break;
            }

            var column = row.Cells
                .Where(c => Overlaps(c.Box, label, height) || Math.Abs(c.Box.X - label.X) <= 2 * height)
                .OrderBy(c => Math.Abs(c.Box.X - label.X))
                .FirstOrDefault();
            if (column is null)
            {
                continue;
            }

            return IsLabelCell(row, column, hitStarts) ? [] : TakeValue(row, column.Start, column.End, hitStarts);
        }

        return [];
    }

    private static bool Overlaps(PixelBox a, PixelBox b, double slack) =>
        Math.Min(a.Right, b.Right + slack) - Math.Max(a.X, b.X) > 0;

    /// <summary>A value that wraps onto the next rows (a long address): rows close below, starting in the value's column, with no label of their own.</summary>
    private static IReadOnlyList<LayoutToken> Continue(PageLayout page, IReadOnlyList<LayoutToken> value, LabelHit? hit, HashSet<(int Row, int Start)> hitStarts)
    {
        if (value.Count == 0)
        {
            return value;
        }

        var result = value.ToList();
        var left = value[0].Box.X;
        var bottom = LayoutText.Union(value).Bottom;
        var rowIndex = value[^1].Row;
        var height = Math.Max(page.Rows[rowIndex].Height, 1);
        for (var r = rowIndex + 1; r < page.Rows.Count && r <= rowIndex + 3; r++)
        {
            var row = page.Rows[r];
            if (row.Box.Y - bottom > 1.0 * height)
            {
                break;
            }

            var first = row.Cells[0];
            if (Math.Abs(first.Box.X - left) > 1.5 * height || IsLabelCell(row, first, hitStarts) || (hit is not null && first.Box.X < hit.Box.Right))
            {
                break;
            }

            var tokens = TakeValue(row, first.Start, first.End, hitStarts);
            if (tokens.Count == 0)
            {
                break;
            }

            result.AddRange(tokens);
            bottom = row.Box.Bottom;
        }

        return result;
    }
}
