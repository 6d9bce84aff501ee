using System.Globalization;
using System.Text;

namespace ScanArchive.Extraction.Normalization;

/// <summary>Full-width → half-width conversion and the text keys labels are compared by.</summary>
public static class HalfWidth
{
    /// <summary>
    /// Converts full-width ASCII forms (Ａ１：（ …) and the ideographic space to their half-width forms, and ￥ to ¥.
    /// Chinese characters and CJK punctuation without an ASCII twin (、。《》) are left alone.
    /// </summary>
    public static string Convert(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var mapped = Map(c);
            if (mapped != c)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
            }

            sb?.Append(mapped);
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>One character's half-width form.</summary>
    public static char Map(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        '\uFFE5' => '¥',
        '\u3008' or '\u300A' or '\u3010' or '\u3014' => '(',
        '\u3009' or '\u300B' or '\u3011' or '\u3015' => ')',
        '\u2014' or '\u2013' or '\u2012' or '\u2212' => '-',
        _ => c,
    };

    /// <summary>
    /// The key a printed label is compared by: half-width, case-folded, without whitespace or punctuation
    /// (so <c>客户姓名：</c>, <c>Full Name</c> and <c>FULL NAME</c> compare equal to their dictionary entries).
    /// </summary>
    public static string LabelKey(string text) => Key(text, dropAsides: false);

    /// <summary>Like <see cref="LabelKey"/>, but bracketed asides are dropped (<c>甲方（服务方）</c> → <c>甲方</c>); empty when nothing else is left.</summary>
    public static string LabelKeyWithoutAsides(string text) => Key(text, dropAsides: true);

    private static string Key(string text, bool dropAsides)
    {
        var sb = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var raw in text)
        {
            var c = Map(raw);
            if (c == '(' || c == '[' || c == '{')
            {
                depth++;
                continue;
            }

            if (c == ')' || c == ']' || c == '}')
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (dropAsides && depth > 0)
            {
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || IsPunctuation(category) || category is UnicodeCategory.MathSymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol)
            {
                continue;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static bool IsPunctuation(UnicodeCategory category) => category is
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or
        UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or
        UnicodeCategory.OtherPunctuation;
}
