using System.Globalization;
using System.Text.RegularExpressions;

namespace ScanArchive.Extraction.Normalization;

/// <summary>An amount found in text.</summary>
/// <param name="Index">Where its text starts (currency sign included).</param>
/// <param name="Length">Length of its text.</param>
/// <param name="Amount">The value.</param>
/// <param name="HasCurrency">True when a currency sign, code or 元 marks it as money.</param>
/// <param name="HasCents">True when it was printed with decimals (<c>1,234.50</c>).</param>
public readonly record struct AmountMatch(int Index, int Length, decimal Amount, bool HasCurrency, bool HasCents);

/// <summary>
/// Money amounts as printed: <c>¥12,345.00</c>, <c>12345元</c>, <c>CNY 76,175.00</c>, <c>RM43.40</c>, <c>26,00</c>
/// (decimal comma), <c>人民币37,480.00元</c>. Normalized to a plain decimal with two places (<c>12345.00</c>).
/// </summary>
public static partial class AmountNormalizer
{
    /// <summary>Formats an amount as the schema wants it: plain, two decimals, invariant (<c>12345.00</c>).</summary>
    public static string Format(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// True when <paramref name="read"/> equals <paramref name="expected"/> but for one more leading digit: a currency
    /// sign read as a digit (¥37,480.00 → 837,480.00). Only meaningful against an independent reading (大写).
    /// </summary>
    public static bool IsCurrencySignMisread(decimal read, decimal expected)
    {
        if (expected < 1 || read <= expected)
        {
            return false;
        }

        var readText = Format(read);
        var expectedText = Format(expected);
        return readText.Length == expectedText.Length + 1 && readText.AsSpan(1).SequenceEqual(expectedText);
    }

    /// <summary>True when two formatted amounts have the same length and differ in exactly one digit (35.00 and 35.80): one OCR misreading apart.</summary>
    public static bool DiffersInOneCharacter(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Length == b.Length && Enumerable.Range(0, a.Length).Count(i => a[i] != b[i]) == 1 &&
               Enumerable.Range(0, a.Length).All(i => a[i] == b[i] || (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[i])));
    }

    /// <summary>Reads an amount that is the whole of <paramref name="text"/> (currency marks and a trailing 元/整 allowed).</summary>
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var half = HalfWidth.Convert(text).Trim().TrimEnd('.', ',', ';', ':').Trim();
        var found = Find(half);
        if (found.Count != 1)
        {
            return false;
        }

        var m = found[0];
        var rest = half.Remove(m.Index, m.Length).Trim();
        if (rest.Length > 0)
        {
            return false;
        }

        amount = m.Amount;
        return true;
    }

    /// <summary>Every amount in a text, left to right.</summary>
    public static IReadOnlyList<AmountMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var half = HalfWidth.Convert(text);
        var found = new List<AmountMatch>();
        foreach (Match m in Shape().Matches(half))
        {
            var number = m.Groups["num"].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
            var hasCents = false;
            if (DecimalComma().IsMatch(number))
            {
                // "26,00": a decimal comma, not a thousands separator (which is followed by three digits).
                number = number.Replace(',', '.');
                hasCents = true;
            }
            else
            {
                hasCents = number.Contains('.', StringComparison.Ordinal);
                number = number.Replace(",", string.Empty, StringComparison.Ordinal);
            }

            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var hasCurrency = m.Groups["cur"].Success || m.Groups["unit"].Success;
            found.Add(new AmountMatch(m.Index, m.Length, value, hasCurrency, hasCents));
        }

        return found;
    }

    [GeneratedRegex(@"(?:(?<cur>¥|RMB|CNY|人民币|RM|USD|US\$|HK\$|\$|€|£|EUR|MYR)\s?:?\s?)?(?<![\d.,])(?<num>-?(?:\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})|\d+,\d{2}(?![\d,])|\d+))(?![\d])(?:\s?(?<unit>元整?|圆整?))?")]
    private static partial Regex Shape();

    [GeneratedRegex(@"^-?\d+,\d{2}$")]
    private static partial Regex DecimalComma();
}
