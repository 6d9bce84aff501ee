using System.Globalization;

namespace ScanArchive.SampleGenerator.Data;

/// <summary>The date spellings seen on scanned customer paperwork.</summary>
internal static class DateStyles
{
    public static string ChineseLong(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    public static string ChinesePadded(DateOnly d) => $"{d.Year}年{d.Month:D2}月{d.Day:D2}日";

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Dotted(DateOnly d) => d.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture);

    public static string DayMonthYear(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string EnglishLong(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string RandomChinese(DateOnly d, Random random) => random.Next(3) switch
    {
        0 => ChineseLong(d),
        1 => Iso(d),
        _ => Dotted(d),
    };

    public static string RandomEnglish(DateOnly d, Random random) => random.Next(3) switch
    {
        0 => DayMonthYear(d),
        1 => EnglishLong(d),
        _ => Iso(d),
    };
}
