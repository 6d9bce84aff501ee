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
