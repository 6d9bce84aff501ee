using System.Diagnostics;
using System.Globalization;

namespace ScanArchive.Web.BrowserBench;

/// <summary>The process's memory at one moment.</summary>
internal readonly record struct MemorySample(long WorkingSet, long Managed)
{
    public static MemorySample Sample()
    {
        using var process = Process.GetCurrentProcess();
        return new MemorySample(process.WorkingSet64, GC.GetTotalMemory(false));
    }

    public static MemorySample Max(MemorySample a, MemorySample b) => new(Math.Max(a.WorkingSet, b.WorkingSet), Math.Max(a.Managed, b.Managed));
}

/// <summary>Percentiles of timings, as a table row.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static string Row(string what, IReadOnlyList<double> values) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {what} | {Percentile(values, 50):0} | {Percentile(values, 95):0} | {(values.Count == 0 ? double.NaN : values.Max()):0} | {values.Count} |");
}
