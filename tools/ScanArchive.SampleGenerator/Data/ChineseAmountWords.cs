using System.Text;

namespace ScanArchive.SampleGenerator.Data;

/// <summary>
/// Converts an amount to the financial uppercase form (大写金额) printed on Chinese contracts,
/// invoices and cheques, e.g. 12345.00 → 壹万贰仟叁佰肆拾伍元整.
/// </summary>
internal static class ChineseAmountWords
{
    private const string Numerals = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] DigitUnits = ["", "拾", "佰", "仟"];
    private static readonly string[] GroupUnits = ["", "万", "亿", "万亿"];

    public static string Convert(decimal amount)
    {
        if (amount < 0 || amount >= 10_000_000_000_000_000m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Supported range is 0 to 10^16 yuan.");
        }

        var fen = (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);
        var yuan = fen / 100;
        var jiao = (int)(fen / 10 % 10);
        var cents = (int)(fen % 10);

        var text = new StringBuilder();
        if (yuan > 0)
        {
            text.Append(IntegerWords(yuan)).Append('元');
        }

        if (jiao == 0 && cents == 0)
        {
            // "整" marks that nothing can be appended after the yuan (or 角) amount.
            return (yuan == 0 ? "零元" : text.ToString()) + "整";
        }

        if (jiao > 0)
        {
            text.Append(Numerals[jiao]).Append('角');
        }
        else if (yuan > 0)
        {
            text.Append('零');
        }

        if (cents > 0)
        {
            text.Append(Numerals[cents]).Append('分');
        }
        else
        {
            text.Append('整');
        }

        return text.ToString();
    }

    private static string IntegerWords(long value)
    {
        var digits = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        var pendingZero = false;
        var groupHasDigit = false;
        var previousGroupHadDigit = false;
        for (var i = 0; i < digits.Length; i++)
        {
            var position = digits.Length - 1 - i;
            var digit = digits[i] - '0';
            if (position % 4 == 3 && digit != 0 && previousGroupHadDigit)
            {
                // Only the 万/亿 digit itself was zero (205000 → 贰拾万伍仟): the rules allow dropping 零 here,
                // and it is the usual printed form.
                pendingZero = false;
            }

            if (digit == 0)
            {
                // A run of zeros reads as a single 零, and only when something non-zero follows.
                pendingZero = text.Length > 0;
            }
            else
            {
                if (pendingZero)
                {
                    text.Append('零');
                    pendingZero = false;
                }

                text.Append(Numerals[digit]).Append(DigitUnits[position % 4]);
                groupHasDigit = true;
            }

            if (position % 4 == 0)
            {
                if (groupHasDigit)
                {
                    text.Append(GroupUnits[position / 4]);
                }

                previousGroupHadDigit = groupHasDigit;
                groupHasDigit = false;
            }
        }

        return text.ToString();
    }
}
