using ScanArchive.Core.Extraction;
using ScanArchive.Extraction.Normalization;

namespace ScanArchive.Extraction.Layout;

/// <summary>Receipt totals: the payment lines (tendered, change) and a total whose figure is unreadable.</summary>
internal sealed partial class PageFieldFinder
{
    /// <summary>
    /// When no total label on the page gave a readable amount ("Total (RM):  Cea)"), the largest amount printed with
    /// cents on the rows just above it or on the row below (the subtotal incl. tax, net + tax) is the total, weighed
    /// low. Payment lines (cash, change) are no candidates: the tender is usually larger than the total.
    /// </summary>
    private FieldCandidate? NearTotal(PageLayout page, List<LabelHit> hits)
    {
        var payment = _dictionary.TenderedLabels.Concat(_dictionary.ChangeLabels).ToHashSet(StringComparer.Ordinal);
        var paymentRows = hits.Where(h => h.Entry is { Key: null } e && payment.Contains(HalfWidth.LabelKey(e.Text))).Select(h => h.Row.Index).ToHashSet();
        FieldCandidate? best = null;
        decimal bestAmount = 0;
        foreach (var hit in hits.Where(h => h.Entry is { Key: FieldKeys.Amount, Fallback: false }))
        {
            var first = Math.Max(0, hit.Row.Index - NearTotalRowsAbove);
            var last = Math.Min(page.Rows.Count - 1, hit.Row.Index + 1);
            for (var r = first; r <= last; r++)
            {
                if (paymentRows.Contains(r))
                {
                    continue;
                }

                var row = page.Rows[r];
                var (text, map) = LayoutText.Join(row.Tokens);
                foreach (var m in AmountNormalizer.Find(text).Where(m => m.HasCents && m.Amount > bestAmount))
                {
                    var weight = LabelWeight(hit.Entry!, hit) * NearTotalWeight;
                    if (Candidate(page, FieldKeys.Amount, TokensOf(row.Tokens, map, m.Index, m.Length), FieldSource.Label, weight, false, hit.Text) is { } candidate)
                    {
                        (best, bestAmount) = (candidate, m.Amount);
                    }
                }
            }
        }

        return best;
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
}
