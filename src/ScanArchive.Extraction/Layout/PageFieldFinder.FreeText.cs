using System.Text.RegularExpressions;
using ScanArchive.Core.Extraction;
using ScanArchive.Extraction.Normalization;

namespace ScanArchive.Extraction.Layout;

/// <summary>Free-text fields found without a label: company names (letterheads, receipt headers) and addresses.</summary>
internal sealed partial class PageFieldFinder
{
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

                var printed = text.Substring(at, suffix.Length);
                var misread = _dictionary.CompanySuffixMisreadings.TryGetValue(printed, out var fixedSuffix);
                var joined = string.Concat(LayoutText.Join(words).Text, " ", misread ? fixedSuffix : printed);
                if (Candidate(page, FieldKeys.CompanyName, all, FieldSource.Shape, top ? 0.85 : 0.6, false, null) is { } c)
                {
                    letterheadFound |= top;
                    var validation = misread ? FieldValidation.Corrected : c.Normalized.Validation;
                    yield return c with { Normalized = c.Normalized with { Value = joined, Validation = validation }, Raw = joined };
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
}
