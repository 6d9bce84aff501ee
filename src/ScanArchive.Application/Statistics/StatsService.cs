using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Quality;

namespace ScanArchive.Application.Statistics;

/// <summary>
/// The workstation's numbers (统计分析): capture volume, QC outcomes, field corrections, time to file and time to find,
/// review backlog. Computed from the records themselves (batches, pages, entries, rescan requests, the audit trail), so
/// they cannot drift from what happened. Auditors and administrators see everyone's; a reviewer sees their own.
/// </summary>
public sealed partial class StatsService(ArchiveHost host, TimeProvider clock)
{
    /// <summary>The default period when none is given: the last 30 days, today included.</summary>
    public const int DefaultDays = 30;

    /// <summary>Longest period one query may cover (a bound on the work one request can ask for).</summary>
    public const int MaxDays = 3660;

    private IArchiveStore Store => host.Store;

    /// <summary>The numbers for the days <paramref name="from"/> to <paramref name="to"/> (inclusive, local calendar days).</summary>
    /// <exception cref="AccessDeniedException">The actor may neither read the audit nor review.</exception>
    public StatsReport Compute(Actor actor, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var own = !actor.Can(Permission.ReadAudit);
        if (own)
        {
            actor.Require(Permission.Review);
        }

        var watch = Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var last = to ?? today;
        var first = from ?? last.AddDays(-(DefaultDays - 1));
        if (first > last)
        {
            (first, last) = (last, first);
        }

        if (last.DayNumber - first.DayNumber >= MaxDays)
        {
            first = last.AddDays(-(MaxDays - 1));
        }

        var start = Local(first);
        var end = Local(last.AddDays(1));
        var user = own ? actor.UserName : null;

        var audit = Store.AuditTrail(new AuditQuery { From = start, To = end, User = user, Take = int.MaxValue });
        var batches = Store.Batches();
        if (own)
        {
            // A reviewer's own work: the batches they created or did something to.
            var touched = audit.Select(a => a.Target).ToHashSet(StringComparer.Ordinal);
            batches = batches.Where(b => b.CreatedBy == actor.UserName || touched.Contains(b.Name)).ToList();
        }

        var batchNames = batches.ToDictionary(b => b.Id, b => b, StringComparer.Ordinal);
        var pages = new List<(BatchPage Page, Batch Batch)>();
        var fieldCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var batch in batches)
        {
            foreach (var page in Store.Pages(batch.Id))
            {
                if (page.ProcessedAt >= start && page.ProcessedAt < end)
                {
                    pages.Add((page, batch));
                }
            }

            foreach (var document in Store.Documents(batch.Id).Where(d => d.Status == DocumentStatus.Done))
            {
                var documentPages = Store.DocumentPages(document.Id);
                var firstPage = documentPages.Count > 0 ? documentPages[0] : null;
                if (firstPage is null || firstPage.ProcessedAt < start || firstPage.ProcessedAt >= end)
                {
                    continue;
                }

                foreach (var key in document.Fields.Select(f => f.Key).Distinct(StringComparer.Ordinal))
                {
                    fieldCounts[key] = fieldCounts.GetValueOrDefault(key) + 1;
                }
            }
        }

        var entries = Store.Entries().Where(e => e.CommittedAt >= start && e.CommittedAt < end && batchNames.ContainsKey(e.BatchId)).ToList();
        var pageIds = pages.Select(p => p.Page.Id).ToHashSet(StringComparer.Ordinal);
        var rescans = Store.RescanRequests(openOnly: false).Where(r => pageIds.Contains(r.PageId)).Select(r => r.PageId).Distinct(StringComparer.Ordinal).Count();

        var verdicts = pages.Select(p => p.Page.Ocr.Quality?.Verdict).ToList();
        var qc = new QcCounts(verdicts.Count(v => v == QualityVerdict.Pass), verdicts.Count(v => v == QualityVerdict.Warn), verdicts.Count(v => v == QualityVerdict.Fail), rescans);
        var corrections = FieldCorrections(audit);
        var searches = audit.Where(a => a.Action == "archive.search").ToList();
        var found = audit.Where(a => a.Action is "entry.view" or "entry.download").Select(a => a.Target).Distinct(StringComparer.OrdinalIgnoreCase).Count();

        watch.Stop();
        return new StatsReport(
            first,
            last,
            own ? "own" : "all",
            user,
            pages.Count,
            entries.Sum(e => e.Pages.Count),
            entries.Count,
            PerDay(pages.Select(p => p.Page.ProcessedAt), first, last),
            pages.GroupBy(p => p.Batch.CreatedBy, StringComparer.Ordinal).Select(g => new UserCount(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.User, StringComparer.Ordinal).ToList(),
            qc,
            Rates(qc, pages.Count),
            pages.SelectMany(p => p.Page.Ocr.Quality?.Reasons ?? []).GroupBy(r => ReasonName(r)).Select(g => new ReasonCount(g.Key, g.Count())).OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList(),
            corrections,
            fieldCounts.Keys.Union(corrections.Keys).Order(StringComparer.Ordinal).Select(k => Rate(k, corrections.GetValueOrDefault(k), fieldCounts.GetValueOrDefault(k))).OrderByDescending(r => r.Rate ?? 0).ThenBy(r => r.Key, StringComparer.Ordinal).ToList(),
            Percentiles.Of(TimesToFile(batches, start, end)),
            Percentiles.Of(searches.Select(a => Latency(a.Details)).OfType<double>()),
            searches.Count,
            found,
            found == 0 ? null : Math.Round((double)searches.Count / found, 2),
            BacklogNow(batches),
            Math.Round(watch.Elapsed.TotalMilliseconds, 1));
    }

    /// <summary>The search time an <c>archive.search</c> audit record carries (<c>"3 hit(s), 12.5 ms"</c>), or null for older records.</summary>
    public static double? Latency(string? details)
    {
        var match = details is null ? null : LatencyPattern().Match(details);
        return match is { Success: true } && double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) ? ms : null;
    }

    /// <summary>The field key of a <c>field.edit</c> audit record (<c>"doc-id key: before → after"</c>), or null.</summary>
    public static string? CorrectedKey(string? details)
    {
        var match = details is null ? null : FieldEditPattern().Match(details);
        return match is { Success: true } ? match.Groups[1].Value : null;
    }

    /// <summary>The camel-case name of a QC reason, as the API spells it.</summary>
    public static string ReasonName(QualityReason reason)
    {
        var name = reason.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static Dictionary<string, int> FieldCorrections(IEnumerable<AuditRecord> audit) =>
        audit.Where(a => a.Action == "field.edit").Select(a => CorrectedKey(a.Details)).OfType<string>()
            .GroupBy(k => k, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static FieldCorrectionRate Rate(string key, int corrections, int fields) =>
        new(key, corrections, fields, fields == 0 ? null : Math.Round((double)corrections / fields, 4));

    private static QcRates Rates(QcCounts qc, int pages) => pages == 0
        ? new QcRates(0, 0, 0, 0)
        : new QcRates(Share(qc.Pass, pages), Share(qc.Warn, pages), Share(qc.Fail, pages), Share(qc.Rescan, pages));

    private static double Share(int part, int whole) => Math.Round((double)part / whole, 4);

    private static List<DayCount> PerDay(IEnumerable<DateTimeOffset> times, DateOnly first, DateOnly last)
    {
        var counts = times.GroupBy(t => DateOnly.FromDateTime(t.ToLocalTime().DateTime)).ToDictionary(g => g.Key, g => g.Count());
        var days = new List<DayCount>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(new DayCount(day, counts.GetValueOrDefault(day)));
        }

        return days;
    }

    /// <summary>Per batch committed in the period: its first stored sheet (the first <c>batch.add</c>, else its creation) → its commit.</summary>
    private IEnumerable<double> TimesToFile(IEnumerable<Batch> batches, DateTimeOffset start, DateTimeOffset end)
    {
        foreach (var batch in batches.Where(b => b.State == BatchState.Committed))
        {
            var trail = Store.AuditTrail(new AuditQuery { Target = batch.Name, Take = int.MaxValue });
            var commit = trail.Where(a => a.Action == "batch.commit").Select(a => (DateTimeOffset?)a.At).Max();
            if (commit is not { } committed || committed < start || committed >= end)
            {
                continue;
            }

            var firstSheet = trail.Where(a => a.Action == "batch.add").Select(a => (DateTimeOffset?)a.At).Min() ?? batch.CreatedAt;
            yield return (committed - firstSheet).TotalSeconds;
        }
    }

    /// <summary>Batches ready for review now; each has waited since it last became ready (its last <c>batch.readyforreview</c>).</summary>
    private Backlog BacklogNow(IEnumerable<Batch> batches)
    {
        var now = clock.GetUtcNow();
        var waiting = batches.Where(b => b.State == BatchState.ReadyForReview).ToList();
        if (waiting.Count == 0)
        {
            return new Backlog(0, null);
        }

        var oldest = waiting.Select(b => Store.AuditTrail(new AuditQuery { Target = b.Name, Action = "batch.readyforreview", Take = 1 }) is { Count: > 0 } ready ? ready[0].At : b.UpdatedAt).Min();
        return new Backlog(waiting.Count, Math.Round((now - oldest).TotalHours, 2));
    }

    private static DateTimeOffset Local(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, TimeZoneInfo.Local.GetUtcOffset(midnight));
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?) ms\b", RegexOptions.CultureInvariant)]
    private static partial Regex LatencyPattern();

    [GeneratedRegex(@"^\S+ (\S+): ", RegexOptions.CultureInvariant)]
    private static partial Regex FieldEditPattern();
}
