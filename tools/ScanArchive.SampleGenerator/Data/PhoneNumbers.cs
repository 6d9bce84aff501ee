namespace ScanArchive.SampleGenerator.Data;

internal static class PhoneNumbers
{
    private static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "135", "136", "137", "138", "139",
        "150", "151", "152", "155", "157", "158", "159",
        "170", "173", "176", "177", "178",
        "180", "181", "182", "185", "186", "187", "188", "189",
        "191", "193", "195", "198", "199",
    ];

    private static readonly string[] CityCodes = ["010", "021", "020", "0755", "0571", "025", "028"];

    /// <summary>Digits only, which is also the normalized ground-truth form.</summary>
    public static string Mobile(Random random) => random.Pick(MobilePrefixes) + random.Digits(8);

    /// <summary>Digits only: area code followed by an 8-digit (or 7-digit for 4-digit codes) local number.</summary>
    public static string Landline(Random random)
    {
        var areaCode = random.Pick(CityCodes);
        return areaCode + (char)('2' + random.Next(7)) + random.Digits(areaCode.Length == 3 ? 7 : 6);
    }

    /// <summary>People write mobiles as 13812345678, 138 1234 5678 or 138-1234-5678.</summary>
    public static string FormatMobile(string digits, Random random) => random.Next(3) switch
    {
        0 => digits,
        1 => $"{digits[..3]} {digits[3..7]} {digits[7..]}",
        _ => $"{digits[..3]}-{digits[3..7]}-{digits[7..]}",
    };

    public static string FormatLandline(string digits)
    {
        var areaLength = digits.StartsWith("01", StringComparison.Ordinal) || digits.StartsWith("02", StringComparison.Ordinal) ? 3 : 4;
        return $"{digits[..areaLength]}-{digits[areaLength..]}";
    }
}
