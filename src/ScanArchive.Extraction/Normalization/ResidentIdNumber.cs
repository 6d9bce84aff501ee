using System.Globalization;
using System.Text;

namespace ScanArchive.Extraction.Normalization;

/// <summary>What an 18-character Chinese resident ID number says about its holder.</summary>
/// <param name="Number">The number, upper-case X.</param>
/// <param name="AreaCode">The six-digit administrative area code.</param>
/// <param name="BirthDate">The embedded birth date.</param>
/// <param name="Gender"><c>M</c> (odd sequence digit) or <c>F</c> (even).</param>
/// <param name="Corrected">True when OCR confusions had to be fixed for the check character to pass.</param>
public sealed record ResidentIdInfo(string Number, string AreaCode, DateOnly BirthDate, char Gender, bool Corrected);

/// <summary>
/// Chinese resident ID numbers (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence
/// (odd for men, even for women), and an ISO 7064 MOD 11-2 check character (0–9 or X).
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Most characters OCR may substitute before the number is no longer trusted to be the one printed.</summary>
    private const int MaxCorrections = 3;

    /// <summary>The check character for the first 17 digits.</summary>
    /// <exception cref="ArgumentException">Not 17 ASCII digits.</exception>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("A resident ID number has 17 digits before its check character.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
            {
                throw new ArgumentException("Only digits come before the check character.", nameof(first17));
            }

            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>True when the text is exactly a valid 18-character number (check character, birth date, area).</summary>
    public static bool IsValid(string number) => Check(number) is not null;

    /// <summary>
    /// Reads a resident ID number from text as printed: full-width digits, spaces and a lower-case x are
    /// accepted; OCR confusions (O→0, l→1, S→5, B→8, …) are fixed only when the fixed number then passes
    /// the check character, with at most three fixes.
    /// </summary>
    /// <param name="text">The printed number (nothing else).</param>
    /// <param name="info">The parsed number.</param>
    public static bool TryParse(string? text, out ResidentIdInfo info)
    {
        info = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = new StringBuilder(18);
        foreach (var raw in HalfWidth.Convert(text))
        {
            if (!char.IsWhiteSpace(raw) && raw != '-')
            {
                compact.Append(raw);
            }
        }

        if (compact.Length != 18)
        {
            return false;
        }

        var exact = compact.ToString().ToUpperInvariant();
        if (Check(exact) is { } direct)
        {
            info = direct;
            return true;
        }

        var fixedChars = new char[18];
        var corrections = 0;
        for (var i = 0; i < 18; i++)
        {
            var c = compact[i];
            var mapped = i == 17 ? MapCheck(c) : MapDigit(c);
            if (mapped is null)
            {
                return false;
            }

            if (mapped.Value != char.ToUpperInvariant(c))
            {
                corrections++;
            }

            fixedChars[i] = mapped.Value;
        }

        if (corrections == 0 || corrections > MaxCorrections || Check(new string(fixedChars)) is not { } corrected)
        {
            return false;
        }

        info = corrected with { Corrected = true };
        return true;
    }

    private static ResidentIdInfo? Check(string number)
    {
        if (number.Length != 18)
        {
            return null;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(number[i]))
            {
                return null;
            }
        }

        if (number[17] != 'X' && !char.IsAsciiDigit(number[17]))
        {
            return null;
        }

        // Area codes start with a province digit 1–8 (11 Beijing … 82 Macau).
        if (number[0] is < '1' or > '8' || CheckCharacter(number.AsSpan(0, 17)) != number[17])
        {
            return null;
        }

        if (!DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth.Year < 1900)
        {
            return null;
        }

        var gender = (number[16] - '0') % 2 == 1 ? 'M' : 'F';
        return new ResidentIdInfo(number, number[..6], birth, gender, false);
    }

    private static char? MapDigit(char c) => c switch
    {
        >= '0' and <= '9' => c,
        'O' or 'o' or 'D' or 'Q' or 'U' => '0',
        'I' or 'l' or 'i' or '|' or 'L' or '!' or 'J' => '1',
        'Z' or 'z' => '2',
        'S' or 's' or '$' => '5',
        'B' => '8',
        'G' or 'b' => '6',
        'g' or 'q' => '9',
        'T' => '7',
        'A' => '4',
        _ => null,
    };

    private static char? MapCheck(char c) => c switch
    {
        'X' or 'x' or '×' or 'K' or 'k' or 'Х' or 'х' => 'X',
        _ => MapDigit(c),
    };
}
