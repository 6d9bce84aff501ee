namespace ScanArchive.SampleGenerator.Data;

/// <summary>
/// Mainland China resident identity number (GB 11643-1999): 6-digit area code, birth date
/// YYYYMMDD, 3-digit sequence (odd last digit = male) and an ISO 7064 MOD 11-2 check character.
/// </summary>
internal static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static string Create(string areaCode, DateOnly birthDate, Gender gender, Random random)
    {
        if (areaCode.Length != 6 || !areaCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Area code must be 6 digits: '{areaCode}'", nameof(areaCode));
        }

        // Last sequence digit encodes the gender, so draw the first two freely and force parity on the third.
        var sequenceHead = random.Next(0, 100);
        var genderDigit = random.Next(0, 5) * 2 + (gender == Gender.Male ? 1 : 0);
        var first17 = $"{areaCode}{birthDate:yyyyMMdd}{sequenceHead:D2}{genderDigit}";
        return first17 + CheckCharacter(first17);
    }

    public static char CheckCharacter(string first17Digits)
    {
        if (first17Digits.Length != 17 || !first17Digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Expected the first 17 digits of an ID number.", nameof(first17Digits));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17Digits[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public static bool IsValid(string idNumber) =>
        idNumber.Length == 18
        && idNumber[..17].All(char.IsAsciiDigit)
        && CheckCharacter(idNumber[..17]) == idNumber[17];
}
