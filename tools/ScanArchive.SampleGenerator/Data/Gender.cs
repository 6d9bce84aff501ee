namespace ScanArchive.SampleGenerator.Data;

internal enum Gender
{
    Male,
    Female,
}

internal static class GenderText
{
    public static string Chinese(Gender gender) => gender == Gender.Male ? "男" : "女";

    public static string English(Gender gender) => gender == Gender.Male ? "Male" : "Female";

    /// <summary>Normalized ground-truth value.</summary>
    public static string Code(Gender gender) => gender == Gender.Male ? "M" : "F";
}
