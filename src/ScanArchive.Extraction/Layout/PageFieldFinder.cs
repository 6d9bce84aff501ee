using System.Text.RegularExpressions;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Extraction.Normalization;

namespace ScanArchive.Extraction.Layout;

/// <summary>A possible value for a field, with the evidence and a score used to choose among candidates.</summary>
internal sealed record FieldCandidate(
    string Key,
    NormalizedValue Normalized,
    string Raw,
    IReadOnlyList<LayoutToken> Tokens,
    int Page,
    double Score,
    double Confidence,
    FieldSource Source,
    string? Label)
{
    /// <summary>The evidence's box in page-image pixels.</summary>
    public PixelBox Box => LayoutText.PageUnion(Tokens);
}

/// <summary>An amount written in 大写 on a page; <paramref name="Corrected"/> when a look-alike character had to be read as a numeral.</summary>
internal sealed record WrittenAmount(decimal Amount, IReadOnlyList<LayoutToken> Tokens, bool Corrected);

/// <summary>
/// A receipt's payment lines: what was handed over and the change given back. Their difference is what was paid, and
/// <paramref name="Matches"/> are amounts printed on the page that equal it (a total whose label OCR lost);
/// <paramref name="Confidence"/> is the OCR confidence (0–1) of the less certain of the two figures.
/// </summary>
internal sealed record ReceiptPayment(decimal Tendered, decimal Change, double Confidence, IReadOnlyList<FieldCandidate> Matches)
{
    /// <summary>Amount tendered minus change.</summary>
    public decimal Paid => Tendered - Change;
}

/// <summary>What one page yields: field candidates, label/value pairs, and 大写 amounts for cross-checking.</summary>
internal sealed record PageFindings(
    IReadOnlyList<FieldCandidate> Candidates,
    IReadOnlyList<ExtractedPair> Pairs,
    IReadOnlyList<WrittenAmount> ChineseAmounts,
    IReadOnlySet<LayoutToken> LabelTokens,
    IReadOnlySet<string> LabeledKeys,
    ReceiptPayment? Payment = null);

/// <summary>
/// Finds labels and their values on one page by layout (value right of, after, or below its label), and values that
/// carry their own shape anywhere on the page.
/// </summary>
internal sealed partial class PageFieldFinder
{
    /// <summary>Fields whose values a validator can prove, so a label in running text ("passport number E5…") is trusted.</summary>
    private static readonly HashSet<string> StrictKeys =
        [FieldKeys.IdNumber, FieldKeys.Phone, FieldKeys.Email, FieldKeys.DateOfBirth, FieldKeys.DocumentDate, FieldKeys.Amount, FieldKeys.CustomerNo, FieldKeys.DocumentNo, FieldKeys.Gender];

    /// <summary>Free-text fields whose value may continue on the next rows (a wrapped address).</summary>
    private static readonly HashSet<string> MultiLineKeys = [FieldKeys.Address];

    /// <summary>
    /// Least fit (<see cref="NormalizedValue.Quality"/>) of a name or address run on after its label without a colon:
    /// a Chinese name with a known surname, an address with two or more markers and a house number.
    /// </summary>
    private const double InlineFreeTextQuality = 0.95;

    /// <summary>Least OCR confidence (0–1) of a value found by its shape alone.</summary>
    private const double MinShapeConfidence = 0.5;

    /// <summary>Least OCR confidence (0–1) of a value found next to a label.</summary>
    private const double MinLabelConfidence = 0.25;

    private readonly ExtractionDictionary _dictionary;
    private readonly FieldNormalizer _normalizer;

    public PageFieldFinder(ExtractionDictionary dictionary, FieldNormalizer normalizer)
    {
        _dictionary = dictionary;
        _normalizer = normalizer;
    }

    public PageFindings Find(PageLayout page)
    {
        var hits = page.Rows.SelectMany(FindLabels).ToList();

        // Only labels we are sure of (dictionary labels, text before a colon) end a value or stop a cell being one;
        // a short Chinese caption may just as well be a value (a name).
        var hitStarts = hits.Where(IsStrong).Select(h => (h.Row.Index, h.Start)).ToHashSet();
        hitStarts.ExceptWith(hits.Where(InRunningText).Select(h => (h.Row.Index, h.Start)));
        var labelTokens = hits.Where(h => h.Entry is not null).SelectMany(h => h.Tokens).ToHashSet();
        var candidates = new List<FieldCandidate>();
        var pairs = new List<ExtractedPair>();
        var ignored = new HashSet<LayoutToken>();
        var payment = Payment(page, hits, hitStarts);

        foreach (var hit in hits)
        {
            var values = Values(page, hit, hitStarts).ToList();
            if (values.Count > 0)
            {
                // A label inside running text gets a pair only for a value a validator accepts (added with its candidate below).
                var first = values[0];
                if (!InRunningText(hit))
                {
                    var tokens = hit.Entry?.Key is { } k && MultiLineKeys.Contains(k) || hit.Entry is null
                        ? Continue(page, first.Tokens, hit, hitStarts)
                        : first.Tokens;
                    var text = FieldNormalizer.CleanFreeText(LayoutText.Join(tokens).Text);
                    if (text.Length > 0)
                    {
                        pairs.Add(new ExtractedPair(hit.Text, text, LayoutText.Confidence(tokens), page.Number, LayoutText.PageUnion(hit.Tokens), LayoutText.PageUnion(tokens)));
                    }
                }

                if (hit.Entry is { Key: null })
                {
                    // The value of a label we know is not a canonical field (职业, 有效期限, Subtotal) must not be
                    // picked up as a field by its shape (a validity date as the document date).
                    ignored.UnionWith(values.Where(v => v.Place != ValuePlace.Below).SelectMany(v => v.Tokens));
                }
            }

            if (hit.Entry is not { Key: { } key } entry)
            {
                continue;
            }

            foreach (var (place, valueTokens) in values)
            {
                // Text run on after a label without a colon ("CUSTOMER REGISTRATION FORM", "passport number E5…") is a value
                // only when a validator proves it.
                var validatedOnly = place == ValuePlace.Inline && !hit.HasColon;
                // A label opening its cell with the value close behind (an ID card's 姓名 何斌建, 住址 浙江省…) is no running
                // text: a name with a known surname or an address with street markers and a number is taken there too.
                var minQuality = 0.0;
                if (validatedOnly && !InRunningText(hit) && key is FieldKeys.CustomerName or FieldKeys.Address)
                {
                    validatedOnly = false;
                    minQuality = InlineFreeTextQuality;
                }

                var tokens = MultiLineKeys.Contains(key) ? Continue(page, valueTokens, hit, hitStarts) : valueTokens;
                // Of several totals, the last one printed is the one to pay (after discounts, tax and rounding).
                var position = key == FieldKeys.Amount ? 0.9 + (0.1 * hit.Box.Y / Math.Max(1, page.Height)) : 1.0;
                if (key == FieldKeys.Amount && payment is { TenderRow: var tenderRow } && hit.Row.Index > tenderRow)
                {
                    // The total to pay comes before the payment lines; a "TOTAL" after them sums a tax summary table.
                    position *= 0.85;
                }

                if (Candidate(page, key, tokens, FieldSource.Label, LabelWeight(entry, hit) * PlaceWeight(place, hit) * position, validatedOnly, hit.Text) is { } candidate &&
                    candidate.Normalized.Quality >= minQuality)
                {
                    candidates.Add(candidate);
                    if (validatedOnly && hit.Start != hit.Cell.Start)
                    {
                        pairs.Add(new ExtractedPair(hit.Text, candidate.Raw, LayoutText.Confidence(candidate.Tokens), page.Number, LayoutText.PageUnion(hit.Tokens), candidate.Box));
                    }
                }
            }
        }

        var blocked = new HashSet<LayoutToken>(labelTokens);
        blocked.UnionWith(ignored);
        candidates.AddRange(Shapes(page, blocked));
        var chinese = ChineseAmounts(page).ToList();
        var labeledKeys = hits.Where(h => h.Entry?.Key is not null && !h.Entry.Fallback).Select(h => h.Entry!.Key!).ToHashSet(StringComparer.Ordinal);
        return new PageFindings(candidates, Dedupe(pairs), chinese, labelTokens, labeledKeys, payment?.Payment);
    }

    /// <summary>
    /// The receipt's amount tendered and change (the first of each, the change below the tender), and the amounts
    /// printed on unlabelled or subtotal rows above the change that equal their difference.
    /// </summary>
    private (ReceiptPayment? Payment, int TenderRow)? Payment(PageLayout page, List<LabelHit> hits, HashSet<(int Row, int Start)> hitStarts)
    {
        (decimal Amount, int Row, double Confidence)? AmountAfter(LabelHit hit)
        {
            foreach (var (_, tokens) in Values(page, hit, hitStarts).Take(2))
            {
                var (text, map) = LayoutText.Join(tokens);
                if (AmountNormalizer.Find(text).FirstOrDefault(m => m.HasCents) is { Length: > 0 } m)
                {
                    return (m.Amount, hit.Row.Index, LayoutText.Confidence(TokensOf(tokens.ToList(), map, m.Index, m.Length)));
                }
            }

            return null;
        }

        bool Is(LabelHit hit, IReadOnlySet<string> labels) => hit.Entry is { Key: null } e && labels.Contains(HalfWidth.LabelKey(e.Text));

        var tendered = hits.Where(h => Is(h, _dictionary.TenderedLabels)).Select(AmountAfter).FirstOrDefault(a => a is not null);
        if (tendered is not { } t)
        {
            return null;
        }

        var change = hits.Where(h => Is(h, _dictionary.ChangeLabels) && h.Row.Index >= t.Row).Select(AmountAfter).FirstOrDefault(a => a is not null);
        if (change is not { } c || c.Amount >= t.Amount || c.Amount < 0)
        {
            // Without a readable change the paid amount is unknown, but the payment lines still mark where the total ends.
            return (null, t.Row);
        }

        var paid = t.Amount - c.Amount;
        var labelledRows = hits.Where(h => h.Entry is not null).GroupBy(h => h.Row.Index).ToDictionary(g => g.Key, g => g.ToList());
        var matches = new List<FieldCandidate>();
        foreach (var row in page.Rows.Where(r => r.Index < c.Row))
        {
            if (labelledRows.TryGetValue(row.Index, out var labels) && !labels.All(h => Is(h, _dictionary.SubtotalLabels)))
            {
                continue;
            }

            var (text, map) = LayoutText.Join(row.Tokens);
            foreach (var m in AmountNormalizer.Find(text).Where(m => m.HasCents && m.Amount == paid))
            {
                // Agreeing with the payment is the evidence here, so a figure the engine was unsure of still counts.
                if (Candidate(page, FieldKeys.Amount, TokensOf(row.Tokens, map, m.Index, m.Length), FieldSource.Shape, 0.6, false, null, MinLabelConfidence) is { } candidate)
                {
                    matches.Add(candidate);
                }
            }
        }

        // Nearest above the payment lines first: an item line may carry the same figure.
        matches.Sort((a, b) => b.Box.Y.CompareTo(a.Box.Y));
        return (new ReceiptPayment(t.Amount, c.Amount, Math.Min(t.Confidence, c.Confidence), matches), t.Row);
    }

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
            if (key.Length == 0 || key.Length > _dictionary.LongestLabel + 4)
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

    private static int IndexOf(IReadOnlyList<LayoutCell> cells, LayoutCell cell)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Start == cell.Start)
            {
                return i;
            }
        }

        return -1;
    }

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
        while (index + 2 < row.Cells.Count && Enumerable.Range(row.Cells[index + 1].Start, row.Cells[index + 1].End - row.Cells[index + 1].Start).All(i => row.Tokens[i].IsColon))
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

    private static double PlaceWeight(ValuePlace place, LabelHit hit) => place switch
    {
        ValuePlace.Inline => hit.HasColon || hit.Start == hit.Cell.Start ? 1.0 : 0.9,
        ValuePlace.Right => 1.0,
        ValuePlace.RightAfterText => 0.9,
        _ => 0.85,
    };

    private static double LabelWeight(LabelEntry entry, LabelHit hit) => entry.Weight * (hit.Fuzzy ? 0.85 : 1.0);

    /// <summary>Builds a candidate from tokens if the field's normalizer accepts their text.</summary>
    private FieldCandidate? Candidate(PageLayout page, string key, IReadOnlyList<LayoutToken> tokens, FieldSource source, double weight, bool validatedOnly, string? label, double? minConfidence = null)
    {
        if (tokens.Count == 0)
        {
            return null;
        }

        var (text, map) = LayoutText.Join(tokens);
        var normalized = _normalizer.Normalize(key, text, validatedOnly);
        if (normalized is null || normalized.Length <= 0)
        {
            return null;
        }

        var firstToken = map[Math.Clamp(normalized.Index, 0, map.Length - 1)];
        var lastToken = map[Math.Clamp(normalized.Index + normalized.Length - 1, 0, map.Length - 1)];
        var used = tokens.Skip(firstToken).Take(lastToken - firstToken + 1).ToList();
        var raw = text.Substring(normalized.Index, Math.Min(normalized.Length, text.Length - normalized.Index)).Trim();
        var ocr = LayoutText.Confidence(used);

        // Text the engine barely read (a page upside down, a smudge) yields amounts and free text by chance; a date,
        // ID number, phone or e-mail that passes its validator is evidence whatever the engine's confidence.
        var proven = normalized.Validation is FieldValidation.Valid or FieldValidation.Corrected && key != FieldKeys.Amount;
        if (ocr < (minConfidence ?? (source != FieldSource.Shape ? MinLabelConfidence : proven ? 0 : MinShapeConfidence)))
        {
            return null;
        }

        var validation = normalized.Validation switch
        {
            FieldValidation.Valid => 1.0,
            FieldValidation.Corrected => 0.85,
            FieldValidation.Conflict => 0.5,
            _ => 0.9,
        };
        var confidence = Math.Clamp(ocr * validation * normalized.Quality * Math.Min(1, weight), 0, 1);
        var score = weight * validation * normalized.Quality * (0.5 + (0.5 * ocr));
        return new FieldCandidate(key, normalized, raw, used, page.Number, score, confidence, source, label);
    }

    /// <summary>Values found by their own shape, without a label.</summary>
    private IEnumerable<FieldCandidate> Shapes(PageLayout page, HashSet<LayoutToken> blocked)
    {
        var pageHeight = Math.Max(page.Height, 1);
        foreach (var row in page.Rows)
        {
            var usable = row.Tokens.Where(t => !blocked.Contains(t)).ToList();
            if (usable.Count == 0)
            {
                continue;
            }

            // Earlier on the page is a little more likely (letterheads, document dates at the top).
            var position = 1 - (0.1 * row.Box.Y / pageHeight);
            foreach (var run in Runs(row, blocked))
            {
                var (text, map) = LayoutText.Join(run);
                foreach (var candidate in ShapesIn(page, run, text, map, position))
                {
                    yield return candidate;
                }
            }
        }

        foreach (var candidate in Companies(page, blocked))
        {
            yield return candidate;
        }

        foreach (var candidate in Addresses(page, blocked))
        {
            yield return candidate;
        }

        foreach (var candidate in AddressesInRunningText(page, blocked))
        {
            yield return candidate;
        }
    }

    /// <summary>Consecutive unblocked tokens of a row within one cell.</summary>
    private static IEnumerable<List<LayoutToken>> Runs(LayoutRow row, HashSet<LayoutToken> blocked)
    {
        foreach (var cell in row.Cells)
        {
            var run = new List<LayoutToken>();
            for (var i = cell.Start; i < cell.End; i++)
            {
                var token = row.Tokens[i];
                if (blocked.Contains(token))
                {
                    if (run.Count > 0)
                    {
                        yield return run;
                    }

                    run = [];
                    continue;
                }

                run.Add(token);
            }

            if (run.Count > 0)
            {
                yield return run;
            }
        }
    }

    private IEnumerable<FieldCandidate> ShapesIn(PageLayout page, List<LayoutToken> run, string text, int[] map, double position)
    {
        FieldCandidate? Make(string key, int index, int length, double weight, bool validatedOnly = true)
        {
            var first = map[index];
            var last = map[Math.Min(index + length - 1, map.Length - 1)];
            var tokens = run.Skip(first).Take(last - first + 1).ToList();
            var sub = text.Substring(index, length);
            return Candidate(page, key, tokens, FieldSource.Shape, weight * position, validatedOnly, null) is { } c
                && c.Normalized.Length >= sub.Trim().Length - 2
                ? c
                : null;
        }

        foreach (Match m in IdShape().Matches(text))
        {
            if (Make(FieldKeys.IdNumber, m.Index, m.Length, 0.9) is { } c)
            {
                yield return c;
            }
        }

        foreach (Match m in MobileShape().Matches(text))
        {
            if (Make(FieldKeys.Phone, m.Index, m.Length, 0.75) is { } c && c.Normalized.Validation == FieldValidation.Valid)
            {
                yield return c;
            }
        }

        foreach (var (index, length) in EmailAddresses.Find(text))
        {
            if (Make(FieldKeys.Email, index, length, 0.85) is { } c)
            {
                yield return c;
            }
        }

        foreach (var date in DateNormalizer.Find(text))
        {
            if (Make(FieldKeys.DocumentDate, date.Index, date.Length, 0.5) is { } c)
            {
                yield return c;
            }
        }

        foreach (var amount in AmountNormalizer.Find(text))
        {
            // Without a label only money-marked amounts count; the larger, the likelier the total.
            if (amount.HasCurrency && amount.Amount > 0 && Make(FieldKeys.Amount, amount.Index, amount.Length, 0.35 + (0.05 * Math.Log10((double)amount.Amount + 1))) is { } c)
            {
                yield return c;
            }
        }

        foreach (Match m in CodeShape().Matches(text))
        {
            var code = m.Value.ToUpperInvariant();
            if (_normalizer.IsKnownCustomerNo(code) && Make(FieldKeys.CustomerNo, m.Index, m.Length, 0.8) is { } c)
            {
                yield return c;
            }
        }
    }

    /// <summary>Company names: letterheads and names ending in a company suffix (有限公司, 银行, Ltd., SDN BHD …).</summary>
    private IEnumerable<FieldCandidate> Companies(PageLayout page, HashSet<LayoutToken> blocked)
    {
        var pageHeight = Math.Max(page.Height, 1);
        var titleWords = _dictionary.DocumentTypes.SelectMany(t => t.Titles.Keys).ToList();
        var letterheadFound = false;
        for (var r = 0; r < page.Rows.Count; r++)
        {
            var row = page.Rows[r];
            var top = row.Box.Y < pageHeight * 0.2 || r < 3;
            var (text, map) = LayoutText.Join(row.Tokens);

            // Chinese: the run of Chinese characters that ends with the suffix, without a leading preposition.
            foreach (Match m in HanRun().Matches(text))
            {
                var name = m.Value;
                var suffix = _dictionary.CompanySuffixesZh.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal) || name.Contains(s, StringComparison.Ordinal));
                if (suffix is null)
                {
                    continue;
                }

                var end = name.LastIndexOf(suffix, StringComparison.Ordinal) + suffix.Length;
                var start = 0;
                foreach (var lead in _dictionary.CompanyLeadingWords)
                {
                    var at = name.LastIndexOf(lead, end - suffix.Length, StringComparison.Ordinal);
                    if (at >= 0 && at + lead.Length > start && at + lead.Length < end - suffix.Length)
                    {
                        start = at + lead.Length;
                    }
                }

                var length = end - start;
                if (length - suffix.Length < 2 || length > 24 || (!top && text.Length > 30))
                {
                    continue;
                }

                var tokens = TokensOf(row.Tokens, map, m.Index + start, length);
                if (tokens.Any(blocked.Contains))
                {
                    continue;
                }

                if (Candidate(page, FieldKeys.CompanyName, tokens, FieldSource.Shape, top ? 0.85 : 0.6, false, null) is { } c)
                {
                    letterheadFound |= top;
                    yield return c with { Normalized = c.Normalized with { Value = name[start..end] }, Raw = name[start..end] };
                }
            }

            // English: capitalized words before the suffix, possibly starting on the row above. Of several suffixes
            // ("Northbridge Trading Ltd."), the one ending furthest right ends the name.
            var suffixes = _dictionary.CompanySuffixesEn
                .Select(sfx => (Suffix: sfx, At: FindWord(text, sfx)))
                .Where(x => x.At >= 0)
                .OrderByDescending(x => x.At + x.Suffix.Length)
                .ThenByDescending(x => x.Suffix.Length)
                .Take(1)
                .ToList();
            foreach (var (suffix, at) in suffixes)
            {
                var suffixTokens = TokensOf(row.Tokens, map, at, suffix.Length);
                var words = new List<LayoutToken>();
                var firstIndex = suffixTokens[0].Index;
                for (var i = firstIndex - 1; i >= 0 && words.Count < 7; i--)
                {
                    if (!IsNameWord(row.Tokens[i].Text))
                    {
                        break;
                    }

                    words.Insert(0, row.Tokens[i]);
                }

                // "Crestline Technical / Services Ltd." and "MPH BOOKSTORES / SDN BHD": a name broken over two rows.
                if ((words.Count == 0 ? firstIndex == 0 : words[0].Index == 0) && words.Count < 2 && r > 0)
                {
                    var above = page.Rows[r - 1];
                    if (row.Box.Y - above.Box.Bottom < row.Height * 1.2)
                    {
                        for (var i = above.Tokens.Count - 1; i >= 0 && words.Count < 7; i--)
                        {
                            if (!IsNameWord(above.Tokens[i].Text))
                            {
                                break;
                            }

                            words.Insert(0, above.Tokens[i]);
                        }
                    }
                }

                if (words.Count == 0)
                {
                    continue;
                }

                var all = words.Concat(suffixTokens).ToList();
                if (all.Any(blocked.Contains))
                {
                    continue;
                }

                var joined = string.Concat(LayoutText.Join(words).Text, " ", text.AsSpan(at, suffix.Length));
                if (Candidate(page, FieldKeys.CompanyName, all, FieldSource.Shape, top ? 0.85 : 0.6, false, null) is { } c)
                {
                    letterheadFound |= top;
                    yield return c with { Normalized = c.Normalized with { Value = joined }, Raw = joined };
                }
            }
        }

        if (letterheadFound)
        {
            yield break;
        }

        // No suffix anywhere at the top: the first clear line of letters is usually the issuer (a receipt's shop).
        foreach (var row in page.Rows.Take(8))
        {
            if (row.Box.Y > pageHeight * 0.25)
            {
                break;
            }

            if (row.Tokens.Any(t => char.IsLower(t.Text[0])))
            {
                continue;
            }

            var text = FieldNormalizer.CleanFreeText(row.Text);
            var letters = text.Count(char.IsLetter);
            var nonSpace = text.Count(c => !char.IsWhiteSpace(c));
            var key = HalfWidth.LabelKey(text);
            if (letters < 4 || letters < 0.6 * nonSpace || LayoutText.Confidence(row.Tokens) < 0.6 || row.Tokens.Any(blocked.Contains) ||
                titleWords.Any(t => key.Contains(t, StringComparison.Ordinal)) || row.Tokens.Count > 8)
            {
                continue;
            }

            if (Candidate(page, FieldKeys.CompanyName, row.Tokens, FieldSource.Shape, 0.45, false, null) is { } c)
            {
                yield return c;
            }

            yield break;
        }
    }

    /// <summary>Where a suffix occurs as whole words (not inside a longer word); short all-capital suffixes (BHD) must match case.</summary>
    private static int FindWord(string text, string suffix)
    {
        var comparison = suffix.Length <= 3 ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        for (var at = text.IndexOf(suffix, comparison); at >= 0; at = text.IndexOf(suffix, at + 1, comparison))
        {
            var end = at + suffix.Length;
            if ((end == text.Length || !char.IsLetter(text[end])) && (at == 0 || !char.IsLetter(text[at - 1])))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>A word that can be part of a company name: capitalized, '&amp;', or a bracketed capitalized word such as (PJ); not a logo mark like (A), not a number.</summary>
    private static bool IsNameWord(string word)
    {
        var bare = word.Trim('(', ')');
        return bare.Length > 0 && (char.IsUpper(bare[0]) || bare[0] == '&') && !word.EndsWith(',') &&
               !word.Any(c => c is '"' or '“' or '”' || char.IsAsciiDigit(c)) &&
               (!word.Contains('(', StringComparison.Ordinal) || bare.Count(char.IsLetter) >= 2);
    }

    /// <summary>Addresses recognized by their markers (省市区路号, Road/Jalan + postcode), with the rows they wrap onto.</summary>
    private IEnumerable<FieldCandidate> Addresses(PageLayout page, HashSet<LayoutToken> blocked)
    {
        var consumed = new HashSet<int>();
        for (var r = 0; r < page.Rows.Count; r++)
        {
            var row = page.Rows[r];
            if (consumed.Contains(r) || !CanBeAddressRow(page, r, blocked))
            {
                continue;
            }

            foreach (var run in Runs(row, blocked))
            {
                var text = LayoutText.Join(run).Text;

                // Running text mentions addresses in passing; a form value or a letterhead line stands alone.
                if (run.Count > 12 || text.Length < 6 || IsParagraphTail(page, r) || _normalizer.AddressScore(text) < 0.5)
                {
                    continue;
                }

                var tokens = new List<LayoutToken>(run);
                var last = r;
                for (var next = r + 1; next < page.Rows.Count && next <= r + 4; next++)
                {
                    if (!CanBeAddressRow(page, next, blocked) || page.Rows[next].Box.Y - page.Rows[last].Box.Bottom > 1.0 * Math.Max(row.Height, 1))
                    {
                        break;
                    }

                    // A row that is no address by itself ("Kelana Jaya,") still belongs when an address row follows it.
                    var belongs = _normalizer.AddressScore(page.Rows[next].Text) >= 0.3 ||
                                  (page.Rows[next].Tokens.Count <= 4 && next + 1 < page.Rows.Count && CanBeAddressRow(page, next + 1, blocked) &&
                                   page.Rows[next + 1].Box.Y - page.Rows[next].Box.Bottom <= Math.Max(row.Height, 1) &&
                                   _normalizer.AddressScore(page.Rows[next + 1].Text) >= 0.3);
                    if (!belongs)
                    {
                        break;
                    }

                    tokens.AddRange(page.Rows[next].Tokens);
                    consumed.Add(next);
                    last = next;
                }

                var score = _normalizer.AddressScore(LayoutText.Join(tokens).Text);
                if (Candidate(page, FieldKeys.Address, tokens, FieldSource.Shape, 0.55 * score, false, null) is { } c)
                {
                    yield return c;
                }
            }
        }
    }

    /// <summary>
    /// An address written into a sentence ("… customer number KH20264693, of Room 1402, 189 Jianguo Road, Chaoyang
    /// District, Beijing 100022 (the …"), possibly over a line break: from a postcode back over capitalized words and
    /// numbers to where the address starts (a number or a word such as Room/Unit/Lot), and on over the town after the
    /// postcode. Only in running text, which the row-by-row search above leaves alone.
    /// </summary>
    private IEnumerable<FieldCandidate> AddressesInRunningText(PageLayout page, HashSet<LayoutToken> blocked)
    {
        var tokens = page.Rows.SelectMany(r => r.Tokens).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!PostcodeWord().IsMatch(tokens[i].Text) || blocked.Contains(tokens[i]))
            {
                continue;
            }

            var first = i;
            for (var j = i - 1; j >= 0 && i - j <= 14 && IsAddressWord(tokens[j].Text) && !blocked.Contains(tokens[j]) && Adjacent(page, tokens[j], tokens[j + 1]); j--)
            {
                first = j;
            }

            // Names and other capitalized words may stand before the address: it starts at its first number or unit word.
            while (first < i && !StartsAddress(tokens[first].Text))
            {
                first++;
            }

            var last = i;
            if (!tokens[i].Text.EndsWith('.') && !tokens[i].Text.EndsWith(','))
            {
                for (var j = i + 1; j < tokens.Count && j <= i + 3 && !blocked.Contains(tokens[j]) && Adjacent(page, tokens[j - 1], tokens[j]) &&
                                    tokens[j].Text.Length > 0 && char.IsUpper(tokens[j].Text[0]); j++)
                {
                    last = j;
                    if (tokens[j].Text[^1] is '.' or ',' or ';')
                    {
                        break;
                    }
                }
            }

            var span = tokens.Skip(first).Take(last - first + 1).ToList();
            var rows = span.Select(t => t.Row).Distinct().ToList();
            if (span.Count < 4 || !rows.Any(r => page.Rows[r].Tokens.Count >= 8))
            {
                continue;
            }

            var text = FieldNormalizer.CleanFreeText(LayoutText.Join(span).Text).TrimEnd('.', ',', ';');
            var score = _normalizer.AddressScore(text);
            if (score >= 0.8 && Candidate(page, FieldKeys.Address, span, FieldSource.Shape, 0.45 * score, false, null) is { } c)
            {
                yield return c with { Normalized = c.Normalized with { Value = text } };
            }
        }

        bool StartsAddress(string word)
        {
            var bare = word.Trim(',', '.', ';').ToLowerInvariant();
            return bare.Length > 0 && (char.IsAsciiDigit(bare[0]) || _dictionary.AddressMarkersEn.Contains(bare) || bare is "no" or "lot" or "level" or "block" or "flat" or "apt");
        }
    }

    /// <summary>A word an address in a sentence is made of: capitalized or a number, not the end of a sentence or an aside.</summary>
    private static bool IsAddressWord(string word)
    {
        if (word.Length == 0 || !(char.IsUpper(word[0]) || char.IsAsciiDigit(word[0])) || word[^1] is ')' or ':' || word.Contains('"', StringComparison.Ordinal))
        {
            return false;
        }

        // "Ltd." ends a sentence or a name; "No." and "Rd." do not.
        return !word.EndsWith('.') || word.Length <= 4;
    }

    /// <summary>True when <paramref name="b"/> follows <paramref name="a"/> on the same row or at the start of the row right below.</summary>
    private static bool Adjacent(PageLayout page, LayoutToken a, LayoutToken b)
    {
        if (a.Row == b.Row)
        {
            return true;
        }

        var upper = page.Rows[a.Row];
        var lower = page.Rows[b.Row];
        return b.Row == a.Row + 1 && lower.Tokens[0] == b && upper.Tokens[^1] == a && lower.Box.Y - upper.Box.Bottom < 1.2 * Math.Max(upper.Height, 1);
    }

    /// <summary>A row that may hold (part of) an address: no known label in it, not long running text, not a company line.</summary>
    private bool CanBeAddressRow(PageLayout page, int r, HashSet<LayoutToken> blocked)
    {
        var row = page.Rows[r];
        return !row.Tokens.Any(blocked.Contains) && row.Tokens.Count <= 12 && _normalizer.CompanySuffix(FieldNormalizer.CleanFreeText(TrimRegistration(row.Text))) is null;
    }

    /// <summary>"Elitetrax Marketing Sdn Bhd (616227-D)" → without the trailing registration number in brackets.</summary>
    private static string TrimRegistration(string text)
    {
        var open = text.LastIndexOf('(');
        return open > 0 && text.TrimEnd().EndsWith(')') ? text[..open] : text;
    }

    /// <summary>True for a row that ends a paragraph: right under a line of running text that spans most of the page.</summary>
    private static bool IsParagraphTail(PageLayout page, int r)
    {
        if (r == 0)
        {
            return false;
        }

        var above = page.Rows[r - 1];
        var row = page.Rows[r];
        return row.Box.Y - above.Box.Bottom < row.Height * 1.2 && above.Box.Width > page.Width * 0.55 && above.Tokens.Count >= 8;
    }

    /// <summary>
    /// 大写 amounts on the page, with readings that needed a look-alike fixed (<see cref="WrittenAmount.Corrected"/>).
    /// An amount broken over two rows (…肆佰捌 / 拾元整) is read across the break.
    /// </summary>
    private static IEnumerable<WrittenAmount> ChineseAmounts(PageLayout page)
    {
        for (var r = 0; r < page.Rows.Count; r++)
        {
            var row = page.Rows[r];
            var (text, map) = LayoutText.Join(row.Tokens);
            foreach (var (index, length, amount, corrected) in ChineseAmount.FindTolerant(text))
            {
                yield return new WrittenAmount(amount, TokensOf(row.Tokens, map, index, length), corrected);
            }

            if (r + 1 >= page.Rows.Count)
            {
                continue;
            }

            // Only a run of numerals at the end of this row meeting a run at the start of the next is joined.
            var next = page.Rows[r + 1];
            var (nextText, nextMap) = LayoutText.Join(next.Tokens);
            var tail = text.TrimEnd();
            var head = nextText.TrimStart();
            if (tail.Length == 0 || head.Length == 0 || !ChineseAmount.IsWrittenAmountChar(ChineseAmount.FixLookAlikes(tail)[^1]) ||
                !ChineseAmount.IsWrittenAmountChar(ChineseAmount.FixLookAlikes(head)[0]) || next.Box.Y - row.Box.Bottom > 1.5 * Math.Max(row.Height, 1))
            {
                continue;
            }

            var headStart = nextText.Length - head.Length;
            var joined = tail + head;
            foreach (var (index, length, amount, corrected) in ChineseAmount.FindTolerant(joined))
            {
                if (index < tail.Length && index + length > tail.Length)
                {
                    var tokens = TokensOf(row.Tokens, map, index, tail.Length - index)
                        .Concat(TokensOf(next.Tokens, nextMap, headStart, index + length - tail.Length))
                        .ToList();
                    yield return new WrittenAmount(amount, tokens, corrected);
                }
            }
        }
    }

    private static List<LayoutToken> TokensOf(List<LayoutToken> tokens, int[] map, int index, int length)
    {
        var first = map[Math.Clamp(index, 0, map.Length - 1)];
        var last = map[Math.Clamp(index + length - 1, 0, map.Length - 1)];
        return tokens.Skip(first).Take(last - first + 1).ToList();
    }

    private static List<ExtractedPair> Dedupe(List<ExtractedPair> pairs) =>
        pairs.GroupBy(p => (p.Page, p.LabelBox)).Select(g => g.First()).ToList();

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9](?:\s?[0-9OoIlSB]){16}\s?[0-9XxKk](?![0-9A-Za-z])")]
    private static partial Regex IdShape();

    [GeneratedRegex(@"(?<![\d])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?![\d])")]
    private static partial Regex MobileShape();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]{1,4}\d{4,20}(?![A-Za-z0-9])")]
    private static partial Regex CodeShape();

    [GeneratedRegex(@"^\(?\d{5,6}[.,;)]?$")]
    private static partial Regex PostcodeWord();

    [GeneratedRegex(@"[\u4E00-\u9FFF]{3,40}")]
    private static partial Regex HanRun();
}
