using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ScanArchive.Application.Statistics;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Web.Tests;

/// <summary>
/// <c>GET /api/stats</c> against numbers the test computes itself from the archive's records, the search hits' word
/// boxes, and a customer conflict settled through the API.
/// </summary>
[Collection(WorkstationCollection.Name)]
public sealed class StatsApiTests(WorkstationServer server)
{
    // A valid resident ID number (its check digit is right): conflicts are found by ID number.
    private const string IdNumber = "11010519491231002X";

    [Fact]
    public async Task Stats_equal_the_numbers_computed_from_the_records_and_move_with_the_work_done()
    {
        using var auditor = await server.BearerAsync(Role.Auditor);
        using var reviewer = await server.BearerAsync(Role.Reviewer);
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var before = await auditor.GetFromJsonAsync<JsonElement>($"api/stats?from={today}&to={today}");

        // Work: two documents of two pages, one field corrected, approved, committed, searched, opened.
        var name = "stats-" + Guid.NewGuid().ToString("N")[..8];
        ReviewSeed.Ready(server, name, documents: 2, pagesPerDocument: 2);
        var batch = await reviewer.GetFromJsonAsync<JsonElement>($"api/batches/{name}");
        var document = batch.GetProperty("documents")[0];
        var edit = await reviewer.PutAsJsonAsync($"api/batches/{name}/documents/{document.GetProperty("id").GetString()}/fields/{FieldKeys.Amount}",
            new { value = "120.00", version = document.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"api/batches/{name}/approve", new { overrideReason = "stats test" })).StatusCode);
        var commit = await reviewer.PostAsJsonAsync($"api/batches/{name}/commit", new { });
        Assert.Equal(HttpStatusCode.OK, commit.StatusCode);
        var numbers = (await commit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("numbers").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Equal(2, numbers.Count);

        // The hit carries its number, its page and the box of the matching word (the seeded word sits at 100,200 300×40 on page 2).
        var search = await reviewer.GetFromJsonAsync<JsonElement>("api/search?q=word1x2");
        var hit = Assert.Single(search.GetProperty("hits").EnumerateArray(), h => numbers.Contains(h.GetProperty("number").GetString()!));
        Assert.Equal(2, hit.GetProperty("page").GetInt32());
        var box = Assert.Single(hit.GetProperty("boxes").EnumerateArray());
        Assert.Equal((100, 200, 300, 40), (box.GetProperty("x").GetInt32(), box.GetProperty("y").GetInt32(), box.GetProperty("width").GetInt32(), box.GetProperty("height").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"api/entries/{hit.GetProperty("number").GetString()}")).StatusCode);

        var stats = await auditor.GetFromJsonAsync<JsonElement>($"api/stats?from={today}&to={today}");
        Assert.Equal("all", stats.GetProperty("scope").GetString());

        // Moved with the work done here.
        Assert.Equal(Int(before, "pagesCaptured") + 4, Int(stats, "pagesCaptured"));
        Assert.Equal(Int(before, "entriesCommitted") + 2, Int(stats, "entriesCommitted"));
        Assert.Equal(Int(before, "pagesCommitted") + 4, Int(stats, "pagesCommitted"));
        Assert.Equal(Corrections(before, FieldKeys.Amount) + 1, Corrections(stats, FieldKeys.Amount));

        // Equal to what the records say.
        var store = ReviewSeed.Store(server);
        var day = DateOnly.FromDateTime(DateTime.Now);
        bool Today(DateTimeOffset at) => DateOnly.FromDateTime(at.ToLocalTime().DateTime) == day;
        var pages = store.Batches().SelectMany(b => store.Pages(b.Id)).Where(p => Today(p.ProcessedAt)).ToList();
        var entries = store.Entries().Where(e => Today(e.CommittedAt)).ToList();
        var audit = store.AuditTrail(new AuditQuery { Take = int.MaxValue }).Where(a => Today(a.At)).ToList();
        Assert.Equal(pages.Count, Int(stats, "pagesCaptured"));
        Assert.Equal(entries.Count, Int(stats, "entriesCommitted"));
        Assert.Equal(entries.Sum(e => e.Pages.Count), Int(stats, "pagesCommitted"));
        Assert.Equal(pages.Count(p => p.Ocr.Quality?.Verdict == Core.Quality.QualityVerdict.Pass), stats.GetProperty("qc").GetProperty("pass").GetInt32());
        Assert.Equal(audit.Count(a => a.Action == "field.edit" && a.Details!.Contains($" {FieldKeys.Amount}: ", StringComparison.Ordinal)), Corrections(stats, FieldKeys.Amount));
        var latencies = audit.Where(a => a.Action == "archive.search").Select(a => StatsService.Latency(a.Details)).OfType<double>().Order().ToArray();
        Assert.NotEmpty(latencies);
        Assert.Equal(Percentiles.Rank(latencies, 0.5), stats.GetProperty("searchLatencyMs").GetProperty("p50").GetDouble());
        Assert.Equal(Percentiles.Rank(latencies, 0.95), stats.GetProperty("searchLatencyMs").GetProperty("p95").GetDouble());
        Assert.Equal(store.Batches().Count(b => b.State == BatchState.ReadyForReview), stats.GetProperty("backlog").GetProperty("batches").GetInt32());
        Assert.True(stats.GetProperty("timeToFileSeconds").GetProperty("median").GetDouble() >= 0);
        Assert.True(stats.GetProperty("timeToFileSeconds").TryGetProperty("p90", out _));

        // The CSV of a chart carries the same numbers; a clerk has no statistics; a reviewer sees their own.
        var csv = await auditor.GetStringAsync($"api/stats/pages-per-day.csv?from={today}&to={today}");
        Assert.Contains($"{today},{Int(stats, "pagesCaptured")}", csv, StringComparison.Ordinal);
        using var clerk = await server.BearerAsync(Role.Clerk);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("api/stats")).StatusCode);
        var own = await reviewer.GetFromJsonAsync<JsonElement>($"api/stats?from={today}&to={today}");
        Assert.Equal("own", own.GetProperty("scope").GetString());
        Assert.Equal(audit.Count(a => a.Action == "field.edit" && a.User == WorkstationServer.UserOf(Role.Reviewer) && a.Details!.Contains($" {FieldKeys.Amount}: ", StringComparison.Ordinal)), Corrections(own, FieldKeys.Amount));
    }

    [Fact]
    public async Task Audit_filters_by_user_action_and_target_and_exports_csv_that_spreadsheets_cannot_run()
    {
        using var reviewer = await server.BearerAsync(Role.Reviewer);
        using var auditor = await server.BearerAsync(Role.Auditor);
        var marker = "=HYPERLINK(\"x\"),zz" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"api/search?q={Uri.EscapeDataString(marker)}")).StatusCode);

        var reviewerName = WorkstationServer.UserOf(Role.Reviewer);
        var records = await auditor.GetFromJsonAsync<JsonElement>($"api/audit?user={reviewerName}&action=archive&target={Uri.EscapeDataString(marker)}");
        var record = Assert.Single(records.EnumerateArray());
        Assert.Equal("archive.search", record.GetProperty("action").GetString());
        Assert.Matches(@"^0 hit\(s\), \d+(\.\d)? ms$", record.GetProperty("details").GetString());
        Assert.Empty((await auditor.GetFromJsonAsync<JsonElement>($"api/audit?user=auditor&target={Uri.EscapeDataString(marker)}")).EnumerateArray());

        var response = await auditor.GetAsync($"api/audit.csv?target={Uri.EscapeDataString(marker)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at,user,action,target,details,address", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains($",{reviewerName},archive.search,\"'=HYPERLINK(\"\"x\"\"),zz", row, StringComparison.Ordinal);

        using var clerk = await server.BearerAsync(Role.Clerk);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("api/audit.csv")).StatusCode);
    }

    [Fact]
    public async Task A_customer_conflict_is_kept_apart_through_the_api_and_audited()
    {
        using var reviewer = await server.BearerAsync(Role.Reviewer);
        var first = await CommitAsync(reviewer, "Zhang Wei");
        var second = await CommitAsync(reviewer, "Li Na");
        var inDoubt = await reviewer.GetFromJsonAsync<JsonElement>($"api/entries/{second}");
        Assert.False(string.IsNullOrEmpty(inDoubt.GetProperty("customerConflict").GetString()));
        var onRecord = (await reviewer.GetFromJsonAsync<JsonElement>($"api/entries/{first}")).GetProperty("customerId").GetString()!;
        var conflicts = await reviewer.GetFromJsonAsync<JsonElement>($"api/customers/{onRecord}/conflicts");
        Assert.Contains(conflicts.EnumerateArray(), e => e.GetProperty("number").GetString() == second);

        using var clerk = await server.BearerAsync(Role.Clerk);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync($"api/entries/{second}/customer", new { customerId = (string?)null })).StatusCode);
        var resolved = await reviewer.PostAsJsonAsync($"api/entries/{second}/customer", new { customerId = (string?)null, note = "different person" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var entry = await resolved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(entry.GetProperty("customerConflict").ValueKind == JsonValueKind.Null);
        Assert.NotEqual(onRecord, entry.GetProperty("customerId").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsJsonAsync($"api/entries/{second}/customer", new { customerId = onRecord })).StatusCode);

        using var auditor = await server.BearerAsync(Role.Auditor);
        var audit = await auditor.GetFromJsonAsync<JsonElement>($"api/audit?action=customer.resolve&target={second}");
        Assert.Contains("kept apart", Assert.Single(audit.EnumerateArray()).GetProperty("details").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> CommitAsync(HttpClient reviewer, string customer)
    {
        var name = "cust-" + Guid.NewGuid().ToString("N")[..8];
        ReviewSeed.Ready(server, name, 1, 1, DocumentTypes.CustomerRegistration,
        [
            new ExtractedField(FieldKeys.CustomerName, customer, customer, 0.95, 1, new PixelBox(10, 10, 100, 20)) { Validation = FieldValidation.Valid },
            new ExtractedField(FieldKeys.IdNumber, IdNumber, IdNumber, 0.95, 1, new PixelBox(10, 40, 100, 20)) { Validation = FieldValidation.Valid },
        ]);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"api/batches/{name}/approve", new { overrideReason = "customer test" })).StatusCode);
        var commit = await reviewer.PostAsJsonAsync($"api/batches/{name}/commit", new { });
        Assert.Equal(HttpStatusCode.OK, commit.StatusCode);
        return (await commit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("numbers")[0].GetString()!;
    }

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private static int Corrections(JsonElement stats, string key) =>
        stats.GetProperty("fieldCorrections").TryGetProperty(key, out var v) ? v.GetInt32() : 0;
}
