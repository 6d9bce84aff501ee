using System.Text;

namespace ScanArchive.Extraction.Normalization;

/// <summary>The kind of a phone number.</summary>
public enum PhoneKind
{
    /// <summary>A mainland China mobile number (11 digits, 13x–19x).</summary>
    Mobile,

    /// <summary>A landline with a trunk prefix 0 and an area code (010 2588886666, 0571…, 03-3271 9872).</summary>
    Landline,

    /// <summary>A nationwide service number (400/800).</summary>
    Service,

    /// <summary>Some other plausible number (7–15 digits) that no plan here validates.</summary>
    Other,
}

/// <summary>A phone number reduced to its digits.</summary>
/// <param name="Digits">Digits only, without a +86 country prefix.</param>
/// <param name="Kind">What kind of number it is.</param>
/// <param name="Corrected">True when OCR confusions (O→0, l→1, …) had to be fixed to make it a valid number.</param>
public sealed record PhoneNumberInfo(string Digits, PhoneKind Kind, bool Corrected)
{
    /// <summary>True for mobile, landline and service numbers, whose format was checked.</summary>
    public bool IsValidated => Kind != PhoneKind.Other;
}

/// <summary>Phone numbers: mainland mobiles (<c>138 1234 5678</c>, <c>138-1234-5678</c>, <c>+86 13812345678</c>), landlines (<c>025-88886666</c>, <c>(010) 2864 9671</c>), 400/800 numbers.</summary>
public static class PhoneNumbers
{
    /// <summary>Reads a phone number printed as the whole of <paramref name="text"/> (separators: space, -, ., parentheses).</summary>
    public static bool TryParse(string? text, out PhoneNumberInfo info)
    {
        info = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var half = HalfWidth.Convert(text).Trim();
        if (Classify(Digits(half, fixConfusions: false), corrected: false) is { } direct)
        {
            info = direct;
            return true;
        }

        // Only a number that becomes a checked mobile or landline after the fixes is accepted.
        if (Digits(half, fixConfusions: true) is { } fixedDigits && Classify(fixedDigits, corrected: true) is { IsValidated: true } corrected)
        {
            info = corrected;
            return true;
        }

        return false;
    }

    /// <summary>True for an 11-digit mainland mobile number (13x–19x).</summary>
    public static bool IsMobile(string digits) =>
        digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9' && digits.All(char.IsAsciiDigit);

    private static string? Digits(string text, bool fixConfusions)
    {
        var sb = new StringBuilder(text.Length);
        var start = 0;
        if (text.StartsWith('+'))
        {
            start = 1;
        }

        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                sb.Append(c);
            }
            else if (c is ' ' or '-' or '.' or '(' or ')' or '/')
            {
                continue;
            }
            else if (fixConfusions && Confusion(c) is { } digit)
            {
                sb.Append(digit);
            }
            else
            {
                return null;
            }
        }

        var digits = sb.ToString();
        if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }
        else if (digits.Length == 13 && digits.StartsWith("861", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        return digits;
    }

    private static PhoneNumberInfo? Classify(string? digits, bool corrected)
    {
        if (digits is null || digits.Length < 7 || digits.Length > 15)
        {
            return null;
        }

        if (IsMobile(digits))
        {
            return new PhoneNumberInfo(digits, PhoneKind.Mobile, corrected);
        }

        if (digits[0] == '1')
        {
            // 1xx numbers of any other shape are neither mobiles nor dialable landlines.
            return corrected ? null : new PhoneNumberInfo(digits, PhoneKind.Other, false);
        }

        if ((digits.StartsWith("400", StringComparison.Ordinal) || digits.StartsWith("800", StringComparison.Ordinal)) && digits.Length == 10)
        {
            return new PhoneNumberInfo(digits, PhoneKind.Service, corrected);
        }

        if (digits[0] == '0' && digits.Length is >= 9 and <= 12 && digits[1] != '0')
        {
            return new PhoneNumberInfo(digits, PhoneKind.Landline, corrected);
        }

        return new PhoneNumberInfo(digits, PhoneKind.Other, corrected);
    }

    private static char? Confusion(char c) => c switch
    {
        'O' or 'o' or 'D' or 'Q' => '0',
        'I' or 'l' or 'i' or '|' => '1',
        'Z' or 'z' => '2',
        'S' or 's' => '5',
        'B' => '8',
        _ => null,
    };
}
