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

    /// <summary>Rows above a total label searched for its amount when its own value is unreadable (net, tax, subtotal lines).</summary>
    private const int NearTotalRowsAbove = 3;

    /// <summary>Weight of an amount taken near a total label rather than beside it.</summary>
    private const double NearTotalWeight = 0.5;

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

        if (!candidates.Any(c => c.Key == FieldKeys.Amount) && NearTotal(page, hits) is { } near)
        {
            candidates.Add(near);
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
