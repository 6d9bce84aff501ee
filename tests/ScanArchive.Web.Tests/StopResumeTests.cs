using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ScanArchive.Application;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.TestSupport;

namespace ScanArchive.Web.Tests;

/// <summary>
/// Stopping the server while a batch is being recognized loses nothing: the pages in flight finish, and a new server
/// on the same data folder finishes the batch by itself (the processing queue resumes batches left in processing).
/// </summary>
public sealed class StopResumeTests
{
    // Distinct pages with text (several seconds of recognition each), more than the engines hold in flight at once, so
    // that the stop lands mid-batch.
    private static readonly string[] Scans =
    [
        "en-invoice.jpg", "zh-invoice.jpg", "en-customer-registration.jpg", "zh-contract.jpg",
        "en-service-agreement.jpg", "zh-account-application.jpg", "zh-id-card-copy.jpg", "zh-customer-registration.png",
    ];

    private static readonly TimeSpan RecognitionTimeout = TimeSpan.FromSeconds(300);

    [Fact]
    public async Task A_batch_stopped_mid_recognition_is_finished_by_the_next_server_on_the_same_data_folder()
    {
        using var data = new TempDirectory("scanarchive-resume");
        var name = "resume-" + Guid.NewGuid().ToString("N")[..8];
        var clerkName = WorkstationServer.UserOf(Role.Clerk);

        var first = new WorkstationServer(data.Path, setUpAccounts: true);
        try
        {
            await first.InitializeAsync();
            using var clerk = await first.BearerAsync(Role.Clerk);
            Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("api/batches", new { name })).StatusCode);
            await using var events = await EventStream.OpenAsync(await first.BearerAsync(Role.Clerk), name);
            using (var form = new MultipartFormDataContent())
            {
                foreach (var scan in Scans)
                {
                    var file = new ByteArrayContent(await File.ReadAllBytesAsync(TestPaths.SampleScan(scan)));
                    file.Headers.ContentType = new MediaTypeHeaderValue(scan.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg");
                    form.Add(file, "files", scan);
                }

                var upload = await clerk.PostAsync($"api/batches/{name}/files", form);
                Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
                Assert.Equal(Scans.Length, (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetArrayLength());
            }

            // The first page is recognized: stop the server now, as Ctrl+C would.
            await events.WaitForAsync(e => e.Kind == "page", RecognitionTimeout, "the first recognized page");
        }
        finally
        {
            await first.DisposeAsync();
        }

        // Between the two servers: the batch is still in processing, partly recognized, nothing half-written.
        int pendingAtStop;
        using (var host = new ArchiveHost(new ScanArchiveOptions { DataFolder = data.Path }))
        {
            var batch = host.Store.FindBatch(name)!;
            Assert.Equal(BatchState.Processing, batch.State);
            var documents = host.Store.Documents(batch.Id);
            Assert.Equal(Scans.Length, documents.Count);
            pendingAtStop = documents.Count(d => d.Status == DocumentStatus.Pending);
            Assert.True(pendingAtStop > 0, "The stop came after the whole batch was recognized: nothing left to resume.");
            Assert.Contains(documents, d => d.Status == DocumentStatus.Done);
            Assert.All(documents.Where(d => d.Status == DocumentStatus.Done), d => Assert.NotEmpty(host.Store.DocumentPages(d.Id)));
        }

        var second = new WorkstationServer(data.Path, setUpAccounts: false);
        try
        {
            await second.InitializeAsync();
            using var clerk = await second.BearerAsync(clerkName);
            var batch = await WaitForStateAsync(clerk, name, "readyForReview");
            var documents = batch.GetProperty("documents").EnumerateArray().ToList();
            Assert.Equal(Scans.Length, documents.Count);
            Assert.All(documents, d => Assert.Equal("done", d.GetProperty("status").GetString()));
            Assert.All(documents, d => Assert.Equal(1, d.GetProperty("pages").GetArrayLength()));
            Assert.All(documents.SelectMany(d => d.GetProperty("pages").EnumerateArray()), p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("text").GetString())));
        }
        finally
        {
            await second.DisposeAsync();
        }
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
