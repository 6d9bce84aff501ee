using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using ScanArchive.Application;
using ScanArchive.Application.Auditing;
using ScanArchive.Application.Capture;
using ScanArchive.Application.Customers;
using ScanArchive.Application.Entries;
using ScanArchive.Application.Searching;
using ScanArchive.Application.Statistics;
using ScanArchive.Capture.Profiles;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Capture;
using ScanArchive.Core.Search;
using ScanArchive.Web.Security;

namespace ScanArchive.Web.Api;

/// <summary>
/// The routes behind the capture, search, entry, customer, audit and statistics screens: statistics (JSON and CSV),
/// the audit log as CSV, an entry's history, page images and hit boxes, customer conflicts settled, scanners and profiles.
/// </summary>
public static class WorkstationApi
{
    private const string CsvType = "text/csv; charset=utf-8";

    public static RouteGroupBuilder MapWorkstationApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var read = SecuritySetup.Policy(Permission.ReadArchive);
        api.MapGet("/stats", Stats).WithTags("Statistics").RequireAuthorization()
            .WithSummary("Capture, QC, corrections, time to file, time to find and backlog for ?from=&to= (days, inclusive); a reviewer gets their own.");
        api.MapGet("/stats/{chart}.csv", StatsCsv).WithTags("Statistics").RequireAuthorization()
            .WithSummary("One chart's numbers as CSV: pages-per-day, pages-per-clerk, qc, qc-reasons, field-corrections, summary.");
        api.MapGet("/audit.csv", AuditCsv).WithTags("Audit").RequireAuthorization(SecuritySetup.Policy(Permission.ReadAudit))
            .WithSummary("The audit log as CSV with the same filters as /api/audit (user, action, target, from, to); at most 100000 records.");
        api.MapGet("/entries/{number}/history", History).WithTags("Entries").RequireAuthorization(read)
            .WithSummary("The entry's history: capture, QC verdicts, corrections, approval, commit, views and downloads.");
        api.MapGet("/entries/{number}/pages/{page:int}/image", PageImage).WithTags("Entries").RequireAuthorization(read)
            .WithSummary("An entry page's image (audited), or ?w=N a JPEG thumbnail.");
        api.MapGet("/entries/{number}/pages/{page:int}/hits", Hits).WithTags("Entries").RequireAuthorization(read)
            .WithSummary("Boxes of the words on the page that match ?q= (image pixels).");
        api.MapPost("/entries/{number}/customer", ResolveCustomer).WithTags("Customers").RequireAuthorization(SecuritySetup.Policy(Permission.Review))
            .WithSummary("Settles a customer conflict: {customerId} files the entry there, {customerId: null} keeps it apart (audited).");
        api.MapGet("/customers/{key}/conflicts", Conflicts).WithTags("Customers").RequireAuthorization(read)
            .WithSummary("Entries in doubt that point at this customer file.");
        api.MapGet("/capture/devices", DevicesAsync).WithTags("Capture").RequireAuthorization(SecuritySetup.Policy(Permission.Capture))
            .WithSummary("Scanners with their sources, modes and resolutions (as the devices command lists them).");
        api.MapGet("/capture/profiles", Profiles).WithTags("Capture").RequireAuthorization(SecuritySetup.Policy(Permission.Capture))
            .WithSummary("Saved scan profiles.");
        return api;
    }

    /// <summary>The search query the API and the search screen build from their parameters.</summary>
    public static SearchQuery Query(string? q, string? type, DateOnly? from, DateOnly? to, string? customer, string? number, int skip, int take) => new()
    {
        // An archive number matches exactly in any spelling and must match as well as the words.
        Text = string.Join(' ', new[] { q, number }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim())),
        DocumentType = string.IsNullOrWhiteSpace(type) ? null : type.Trim(),
        From = from,
        To = to,
        Customer = string.IsNullOrWhiteSpace(customer) ? null : customer.Trim(),
        Skip = skip,
        Take = take,
    };

    /// <summary>An audit filter from query parameters (blank ones ignored; <paramref name="to"/> exclusive).</summary>
    public static AuditQuery AuditFilter(string? user, string? action, string? target, DateTimeOffset? from, DateTimeOffset? to, int skip, int take) => new()
    {
        User = string.IsNullOrWhiteSpace(user) ? null : user.Trim(),
        Action = string.IsNullOrWhiteSpace(action) ? null : action.Trim(),
        Target = string.IsNullOrWhiteSpace(target) ? null : target.Trim(),
        From = from,
        To = to,
        Skip = skip,
        Take = take,
    };

    /// <summary>The audit records as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Chinese right).</summary>
    public static string AuditToCsv(IEnumerable<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var csv = new StringBuilder("at,user,action,target,details,address\r\n");
        foreach (var r in records)
        {
            Row(csv, r.At.ToString("O", CultureInfo.InvariantCulture), r.User, r.Action, r.Target, r.Details, r.Address);
        }

        return csv.ToString();
    }

    /// <summary>One chart of the statistics as CSV, or null for an unknown chart.</summary>
    public static string? StatsToCsv(StatsReport report, string chart)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        string N(double? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
        switch (chart)
        {
            case "pages-per-day":
                csv.Append("day,pages\r\n");
                report.PagesPerDay.ToList().ForEach(d => Row(csv, d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(d.Count)));
                break;
            case "pages-per-clerk":
                csv.Append("clerk,pages\r\n");
                report.PagesPerClerk.ToList().ForEach(c => Row(csv, c.User, N(c.Count)));
                break;
            case "qc":
                csv.Append("verdict,pages,share\r\n");
                Row(csv, "pass", N(report.Qc.Pass), N(report.QcRates.Pass));
                Row(csv, "warn", N(report.Qc.Warn), N(report.QcRates.Warn));
                Row(csv, "fail", N(report.Qc.Fail), N(report.QcRates.Fail));
                Row(csv, "rescan", N(report.Qc.Rescan), N(report.QcRates.Rescan));
                break;
            case "qc-reasons":
                csv.Append("reason,pages\r\n");
                report.QcReasons.ToList().ForEach(r => Row(csv, r.Reason, N(r.Count)));
                break;
            case "field-corrections":
                csv.Append("field,corrections,fields,rate\r\n");
                report.FieldCorrectionRates.ToList().ForEach(r => Row(csv, r.Key, N(r.Corrections), N(r.Fields), N(r.Rate)));
                break;
            case "summary":
                csv.Append("measure,value\r\n");
                Row(csv, "pagesCaptured", N(report.PagesCaptured));
                Row(csv, "pagesCommitted", N(report.PagesCommitted));
                Row(csv, "entriesCommitted", N(report.EntriesCommitted));
                Row(csv, "timeToFileSeconds.median", N(report.TimeToFileSeconds.Median));
                Row(csv, "timeToFileSeconds.p90", N(report.TimeToFileSeconds.P90));
                Row(csv, "searchLatencyMs.p50", N(report.SearchLatencyMs.P50));
                Row(csv, "searchLatencyMs.p95", N(report.SearchLatencyMs.P95));
                Row(csv, "searches", N(report.Searches));
                Row(csv, "searchesPerFoundEntry", N(report.SearchesPerFoundEntry));
                Row(csv, "backlog.batches", N(report.Backlog.Batches));
                Row(csv, "backlog.oldestHours", N(report.Backlog.OldestHours));
                break;
            default:
                return null;
        }

        return csv.ToString();
    }

    private static Ok<StatsReport> Stats(HttpContext http, StatsService stats, DateOnly? from, DateOnly? to) =>
        TypedResults.Ok(stats.Compute(http.Actor(), from, to));

    private static IResult StatsCsv(string chart, HttpContext http, StatsService stats, DateOnly? from, DateOnly? to)
    {
        var report = stats.Compute(http.Actor(), from, to);
        var csv = StatsToCsv(report, chart);
        return csv is null
            ? ApiProblems.Problem(http, StatusCodes.Status404NotFound, "notFound", chart)
            : Csv(csv, $"stats-{chart}-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}.csv");
    }

    private static IResult AuditCsv(HttpContext http, AuditService audit, string? user, string? action, string? target, DateTimeOffset? from, DateTimeOffset? to)
    {
        var actor = http.Actor();
        var records = audit.Query(actor, AuditFilter(user, action, target, from, to, 0, 100_000));
        audit.Record(actor, "audit.export", "audit.csv", $"{records.Count} record(s)");
        return Csv(AuditToCsv(records), "audit.csv");
    }

    private static Ok<IReadOnlyList<EntryHistoryItem>> History(string number, HttpContext http, EntryService entries) =>
        TypedResults.Ok(entries.History(http.Actor(), number));

    private static IResult PageImage(string number, int page, int? w, HttpContext http, EntryService entries)
    {
        var content = entries.PageImage(http.Actor(), number, page, w);
        http.Response.Headers.ETag = content.ETag;
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.Bytes(content.Bytes!, content.ContentType);
    }

    private static Ok<PageHitBoxes> Hits(string number, int page, string? q, HttpContext http, EntryService entries, SearchService search)
    {
        var entry = entries.Find(http.Actor(), number);
        return TypedResults.Ok(search.HitBoxes(entry, page, q ?? ""));
    }

    private static Ok<EntryView> ResolveCustomer(string number, ResolveCustomerRequest request, HttpContext http, CustomerService customers) =>
        TypedResults.Ok(EntryView.Of(customers.Resolve(http.Actor(), number, request.CustomerId, request.Note)));

    private static Ok<List<EntryView>> Conflicts(string key, HttpContext http, CustomerService customers) =>
        TypedResults.Ok(customers.ConflictsOf(http.Actor(), key).Select(EntryView.Of).ToList());

    private static async Task<Ok<IReadOnlyList<ScanDeviceInfo>>> DevicesAsync(HttpContext http, CaptureService capture, CancellationToken cancellationToken) =>
        TypedResults.Ok(await capture.DevicesAsync(http.Actor(), cancellationToken));

    private static Ok<IReadOnlyList<ScanProfile>> Profiles(HttpContext http, DataFolderLayout layout)
    {
        http.Actor().Require(Permission.Capture);
        return TypedResults.Ok(new ScanProfileStore(layout.Profiles).List());
    }

    private static IResult Csv(string csv, string fileName) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), CsvType, fileName);

    private static void Row(StringBuilder csv, params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Cell(cells[i]));
        }

        csv.Append("\r\n");
    }

    /// <summary>
    /// RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula (a search text or a
    /// file name in the audit is typed by users).
    /// </summary>
    private static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
