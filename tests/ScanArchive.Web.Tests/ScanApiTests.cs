using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ScanArchive.Core.Accounts;

namespace ScanArchive.Web.Tests;

/// <summary>
/// <c>POST /api/batches/{name}/scan</c> through the real scanner worker (this test run's copy of the web program in its
/// scan-worker mode) and SANE's virtual <c>test</c> feeder, with real recognition; progress read from the batch's
/// server-sent events.
/// </summary>
[Collection(WorkstationCollection.Name)]
public sealed class ScanApiTests(WorkstationServer server)
{
    // Three sheets: enough to see sheets and pages interleave, few enough to stay quick (the feeder holds ten).
    private const int Sheets = 3;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Scan_from_the_feeder_streams_sheets_and_pages_then_a_jam_is_a_fault_that_keeps_the_sheets()
    {
        var name = "scan-" + Guid.NewGuid().ToString("N")[..8];
        using var clerk = await server.BearerAsync(Role.Clerk);
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("api/batches", new { name })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"api/batches/{name}/scan")).StatusCode);

        await using (var events = await EventStream.OpenAsync(await server.BearerAsync(Role.Clerk), name))
        {
            var started = await clerk.PostAsJsonAsync($"api/batches/{name}/scan", new { device = "test:0", source = "feeder", dpi = 150, mode = "gray", maxPages = Sheets });
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            var body = await started.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal($"/api/batches/{name}/events", body.GetProperty("events").GetString());
            Assert.Equal($"/api/batches/{name}/events", started.Headers.Location?.ToString());

            var done = await events.WaitForAsync(e => e.Kind is "done" or "fault", RunTimeout, "end of the scan");
            Assert.True(done.Kind == "done", $"The scan ended with {done.Kind}: {done.Message}");
            Assert.True(done.State == "readyForReview", $"The scan ended with the batch {done.State}: {events.Describe()}\n{await clerk.GetStringAsync($"api/batches/{name}")}");
            var seen = events.Events.Skip(1).ToList();
            Assert.Equal(Sheets, seen.Count(e => e.Kind == "sheet"));
            Assert.Equal(Sheets, seen.Count(e => e.Kind == "page"));
            Assert.All(seen.Where(e => e.Kind == "page"), e => Assert.StartsWith("Recognized", e.Message, StringComparison.Ordinal));
            Assert.True(seen.FindIndex(e => e.Kind == "sheet") < seen.FindIndex(e => e.Kind == "page"), events.Describe());
        }

        var batch = await clerk.GetFromJsonAsync<JsonElement>($"api/batches/{name}");
        Assert.Equal("readyForReview", batch.GetProperty("state").GetString());
        Assert.Equal(Sheets, PageCount(batch));
        Assert.All(batch.GetProperty("documents").EnumerateArray().SelectMany(d => d.GetProperty("pages").EnumerateArray()),
            p => Assert.Equal(150, p.GetProperty("dpi").GetInt32()));
        var status = await clerk.GetFromJsonAsync<JsonElement>($"api/batches/{name}/scan", WorkstationServer.Json);
        Assert.Equal("done", status.GetProperty("state").GetString());
        Assert.Equal(Sheets, status.GetProperty("sheets").GetInt32());
        Assert.Equal("test:0", status.GetProperty("device").GetString());

        // The test backend jams on the next sheet: a fault in the starter's language (Chinese here), nothing lost.
        using var chineseClerk = await server.BearerAsync(WorkstationServer.UserOf(Role.Clerk));
        chineseClerk.DefaultRequestHeaders.AcceptLanguage.Clear();
        chineseClerk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        await using (var events = await EventStream.OpenAsync(await server.BearerAsync(Role.Reviewer), name))
        {
            var jam = await chineseClerk.PostAsJsonAsync($"api/batches/{name}/scan", new
            {
                device = "test:0",
                source = "feeder",
                dpi = 150,
                mode = "gray",
                options = new Dictionary<string, string> { ["read-return-value"] = "SANE_STATUS_JAMMED" },
            });
            Assert.Equal(HttpStatusCode.Accepted, jam.StatusCode);
            var fault = await events.WaitForAsync(e => e.Kind is "fault" or "done", RunTimeout, "the jam");
            Assert.True(fault.Kind == "fault", $"Expected a fault, got {fault.Kind}: {events.Describe()}");
            Assert.Contains("卡纸", fault.Message, StringComparison.Ordinal);
            Assert.Contains("之前的页面已保存", fault.Message, StringComparison.Ordinal);
        }

        var afterJam = await clerk.GetFromJsonAsync<JsonElement>($"api/batches/{name}");
        Assert.Equal(Sheets, PageCount(afterJam));
        Assert.Equal("capturing", afterJam.GetProperty("state").GetString());
        var faultStatus = await WaitForScanStateAsync(clerk, name, "fault");
        Assert.Contains("卡纸", faultStatus.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, faultStatus.GetProperty("sheets").GetInt32());
    }

    [Fact]
    public async Task Scanning_refuses_a_missing_batch_an_unknown_profile_and_a_second_scan_at_once()
    {
        using var clerk = await server.BearerAsync(Role.Clerk);
        var missing = await clerk.PostAsJsonAsync("api/batches/no-such-batch/scan", new { device = "test:0" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var name = "scan-profile-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("api/batches", new { name })).StatusCode);
        var profile = await clerk.PostAsJsonAsync($"api/batches/{name}/scan", new { device = "test:0", profile = "no-such-profile" });
        Assert.Equal(HttpStatusCode.BadRequest, profile.StatusCode);
        Assert.Contains("no-such-profile", (await profile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"api/batches/{name}/scan")).StatusCode);

        // One scan per batch: while a slow one runs (the test backend pauses after every 64 KB), a second is refused.
        var slow = await clerk.PostAsJsonAsync($"api/batches/{name}/scan", new
        {
            device = "test:0",
            source = "feeder",
            dpi = 150,
            mode = "gray",
            maxPages = 1,
            options = new Dictionary<string, string> { ["read-delay"] = "yes", ["read-delay-duration"] = "30000" },
        });
        Assert.Equal(HttpStatusCode.Accepted, slow.StatusCode);
        var second = await clerk.PostAsJsonAsync($"api/batches/{name}/scan", new { device = "test:0", source = "feeder", maxPages = 1 });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("running", (await clerk.GetFromJsonAsync<JsonElement>($"api/batches/{name}/scan")).GetProperty("state").GetString());
        var finished = await WaitForScanStateAsync(clerk, name, "done");
        Assert.Equal(1, finished.GetProperty("sheets").GetInt32());
    }

    private static int PageCount(JsonElement batch) =>
        batch.GetProperty("documents").EnumerateArray().Sum(d => d.GetProperty("pages").GetArrayLength());

    /// <summary>The scan status once it reaches <paramref name="state"/> (the status is written just after the last event).</summary>
    private static async Task<JsonElement> WaitForScanStateAsync(HttpClient client, string name, string state)
    {
        var deadline = DateTime.UtcNow + RunTimeout;
        JsonElement status;
        do
        {
            status = await client.GetFromJsonAsync<JsonElement>($"api/batches/{name}/scan");
            if (status.GetProperty("state").GetString() == state)
            {
                return status;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"The scan of {name} did not reach {state}; it is {status}.");
        return status;
    }
}
