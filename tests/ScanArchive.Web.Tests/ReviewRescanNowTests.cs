using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ScanArchive.Core.Accounts;

namespace ScanArchive.Web.Tests;

/// <summary>
/// "Rescan in place, now": one sheet from a real (SANE <c>test</c>) scanner through the scan worker takes the page's
/// place and is recognized again; a scanner that cannot be reached leaves the page as it was, with a clear message.
/// </summary>
[Collection(WorkstationCollection.Name)]
public sealed class ReviewRescanNowTests(WorkstationServer server)
{
    [Fact]
    public async Task One_sheet_scanned_now_replaces_the_page_and_a_scanner_fault_changes_nothing()
    {
        var name = "rescan-now-" + Guid.NewGuid().ToString("N")[..8];
        var batch = ReviewSeed.Ready(server, name, documents: 1, pagesPerDocument: 2);
        var store = ReviewSeed.Store(server);
        var pages = store.Pages(batch.Id).OrderBy(p => p.PageNumber).ToList();
        var target = pages[1];
        using var reviewer = await server.BearerAsync(Role.Reviewer);
        using var auditor = await server.BearerAsync(Role.Auditor);

        // Refused before the scanner moves: the wrong role, a stale version, a scanner that is not there.
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"api/batches/{name}/pages/{target.Id}/rescan/scan", new { device = "test:0" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsJsonAsync($"api/batches/{name}/pages/{target.Id}/rescan/scan", new { device = "test:0", version = batch.Version - 1 })).StatusCode);
        var fault = await reviewer.PostAsJsonAsync($"api/batches/{name}/pages/{target.Id}/rescan/scan", new { device = "nosuchbackend:0" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fault.StatusCode);
        var problem = await fault.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("scanFault", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.DoesNotContain("sane_", problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
        Assert.Empty(store.FindPage(target.Id)!.History);

        // The sheet on the scanner now: scanned, put in place, recognized again; the old image kept in the history.
        var scanned = await reviewer.PostAsJsonAsync($"api/batches/{name}/pages/{target.Id}/rescan/scan", new { device = "test:0", dpi = 150, mode = "gray" });
        Assert.Equal(HttpStatusCode.Accepted, scanned.StatusCode);
        var after = await ReviewSeed.WaitAsync(reviewer, name,
            b => ReviewSeed.ReviewPages(b).Any(p => p.GetProperty("id").GetString() == target.Id && p.GetProperty("revisions").GetInt32() == 1 && p.GetProperty("rework").ValueKind == JsonValueKind.Null),
            "the page scanned again");
        Assert.Equal(pages.Select(p => p.Id), ReviewSeed.ReviewPages(after).Select(p => p.GetProperty("id").GetString()));
        var replaced = store.FindPage(target.Id)!;
        Assert.Equal("rescan", replaced.History.Single().Change);
        Assert.Equal(target.Image!.File.Sha256, replaced.History.Single().Image!.File.Sha256);
        Assert.NotEqual(target.Image.File.Sha256, replaced.Image!.File.Sha256);
        Assert.NotNull(replaced.Original);
        Assert.Empty(store.FindPage(pages[0].Id)!.History);

        var trail = (await auditor.GetFromJsonAsync<JsonElement>("api/audit?action=page.replace&take=100")).EnumerateArray().Where(r => r.GetProperty("target").GetString() == name).ToList();
        Assert.Single(trail);
    }
}
