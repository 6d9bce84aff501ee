namespace ScanArchive.Application.Statistics;

/// <summary>The workstation's numbers over a period (<c>GET /api/stats</c>, the statistics dashboard).</summary>
/// <param name="From">First day counted (inclusive, local calendar day).</param>
/// <param name="To">Last day counted (inclusive).</param>
/// <param name="Scope"><c>all</c>, or <c>own</c> when only the caller's work is counted (a reviewer).</param>
/// <param name="User">Whose work, when <paramref name="Scope"/> is <c>own</c>.</param>
/// <param name="PagesCaptured">Pages recognized (stored from a scan or upload) in the period.</param>
/// <param name="PagesCommitted">Pages of the entries committed in the period.</param>
/// <param name="EntriesCommitted">Entries committed in the period.</param>
/// <param name="PagesPerDay">Pages captured per day (every day of the period, zeros included).</param>
/// <param name="PagesPerClerk">Pages captured per clerk (the batch's creator), most first.</param>
/// <param name="Qc">Pages captured by QC verdict, and rescans requested.</param>
/// <param name="QcRates">The same as shares of the pages captured (0–1).</param>
/// <param name="QcReasons">Why pages did not simply pass, most frequent first.</param>
/// <param name="FieldCorrections">Field corrections by field key.</param>
/// <param name="FieldCorrectionRates">Corrections per field against the fields read by the extractor.</param>
/// <param name="TimeToFileSeconds">First sheet stored → committed, per committed batch.</param>
/// <param name="SearchLatencyMs">How long searches took (the index's own time, from the audit).</param>
/// <param name="Searches">Searches run.</param>
/// <param name="EntriesFound">Distinct entries opened or downloaded.</param>
/// <param name="SearchesPerFoundEntry">Searches per entry opened or downloaded (how hard finding is); null without any.</param>
/// <param name="Backlog">Batches waiting for review now, and how long the oldest has waited.</param>
/// <param name="ElapsedMs">Time the statistics took to compute.</param>
public sealed record StatsReport(
    DateOnly From,
    DateOnly To,
    string Scope,
    string? User,
    int PagesCaptured,
    int PagesCommitted,
    int EntriesCommitted,
    IReadOnlyList<DayCount> PagesPerDay,
    IReadOnlyList<UserCount> PagesPerClerk,
    QcCounts Qc,
    QcRates QcRates,
    IReadOnlyList<ReasonCount> QcReasons,
    IReadOnlyDictionary<string, int> FieldCorrections,
    IReadOnlyList<FieldCorrectionRate> FieldCorrectionRates,
    Percentiles TimeToFileSeconds,
    Percentiles SearchLatencyMs,
    int Searches,
    int EntriesFound,
    double? SearchesPerFoundEntry,
    Backlog Backlog,
    double ElapsedMs);

/// <summary>A count on one day.</summary>
public sealed record DayCount(DateOnly Day, int Count);

/// <summary>A count for one user.</summary>
public sealed record UserCount(string User, int Count);

/// <summary>A count for one reason.</summary>
public sealed record ReasonCount(string Reason, int Count);

/// <summary>Pages by QC verdict; <paramref name="Rescan"/> pages a reviewer asked to scan again.</summary>
public sealed record QcCounts(int Pass, int Warn, int Fail, int Rescan);

/// <summary>Shares of the pages captured (0–1, rounded to 4 places).</summary>
public sealed record QcRates(double Pass, double Warn, double Fail, double Rescan);

/// <summary>How often reviewers corrected one field.</summary>
/// <param name="Key">The field key.</param>
/// <param name="Corrections">Corrections recorded.</param>
/// <param name="Fields">Documents captured in the period that carry the field.</param>
/// <param name="Rate">Corrections per field (null when none carried it).</param>
public sealed record FieldCorrectionRate(string Key, int Corrections, int Fields, double? Rate);

/// <summary>Median and 90th / 95th percentile of a set of values (nearest rank); null when there are none.</summary>
public sealed record Percentiles(int Count, double? Median, double? P90, double? P95)
{
    /// <summary>The 50th percentile (= <see cref="Median"/>).</summary>
    public double? P50 => Median;

    /// <summary>Nearest-rank percentiles of <paramref name="values"/>.</summary>
    public static Percentiles Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? new Percentiles(0, null, null, null) : new Percentiles(sorted.Length, Rank(sorted, 0.5), Rank(sorted, 0.9), Rank(sorted, 0.95));
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    public static double Rank(double[] sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 1);
    }
}

/// <summary>Batches waiting for review and the age of the oldest in hours (null when none waits).</summary>
public sealed record Backlog(int Batches, double? OldestHours);
