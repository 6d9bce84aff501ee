using System.Text;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Application.Searching;

/// <summary>
/// Finds a query's words on a page from the stored OCR words, so that a screen can outline them on the image.
/// The index only says which page matched; this re-reads the page's words. Matching ignores case, full/half width,
/// spaces and separators, so a phone or ID number spelled with spaces or dashes (as the CLI accepts it) is found even
/// when the engine split it into several words. Fuzzy terms are matched as written (a near miss is not outlined).
/// </summary>
public static class HitLocator
{
    /// <summary>Latin terms shorter than this are not outlined (they would mark every "a" and "of" on the page).</summary>
    private const int MinLatinTermLength = 2;

    /// <summary>Length of a mainland mobile number with its 86 country code written in front.</summary>
    private const int PhoneWithCountryCodeLength = 13;

    /// <summary>Boxes of the words (or, for Chinese, the characters) that match the query's terms.</summary>
    public static IReadOnlyList<PixelBox> Locate(OcrPage page, string queryText)
    {
        ArgumentNullException.ThrowIfNull(page);
        var terms = Terms(queryText ?? "");
        if (terms.Count == 0)
        {
            return [];
        }

        var boxes = new List<PixelBox>();
        foreach (var line in page.Lines)
        {
            var text = new StringBuilder();
            var map = new List<(int Word, int Char)>();
            for (var w = 0; w < line.Words.Count; w++)
            {
                var word = line.Words[w].Text;
                for (var c = 0; c < word.Length; c++)
                {
                    if (Normalize(word[c]) is { } n)
                    {
                        text.Append(n);
                        map.Add((w, c));
                    }
                }
            }

            var haystack = text.ToString();
            foreach (var term in terms)
            {
                for (var at = haystack.IndexOf(term, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(term, at + term.Length, StringComparison.Ordinal))
                {
                    boxes.AddRange(BoxesOf(line, map, at, term.Length));
                }
            }
        }

        return boxes.Distinct().ToList();
    }

    /// <summary>The terms a query looks for, normalized; excluded words and operators dropped.</summary>
    public static IReadOnlyList<string> Terms(string queryText)
    {
        ArgumentNullException.ThrowIfNull(queryText);
        var raw = new List<string>();
        var excludeNext = false;
        var i = 0;
        while (i < queryText.Length)
        {
            if (char.IsWhiteSpace(queryText[i]))
            {
                i++;
                continue;
            }

            string token;
            var excluded = excludeNext;
            excludeNext = false;
            if (queryText[i] is '"' or '“' or '”')
            {
                var end = queryText.IndexOfAny(['"', '“', '”'], i + 1);
                token = end < 0 ? queryText[(i + 1)..] : queryText[(i + 1)..end];
                i = end < 0 ? queryText.Length : end + 1;
            }
            else
            {
                var end = i;
                while (end < queryText.Length && !char.IsWhiteSpace(queryText[end]))
                {
                    end++;
                }

                token = queryText[i..end];
                i = end;
                if (token is "OR" or "AND")
                {
                    continue;
                }

                if (token == "NOT")
                {
                    excludeNext = true;
                    continue;
                }

                if (token.StartsWith('-') && token.Length > 1)
                {
                    excluded = true;
                }

                var tilde = token.IndexOf('~', StringComparison.Ordinal);
                token = (tilde >= 0 ? token[..tilde] : token).TrimEnd('*');
            }

            if (!excluded)
            {
                raw.Add(token);
            }
        }

        var terms = new List<string>();
        foreach (var token in raw)
        {
            var term = new string(token.Select(Normalize).OfType<char>().ToArray());
            var han = term.Any(IsHan);
            if (term.Length == 0 || (!han && term.Length < MinLatinTermLength))
            {
                continue;
            }

            terms.Add(term);
            if (term.Length == PhoneWithCountryCodeLength && term.StartsWith("86", StringComparison.Ordinal) && term.All(char.IsAsciiDigit))
            {
                terms.Add(term[2..]);
            }
        }

        return terms.Distinct().OrderByDescending(t => t.Length).ToList();
    }

    private static IEnumerable<PixelBox> BoxesOf(OcrLine line, List<(int Word, int Char)> map, int start, int length)
    {
        foreach (var group in map.Skip(start).Take(length).GroupBy(m => m.Word))
        {
            var word = line.Words[group.Key];
            var symbols = word.Symbols;
            if (symbols is not null && symbols.Count == word.Text.Length && word.Text.Any(IsHan))
            {
                // Chinese words are runs of characters: outline only the characters that matched.
                yield return group.Select(m => symbols[m.Char].Box).Aggregate((a, b) => a.Union(b));
            }
            else
            {
                yield return word.Box;
            }
        }
    }

    private static char? Normalize(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }

        return char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : null;
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF';
}
