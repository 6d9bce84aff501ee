namespace ScanArchive.SampleGenerator.Data;

internal static class RandomExtensions
{
    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static double Between(this Random random, double min, double max) => min + random.NextDouble() * (max - min);

    /// <summary>Uniform magnitude in [min, max] with a random sign.</summary>
    public static double SignedBetween(this Random random, double min, double max) =>
        random.Between(min, max) * (random.Next(2) == 0 ? -1 : 1);

    public static string Digits(this Random random, int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = (char)('0' + random.Next(10));
        }

        return new string(chars);
    }

    public static DateOnly DateBetween(this Random random, DateOnly first, DateOnly last) =>
        first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));
}
