using System.Text.RegularExpressions;
using ScanArchive.Core.Extraction;
using ScanArchive.Extraction.Normalization;

namespace ScanArchive.Extraction.Layout;

/// <summary>Values found by their shape alone (ID numbers, mobiles, e-mails, dates, codes) and amounts written in 大写.</summary>
internal sealed partial class PageFieldFinder
{
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
}
