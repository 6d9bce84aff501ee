using System.Text;
using System.Text.RegularExpressions;

namespace ScanArchive.Search;

/// <summary>
/// Exact-match keys: archive, customer, ID, phone and document numbers reduced to one spelling, so that
/// <c>138 1234 5678</c>, <c>+86-138-1234-5678</c> and <c>13812345678</c> (or an ID with a lower-case <c>x</c>,
/// or full-width digits) are the same key.
/// </summary>
internal static partial class SearchKeys
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>Full-width ASCII (ＡＢＣ１２３) and the ideographic space folded to ASCII; the length is unchanged.</summary>
    public static string FoldWidth(string text)
    {
        var index = text.AsSpan().IndexOfAnyInRange('\uFF01', '\uFF5E');
        if (index < 0 && !text.Contains('\u3000', StringComparison.Ordinal))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    '\u3000' => ' ',
                    _ => c,
                };
            }
        });
    }

    /// <summary>The key of any identifier: width folded, upper-case, letters and digits only.</summary>
    public static string Normalize(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in FoldWidth(value))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>A phone number's key: digits only, without a +86 / 0086 country prefix in front of a mobile number.</summary>
    public static string NormalizePhone(string value)
    {
        var key = Normalize(value);
        if (key.Length == 13 && key.StartsWith("86", StringComparison.Ordinal) && IsMobile(key.AsSpan(2)))
        {
            return key[2..];
        }

        if (key.Length == 15 && key.StartsWith("0086", StringComparison.Ordinal) && IsMobile(key.AsSpan(4)))
        {
            return key[4..];
        }

        return key;
    }

    /// <summary>Keys a word of a query may stand for (empty when it holds no digit and no @).</summary>
    public static IReadOnlyList<string> CandidatesFor(string word)
    {
        if (!word.Any(c => char.IsDigit(c) || c is '@' or '＠'))
        {
            return [];
        }

        var key = Normalize(word);
        if (key.Length < 3)
        {
            return [];
        }

        var phone = NormalizePhone(word);
        return phone == key ? [key] : [key, phone];
    }

    /// <summary>Phone and ID numbers written in <paramref name="text"/> in any spelling: their keys and where they are.</summary>
    public static IEnumerable<(string Key, int Start, int Length)> FindInText(string text)
    {
        var folded = FoldWidth(text);
        foreach (var regex in new[] { IdNumber(), Mobile(), Landline() })
        {
            foreach (Match match in regex.Matches(folded))
            {
                var key = regex == IdNumber() ? Normalize(match.Value) : NormalizePhone(match.Value);
                yield return (key, match.Index, match.Length);
            }
        }
    }

    /// <summary>
    /// <paramref name="text"/> with phone and ID numbers that contain spaces or dashes written as their keys, so that a
    /// query <c>138 1234 5678</c> stays one word.
    /// </summary>
    public static string JoinSpacedNumbers(string text)
    {
        var folded = FoldWidth(text);
        folded = IdNumber().Replace(folded, m => Normalize(m.Value));
        folded = Mobile().Replace(folded, m => NormalizePhone(m.Value));
        return Landline().Replace(folded, m => Normalize(m.Value));
    }

    private static bool IsMobile(ReadOnlySpan<char> digits) =>
        digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9';

    // Mainland resident ID: 6-digit region, 8-digit birth date, 3-digit sequence, check digit or X; spaces/dashes allowed between groups.
    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9]{6}[ \-]?[0-9]{8}[ \-]?[0-9]{3}[0-9Xx](?![0-9A-Za-z])", Options)]
    private static partial Regex IdNumber();

    // Mobile: optional +86 / 0086 / 86, then 1[3-9]x xxxx xxxx with optional spaces or dashes between groups.
    [GeneratedRegex(@"(?<![0-9A-Za-z+])(?:(?:\+|00)?86[ \-]?)?1[3-9][0-9][ \-]?[0-9]{4}[ \-]?[0-9]{4}(?![0-9])", Options)]
    private static partial Regex Mobile();

    // Landline with area code: 010-12345678, (021) 87654321, 0755 1234567.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\(0[0-9]{2,3}\)[ \-]?|0[0-9]{2,3}[ \-])[0-9]{7,8}(?![0-9])", Options)]
    private static partial Regex Landline();
}
