using ScanArchive.Core.Extraction;
using ScanArchive.Extraction.Normalization;

namespace ScanArchive.Extraction.Layout;

/// <summary>A receipt's total when the figure beside its label is unreadable.</summary>
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
}
