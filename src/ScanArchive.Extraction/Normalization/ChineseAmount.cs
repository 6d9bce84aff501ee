using System.Text.RegularExpressions;

namespace ScanArchive.Extraction.Normalization;

/// <summary>
/// Amounts written in Chinese financial numerals (大写), as on invoices and contracts:
/// <c>壹万零伍佰叁拾捌元玖角伍分</c> = 10538.95, <c>叁万柒仟肆佰捌拾元整</c> = 37480.00.
/// </summary>
public static partial class ChineseAmount
{
    /// <summary>The value of one Chinese digit (financial or ordinary form), or null.</summary>
    public static int? DigitValue(char c) => c switch
    {
        '零' or '〇' or '○' or 'O' or 'o' => 0,
        '壹' or '一' or '弌' => 1,
        '贰' or '二' or '两' or '貳' => 2,
        '叁' or '三' or '参' or '參' or '弎' => 3,
        '肆' or '四' => 4,
        '伍' or '五' => 5,
        '陆' or '六' or '陸' => 6,
        '柒' or '七' => 7,
        '捌' or '八' => 8,
        '玖' or '九' => 9,
        _ => null,
    };

    /// <summary>Reads a 大写 amount that is the whole of <paramref name="text"/> (a leading 人民币 or 大写 label is allowed).</summary>
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = string.Concat(HalfWidth.Convert(text).Where(c => !char.IsWhiteSpace(c))).TrimStart('(', ':').Trim();
        foreach (var prefix in (string[])["大写", ")", ":", "人民币", "(", ")"])
        {
            if (compact.StartsWith(prefix, StringComparison.Ordinal))
            {
                compact = compact[prefix.Length..];
            }
        }

        var match = Shape().Match(compact);
        return match.Success && match.Index == 0 && match.Length == compact.Length && TryEvaluate(match.Value, out amount);
    }

    /// <summary>Finds 大写 amounts in a text.</summary>
    public static IEnumerable<(int Index, int Length, decimal Amount)> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match m in Shape().Matches(text))
        {
            if (TryEvaluate(m.Value, out var amount))
            {
                yield return (m.Index, m.Length, amount);
            }
        }
    }

    /// <summary>
    /// Finds 大写 amounts, also those OCR misread a numeral of (叁万染仟 for 叁万柒仟: 染 for 柒, 肄 for 肆, 伯 for 佰 …).
    /// A look-alike is read as the numeral only between numerals, so ordinary words stay words. Such a reading is
    /// <c>Corrected</c>: it proves nothing by itself, only when the amount printed in digits agrees with it.
    /// </summary>
    public static IEnumerable<(int Index, int Length, decimal Amount, bool Corrected)> FindTolerant(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fixedText = FixLookAlikes(text);
        foreach (Match m in Shape().Matches(fixedText))
        {
            if (TryEvaluate(m.Value, out var amount))
            {
                yield return (m.Index, m.Length, amount, !string.Equals(m.Value, text.Substring(m.Index, m.Length), StringComparison.Ordinal));
            }
        }
    }

    /// <summary>Characters OCR returns for a 大写 numeral or unit in scanned print (the same length, so indices stay valid).</summary>
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['染'] = '柒', ['桨'] = '柒', ['肄'] = '肆', ['玫'] = '玖', ['玦'] = '玖', ['伯'] = '佰', ['栢'] = '佰',
        ['什'] = '仟', ['抬'] = '拾', ['拴'] = '拾', ['武'] = '贰', ['貮'] = '贰', ['壸'] = '壹', ['壶'] = '壹',
        ['园'] = '圆', ['兀'] = '元', ['陡'] = '陆', ['叄'] = '叁',
    };

    /// <summary>Replaces look-alikes that stand next to a true 大写 numeral or unit on at least one side.</summary>
    internal static string FixLookAlikes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (LookAlikes.TryGetValue(text[i], out var numeral) &&
                ((i > 0 && IsWrittenAmountChar(text[i - 1])) || (i + 1 < text.Length && IsWrittenAmountChar(text[i + 1]))))
            {
                chars[i] = numeral;
            }
        }

        return new string(chars);
    }

    /// <summary>A character that is part of a 大写 amount: a financial numeral or unit.</summary>
    public static bool IsWrittenAmountChar(char c) => "零〇壹贰叁参參肆伍陆陸柒捌玖拾佰仟万萬亿億元圆圓角分整正".Contains(c, StringComparison.Ordinal);

    private static bool TryEvaluate(string text, out decimal amount)
    {
        amount = 0;
        decimal total = 0;
        decimal section = 0;
        decimal digit = 0;
        decimal fraction = 0;
        var sawYuan = false;
        var sawDigit = false;
        decimal? pendingFraction = null;
        foreach (var c in text)
        {
            if (DigitValue(c) is { } d)
            {
                digit = d;
                pendingFraction = d;
                sawDigit = true;
                continue;
            }

            switch (c)
            {
                case '拾' or '十':
                    // 拾元 is ten: a leading 拾 counts one ten.
                    section += (digit == 0 && !sawDigit ? 1 : digit) * 10;
                    digit = 0;
                    sawDigit = true;
                    break;
                case '佰' or '百':
                    section += digit * 100;
                    digit = 0;
                    break;
                case '仟' or '千':
                    section += digit * 1000;
                    digit = 0;
                    break;
                case '万' or '萬':
                    total += (section + digit) * 10_000;
                    section = 0;
                    digit = 0;
                    break;
                case '亿' or '億':
                    total = (total + section + digit) * 100_000_000;
                    section = 0;
                    digit = 0;
                    break;
                case '元' or '圆' or '圓':
                    total += section + digit;
                    section = 0;
                    digit = 0;
                    sawYuan = true;
                    pendingFraction = null;
                    break;
                case '角':
                    fraction += (pendingFraction ?? 0) * 0.1m;
                    pendingFraction = null;
                    break;
                case '分':
                    fraction += (pendingFraction ?? 0) * 0.01m;
                    pendingFraction = null;
                    break;
                case '整' or '正':
                    break;
                default:
                    return false;
            }
        }

        if (!sawYuan || !sawDigit)
        {
            return false;
        }

        amount = total + fraction;
        return true;
    }

    [GeneratedRegex(@"[零〇壹贰叁参參肆伍陆陸柒捌玖拾佰仟万萬亿億]+[元圆圓](?:[整正]|(?:[零〇]?[壹贰叁参參肆伍陆陸柒捌玖]角)?(?:[零〇]?[壹贰叁参參肆伍陆陸柒捌玖]分)?[整正]?)")]
    private static partial Regex Shape();
}
