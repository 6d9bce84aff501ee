using System.Globalization;
using System.Text.RegularExpressions;

namespace ScanArchive.Extraction.Normalization;

/// <summary>How to read an all-numeric date whose day and month could be swapped (05/03/2026).</summary>
public enum DateOrder
{
    /// <summary>Day first (China, Malaysia, Britain): 05/03/2026 is 5 March.</summary>
    DayFirst,

    /// <summary>Month first (United States): 05/03/2026 is 3 May.</summary>
    MonthFirst,
}

/// <summary>A date found in text.</summary>
/// <param name="Index">Where the date's text starts.</param>
/// <param name="Length">Length of the date's text.</param>
/// <param name="Date">The date.</param>
public readonly record struct DateMatch(int Index, int Length, DateOnly Date);

/// <summary>
/// Dates in the forms found on Chinese and English documents, to ISO 8601: <c>2026年3月5日</c>,
/// <c>二〇二六年三月五日</c>, <c>2026-03-05</c>, <c>2026.03.05</c>, <c>2026/3/5</c>, <c>05/03/2026</c>,
/// <c>05-03-26</c>, <c>5 March 2026</c>, <c>5-Mar-2026</c>, <c>March 5, 2026</c>, and (as a whole value only)
/// <c>20260305</c>. Two-digit years below 50 are 20xx, others 19xx.
/// </summary>
public static partial class DateNormalizer
{
    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>ISO 8601 (<c>yyyy-MM-dd</c>).</summary>
    public static string ToIso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a date that is the whole of <paramref name="text"/> (surrounding spaces and punctuation allowed).</summary>
    public static bool TryParse(string? text, out DateOnly date, DateOrder order = DateOrder.DayFirst)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var half = HalfWidth.Convert(text).Trim().Trim('.', ',', ';', ':', '(', ')');
        var compact = Compact().Match(half);
        if (compact.Success && TryBuild(compact.Groups["y"].Value, compact.Groups["m"].Value, compact.Groups["d"].Value, out date))
        {
            return true;
        }

        var found = Find(half, order);
        if (found.Count == 1 && found[0].Length >= half.Length - 2)
        {
            date = found[0].Date;
            return true;
        }

        return false;
    }

    /// <summary>Every date in a text, left to right, non-overlapping.</summary>
    public static IReadOnlyList<DateMatch> Find(string text, DateOrder order = DateOrder.DayFirst)
    {
        ArgumentNullException.ThrowIfNull(text);
        var half = HalfWidth.Convert(text);
        var found = new List<DateMatch>();
        foreach (var (regex, reader) in Readers(order))
        {
            foreach (Match m in regex.Matches(half))
            {
                if (reader(m) is { } date && !found.Any(f => f.Index < m.Index + m.Length && m.Index < f.Index + f.Length))
                {
                    found.Add(new DateMatch(m.Index, m.Length, date));
                }
            }
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    private static IEnumerable<(Regex, Func<Match, DateOnly?>)> Readers(DateOrder order)
    {
        yield return (ChineseDigits(), m => Build(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value));
        yield return (ChineseNumerals(), m => ChineseNumeralDate(m));
        yield return (YearFirst(), m => Build(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value));
        yield return (DayMonthNameYear(), m => Build(m.Groups["y"].Value, MonthNumber(m.Groups["mon"].Value), m.Groups["d"].Value));
        yield return (MonthNameDayYear(), m => Build(m.Groups["y"].Value, MonthNumber(m.Groups["mon"].Value), m.Groups["d"].Value));
        yield return (Numeric(), m => NumericDate(m, order));
    }

    private static DateOnly? NumericDate(Match m, DateOrder order)
    {
        var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
        var y = m.Groups["y"].Value;

        // An impossible month settles the order whatever the default.
        var dayFirst = b > 12 ? false : a > 12 || order == DateOrder.DayFirst;
        return dayFirst
            ? Build(y, b.ToString(CultureInfo.InvariantCulture), a.ToString(CultureInfo.InvariantCulture))
            : Build(y, a.ToString(CultureInfo.InvariantCulture), b.ToString(CultureInfo.InvariantCulture));
    }

    private static DateOnly? ChineseNumeralDate(Match m)
    {
        var year = string.Concat(m.Groups["y"].Value.Select(c => ChineseAmount.DigitValue(c) is { } v ? (char)('0' + v) : '?'));
        var month = ChineseSmallNumber(m.Groups["m"].Value);
        var day = ChineseSmallNumber(m.Groups["d"].Value);
        return month is null || day is null ? null : Build(year, month.Value.ToString(CultureInfo.InvariantCulture), day.Value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>一 … 三十一.</summary>
    private static int? ChineseSmallNumber(string text)
    {
        var ten = text.IndexOfAny(['十', '拾']);
        if (ten < 0)
        {
            return text.Length == 1 ? ChineseAmount.DigitValue(text[0]) : null;
        }

        var tens = ten == 0 ? 1 : ChineseAmount.DigitValue(text[0]);
        var units = ten == text.Length - 1 ? 0 : ChineseAmount.DigitValue(text[^1]);
        return tens is null || units is null ? null : (tens * 10) + units;
    }

    private static string MonthNumber(string name)
    {
        var index = Array.IndexOf(MonthNames, name[..3].ToLowerInvariant());
        return (index + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static DateOnly? Build(string year, string month, string day) =>
        TryBuild(year, month, day, out var date) ? date : null;

    private static bool TryBuild(string year, string month, string day, out DateOnly date)
    {
        date = default;
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ||
            !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var mo) ||
            !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
        {
            return false;
        }

        if (year.Length == 2)
        {
            y += y < 50 ? 2000 : 1900;
        }
        else if (year.Length != 4)
        {
            return false;
        }

        if (y < 1900 || y > 2199 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
        {
            return false;
        }

        date = new DateOnly(y, mo, d);
        return true;
    }

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})(?:\s*[日号])?")]
    private static partial Regex ChineseDigits();

    [GeneratedRegex(@"(?<y>[〇零○Oo一二三四五六七八九]{4})\s*年\s*(?<m>[一二三四五六七八九十]{1,2})\s*月\s*(?<d>[一二三四五六七八九十]{1,3})\s*[日号]")]
    private static partial Regex ChineseNumerals();

    [GeneratedRegex(@"(?<![\d.])(?<y>(?:19|20|21)\d{2})\s?(?<s>[-./])\s?(?<m>\d{1,2})\s?\k<s>\s?(?<d>\d{1,2})(?![\d])")]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"(?<![\d.:/-])(?<a>\d{1,2})\s?(?<s>[-./])\s?(?<b>\d{1,2})\s?\k<s>\s?(?<y>\d{4}|\d{2})(?![\d]|[.:/]\d)")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<![\w])(?<d>\d{1,2})(?:st|nd|rd|th)?[\s.-]*(?<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?[\s.-]*(?<y>\d{4}|\d{2})(?![\d])", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthNameYear();

    [GeneratedRegex(@"(?<![\w])(?<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})(?![\d])", RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameDayYear();

    [GeneratedRegex(@"^(?<y>(?:19|20)\d{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\d|3[01])$")]
    private static partial Regex Compact();
}
