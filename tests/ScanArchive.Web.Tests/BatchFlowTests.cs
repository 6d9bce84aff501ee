using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ScanArchive.Core.Accounts;
using ScanArchive.TestSupport;

namespace ScanArchive.Web.Tests;

/// <summary>The whole path through the API with real recognition: upload, review, approve, commit, read, search, audit.</summary>
[Collection(WorkstationCollection.Name)]
public sealed class BatchFlowTests(WorkstationServer server)
{
    private static readonly TimeSpan RecognitionTimeout = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Upload_review_approve_commit_download_search_and_audit()
    {
        var name = "flow-" + Guid.NewGuid().ToString("N")[..8];
        var clerkName = WorkstationServer.UserOf(Role.Clerk);
        var reviewerName = WorkstationServer.UserOf(Role.Reviewer);

        // The clerk works in the browser: cookie plus anti-forgery header.
        using var clerk = await server.CookieAsync(clerkName);
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("api/batches", new { name })).StatusCode);
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(TestPaths.SampleScan("en-service-record.tif")));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/tiff");
            form.Add(file, "files", "en-service-record.tif");
            var notes = new ByteArrayContent("not a scan"u8.ToArray());
            notes.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(notes, "files", "notes.txt");
            var upload = await clerk.PostAsync($"api/batches/{name}/files", form);
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
            var uploaded = await upload.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Single(uploaded.GetProperty("imported").EnumerateArray());
            Assert.Equal("notes.txt", uploaded.GetProperty("refused")[0].GetProperty("name").GetString());
        }

        // The reviewer scripts against the API with a bearer token.
        using var reviewer = await server.BearerAsync(reviewerName);
        var batch = await WaitForStateAsync(reviewer, name, "readyForReview");
        var document = batch.GetProperty("documents")[0];
        var documentId = document.GetProperty("id").GetString()!;
        var version = document.GetProperty("version").GetInt32();
        var pages = document.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(pages);

        // A stale field version is refused with the value as it is now.
        var field = document.GetProperty("fields").EnumerateArray().FirstOrDefault();
        var key = field.ValueKind == JsonValueKind.Object ? field.GetProperty("key").GetString()! : "customer_name";
        var stale = await reviewer.PutAsJsonAsync($"api/batches/{name}/documents/{documentId}/fields/{key}", new { value = "Stale Value", version = version + 7 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(version, conflict.GetProperty("currentVersion").GetInt32());
        Assert.True(conflict.TryGetProperty("currentValue", out _));
        var edited = await reviewer.PutAsJsonAsync($"api/batches/{name}/documents/{documentId}/fields/{key}", new { value = "Helen Bennett", version });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("Helen Bennett", (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());

        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"api/batches/{name}/pages/{page}/approve", null)).StatusCode);
        }

        var approved = await reviewer.PostAsJsonAsync($"api/batches/{name}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        var commit = await reviewer.PostAsync($"api/batches/{name}/commit", null);
        Assert.Equal(HttpStatusCode.OK, commit.StatusCode);
        var numbers = (await commit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("numbers").EnumerateArray().Select(n => n.GetString()!).ToList();
        var number = Assert.Single(numbers);
        Assert.Matches(@"^KH-\d{4}-\d{6}$", number);

        var entry = await reviewer.GetFromJsonAsync<JsonElement>($"api/entries/{number}");
        Assert.Equal(name, entry.GetProperty("batchName").GetString());
        var pdf = await reviewer.GetAsync($"api/entries/{number}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]), StringComparison.Ordinal);

        var search = await reviewer.GetFromJsonAsync<JsonElement>($"api/search?q={Uri.EscapeDataString(number)}");
        Assert.Contains(search.GetProperty("hits").EnumerateArray(), h => h.GetProperty("archiveNumber").GetString() == number);
        var list = await reviewer.GetFromJsonAsync<JsonElement>("api/entries");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), e => e.GetProperty("number").GetString() == number);

        // The audit log has every step, with who and from where.
        using var auditor = await server.BearerAsync(Role.Auditor);
        var trail = (await auditor.GetFromJsonAsync<JsonElement>("api/audit?take=1000")).EnumerateArray().ToList();
        void Has(string user, string action, Func<string, bool>? target = null) => Assert.Contains(trail, r =>
            r.GetProperty("user").GetString() == user && r.GetProperty("action").GetString() == action
            && r.GetProperty("address").GetString() == "127.0.0.1" && (target?.Invoke(r.GetProperty("target").GetString()!) ?? true));
        Has(clerkName, "batch.create", t => t == name);
        Has(clerkName, "batch.add");
        Has(reviewerName, "batch.view", t => t == name);
        Has(reviewerName, "field.edit");
        Has(reviewerName, "batch.approved");
        Has(reviewerName, "batch.commit");
        Has(reviewerName, "entry.view", t => t == number);
        Has(reviewerName, "entry.download", t => t == number);
        Has(reviewerName, "archive.search", t => t == number);
        Assert.Contains(trail, r => r.GetProperty("user").GetString() == reviewerName && r.GetProperty("action").GetString()!.StartsWith("page.", StringComparison.Ordinal));

        // Filters: only the clerk's records.
        var clerkOnly = (await auditor.GetFromJsonAsync<JsonElement>($"api/audit?user={clerkName}")).EnumerateArray().ToList();
        Assert.NotEmpty(clerkOnly);
        Assert.All(clerkOnly, r => Assert.Equal(clerkName, r.GetProperty("user").GetString()));

        // The clerk may not read the audit log.
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("api/audit")).StatusCode);
    }

    [Fact]
    public async Task Events_stream_starts_with_the_batch_state()
    {
        using var reviewer = await server.BearerAsync(Role.Reviewer);
        var name = "sse-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await reviewer.PostAsJsonAsync("api/batches", new { name })).StatusCode);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await reviewer.GetAsync($"api/batches/{name}/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var first = await reader.ReadLineAsync(cancel.Token);
        var data = await reader.ReadLineAsync(cancel.Token);
        Assert.Equal("event: state", first);
        Assert.Contains("\"state\":\"capturing\"", data, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> WaitForStateAsync(HttpClient client, string name, string state)
    {
        var clock = Stopwatch.StartNew();
        JsonElement batch;
        do
        {
            batch = await client.GetFromJsonAsync<JsonElement>($"api/batches/{name}");
            if (batch.GetProperty("state").GetString() == state)
            {
                return batch;
            }

            await Task.Delay(250);
        }
        while (clock.Elapsed < RecognitionTimeout);

        Assert.Fail($"Batch {name} did not reach {state} within {RecognitionTimeout.TotalSeconds} s; it is {batch.GetProperty("state")}.");
        return batch;
    }
}
