using ScanArchive.Extraction.Normalization;

namespace ScanArchive.Extraction.Layout;

/// <summary>Label finding: dictionary labels (exact, without asides, one OCR edit away), head-word labels, colon labels and captions.</summary>
internal sealed partial class PageFieldFinder
{
    /// <summary>Labels in a row: dictionary labels (at a cell start, before a colon, or in running text for provable fields), colon labels, captions.</summary>
    internal IEnumerable<LabelHit> FindLabels(LayoutRow row)
    {
        var previousWantsValue = false;
        foreach (var cell in row.Cells)
        {
            var wantsValue = previousWantsValue;
            previousWantsValue = false;
            var found = false;
            var i = cell.Start;
            while (i < cell.End)
            {
                var hit = MatchAt(row, cell, i);
                if (hit is not null && hit.Start != cell.Start && !hit.HasColon)
                {
                    if (wantsValue)
                    {
                        // The cell is the value of the label before it (证件类型 ‖ 居民身份证): a label word inside it is text.
                        hit = null;
                    }
                    else if (!found && hit.End == cell.End && cell.End - cell.Start <= 4)
                    {
                        // "Initiation Date", "Service Date": a short cell ending with a known label is that label, qualified.
                        hit = hit with { Start = cell.Start, Text = LayoutText.Join(row.Tokens.Skip(cell.Start).Take(cell.End - cell.Start).ToList()).Text.TrimEnd(':', ' ') };
                    }
                }

                if (hit is not null)
                {
                    found = true;
                    previousWantsValue = hit.End == cell.End;
                    yield return hit;
                    i = hit.End;
                    continue;
                }

                i++;
            }

            // A label we have no dictionary entry for: text ending with a colon, or a short Chinese caption
            // (unless it stands right after a label still waiting for its value: then it is that value).
            if (!found && GenericLabel(row, cell, captionAllowed: !wantsValue) is { } generic)
            {
                previousWantsValue = generic.HasColon;
                yield return generic;
            }
        }
    }

    private LabelHit? MatchAt(LayoutRow row, LayoutCell cell, int start)
    {
        var tokens = row.Tokens;
        LabelHit? best = null;
        var maxEnd = Math.Min(cell.End, start + 8);
        for (var end = maxEnd; end > start; end--)
        {
            var span = tokens.Skip(start).Take(end - start).ToList();
            var text = LayoutText.Join(span).Text;
            var key = HalfWidth.LabelKey(text);
            if (key.Length == 0 || key.Length > Math.Max(_dictionary.LongestLabel + 4, _dictionary.LongestHeadLabel))
            {
                continue;
            }

            var entry = _dictionary.FindLabel(key);
            if (entry is null)
            {
                var withoutAsides = HalfWidth.LabelKeyWithoutAsides(text);
                if (withoutAsides.Length > 0 && withoutAsides != key)
                {
                    entry = _dictionary.FindLabel(withoutAsides);
                }
            }

            var fuzzy = false;
            if (entry is null && start == cell.Start && (end == cell.End || tokens[end - 1].EndsWithColon))
            {
                entry = FuzzyLabel(key);
                fuzzy = entry is not null;
            }

            if (entry is null && start == cell.Start && StandsAsLabel(tokens, start, end, cell))
            {
                // A label the dictionary does not list (申请人姓名, Name of applicant), understood by its head words.
                entry = _dictionary.FindLabelByHead(text);
            }

            if (entry is null)
            {
                continue;
            }

            var labelEnd = end;
            var hasColon = tokens[end - 1].EndsWithColon;
            if (!hasColon && end < tokens.Count && tokens[end].IsColon)
            {
                hasColon = true;
                labelEnd = end + 1;
            }

            // "Fax no:", "Date of issue:": a known label with a word or two more before its colon is all label.
            if (!hasColon && start == cell.Start)
            {
                for (var m = end; m < Math.Min(cell.End, end + 2); m++)
                {
                    if (tokens[m].EndsWithColon && tokens[m].Text.Any(char.IsLetter))
                    {
                        hasColon = true;
                        labelEnd = m + 1;
                        text = LayoutText.Join(tokens.Skip(start).Take(labelEnd - start).ToList()).Text;
                        break;
                    }
                }
            }

            // A label in the middle of a cell is trusted only before a colon or for a field a validator can prove.
            if (start != cell.Start && !hasColon && !(entry.Key is { } k && StrictKeys.Contains(k)))
            {
                continue;
            }

            best = new LabelHit(row, start, labelEnd, entry, text.TrimEnd(':', ' ', '“', '”', '"'), hasColon, fuzzy);
            break;
        }

        return best;
    }

    /// <summary>
    /// Text at a cell start that can be a whole label: it fills its cell or ends at a colon, and has no colon inside
    /// (else it is "label: value", and the label is a shorter span).
    /// </summary>
    private static bool StandsAsLabel(IReadOnlyList<LayoutToken> tokens, int start, int end, LayoutCell cell)
    {
        var endsAtColon = tokens[end - 1].EndsWithColon || (end < tokens.Count && end < cell.End && tokens[end].IsColon);
        if (!endsAtColon && end != cell.End)
        {
            return false;
        }

        for (var i = start; i < end - 1; i++)
        {
            if (tokens[i].EndsWithColon || tokens[i].IsColon)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A dictionary label one edit away (OCR dropped, added or changed one character); only for labels of 4+ characters.</summary>
    private LabelEntry? FuzzyLabel(string key)
    {
        if (key.Length < 4)
        {
            return null;
        }

        LabelEntry? found = null;
        foreach (var (label, entry) in _dictionary.AllLabels)
        {
            if (label.Length >= 4 && Math.Abs(label.Length - key.Length) <= 1 && EditDistanceAtMostOne(label, key))
            {
                if (found is not null && found.Key != entry.Key)
                {
                    return null;
                }

                found = entry;
            }
        }

        return found;
    }

    private static bool EditDistanceAtMostOne(string a, string b)
    {
        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        var i = 0;
        while (i < a.Length && a[i] == b[i])
        {
            i++;
        }

        return a.Length == b.Length
            ? a.AsSpan(i + Math.Min(1, a.Length - i)).SequenceEqual(b.AsSpan(i + Math.Min(1, b.Length - i)))
            : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }

    /// <summary>A label inside a cell's text without a colon ("passport number E5…", the 身份证 in 居民身份证): trusted only for what follows it.</summary>
    private static bool InRunningText(LabelHit hit) => hit.Start != hit.Cell.Start && !hit.HasColon;

    /// <summary>A label certain enough to end a value and to keep its cell from being a value: a dictionary label or text before a colon.</summary>
    private static bool IsStrong(LabelHit hit) => hit.Entry is not null || hit.HasColon;

    private static LabelHit? GenericLabel(LayoutRow row, LayoutCell cell, bool captionAllowed)
    {
        var tokens = row.Tokens;
        var last = tokens[cell.End - 1];
        var text = LayoutText.Join(tokens.Skip(cell.Start).Take(cell.End - cell.Start).ToList()).Text;
        var bare = text.TrimEnd(':', ' ');
        var letters = bare.Count(char.IsLetter);
        var nonSpace = bare.Count(c => !char.IsWhiteSpace(c));
        if (last.EndsWithColon && letters >= 2 && letters >= 0.6 * nonSpace && bare.Length <= 40 && cell.End - cell.Start <= 5)
        {
            return new LabelHit(row, cell.Start, cell.End, null, bare, true);
        }

        // A short run of Chinese characters standing alone in its cell, as form captions are printed.
        var isCaption = captionAllowed && bare.Length is >= 2 and <= 8 && bare.All(c => c is >= '\u4E00' and <= '\u9FFF');
        if (!isCaption)
        {
            return null;
        }

        var index = IndexOf(row.Cells, cell);
        var hasRight = index + 1 < row.Cells.Count;
        var captionRow = row.Cells.All(c => c.Text.All(ch => ch is >= '\u4E00' and <= '\u9FFF') && c.Text.Length <= 8);
        return hasRight || captionRow ? new LabelHit(row, cell.Start, cell.End, null, bare, false) : null;
    }
}
