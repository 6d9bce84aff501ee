using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using ScanArchive.Application;
using ScanArchive.Application.Accounts;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Processing;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.TestSupport;
using ScanArchive.Web;
using ScanArchive.Web.BrowserBench;

// The review screen in a real browser against the real server on loopback (issue 16's benchmark; not a test):
// page switch (PageDown → the next page's image shown) and field jump (Enter → the next field focused) p50/p95 for a
// 50-page batch, image bytes served per page against the stored original, and the server's memory while three
// reviewers work on the batch at once. Usage: dotnet run -c Release --project bench/ScanArchive.ReviewBench [pages]
var pages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
const string Password = "bench-password-42";
string[] scans = ["en-customer-registration.jpg", "en-invoice.jpg", "zh-account-application.jpg", "zh-contract.jpg", "en-service-agreement.jpg"];

using var data = new TempDirectory("scanarchive-reviewbench");
string[] serverArgs = ["--data", data.Path, "--urls", "http://127.0.0.1:0", "--environment", "Production", "--applicationName", "scanarchive-web"];
var app = WorkstationApp.Build(serverArgs, builder =>
{
    builder.WebHost.UseStaticWebAssets();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
});
await app.StartAsync();
var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
var accounts = app.Services.GetRequiredService<AccountService>();
accounts.Create("bench", "clerk", Role.Clerk, Password);
string[] reviewers = ["rev1", "rev2", "rev3"];
foreach (var r in reviewers)
{
    accounts.Create("bench", r, Role.Reviewer, Password);
}

// Five forms recognized for real, then copied into a batch of the asked size (recognition is not what is measured).
var clerk = new Actor("clerk", Role.Clerk);
var batches = app.Services.GetRequiredService<BatchService>();
var seed = batches.Create(clerk, "seed");
batches.Import(clerk, seed, [.. scans.Select(s => new ImportFile(TestPaths.SampleScan(s), s))]);
await app.Services.GetRequiredService<ProcessingService>().ProcessAsync(clerk, "seed");
var store = app.Services.GetRequiredService<ArchiveHost>().Store;
var seedBatch = store.FindBatch("seed")!;
var seedPages = store.Pages(seedBatch.Id);
var seedDocuments = store.Documents(seedBatch.Id);
var batch = store.CreateBatch("bench", "clerk");
const int PagesPerDocument = 5;
long originalBytes = 0;
for (var d = 0; d * PagesPerDocument < pages; d++)
{
    var source = seedDocuments[d % seedDocuments.Count];
    var sourcePage = seedPages.First(p => p.DocumentId == source.Id);
    var document = store.AddDocument(batch.Id, TestPaths.SampleScan(source.SourceName), $"{d + 1:D2}-{source.SourceName}", "clerk");
    byte[] image;
    using (var stream = store.OpenFile(sourcePage.Image!.File))
    using (var buffer = new MemoryStream())
    {
        stream.CopyTo(buffer);
        image = buffer.ToArray();
    }

    var count = Math.Min(PagesPerDocument, pages - (d * PagesPerDocument));
    for (var p = 1; p <= count; p++)
    {
        var i = sourcePage.Image;
        store.SavePage(new PageResult(batch.Id, document.Id, p, sourcePage.Ocr, new EncodedPageImage(image, i.Kind, i.Width, i.Height, i.Dpi), null));
        originalBytes += new FileInfo(TestPaths.SampleScan(source.SourceName)).Length;
    }

    store.UpdateDocument(document with { Status = DocumentStatus.Done, PageCount = count, DocumentType = source.DocumentType, Fields = source.Fields });
}

store.MoveBatch(batch.Id, BatchState.Processing, "clerk");
store.MoveBatch(batch.Id, BatchState.ReadyForReview, "clerk");
GC.Collect();
var idle = MemorySample.Sample();

// Three reviewers, each in their own browser context; the first is timed, the other two work at the same time.
var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("SCANARCHIVE_CHROMIUM") is { Length: > 0 } c ? c : "/usr/lib/chromium/chromium",
    Headless = true,
    Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
});
var sessions = new List<IPage>();
long fullImageBytes = 0, thumbBytes = 0, cropBytes = 0;
var fullImages = new HashSet<string>(StringComparer.Ordinal);
foreach (var reviewer in reviewers)
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
    context.SetDefaultTimeout(30_000);
    var page = await context.NewPageAsync();
    if (reviewer == reviewers[0])
    {
        page.Response += async (_, response) =>
        {
            if (!response.Url.Contains("/image", StringComparison.Ordinal) || response.Status != 200)
            {
                return;
            }

            var length = (await response.BodyAsync()).Length;
            var url = new Uri(response.Url);
            if (url.Query.Contains("w=", StringComparison.Ordinal))
            {
                Interlocked.Add(ref thumbBytes, length);
            }
            else if (url.Query.Contains("crop=", StringComparison.Ordinal))
            {
                Interlocked.Add(ref cropBytes, length);
            }
            else
            {
                // Counted once per page: the browser's cache answers a page seen again (leafing back).
                lock (fullImages)
                {
                    if (fullImages.Add(url.AbsolutePath))
                    {
                        fullImageBytes += length;
                    }
                }
            }
        };
    }

    await page.GotoAsync("/login");
    await page.GetByTestId("login-user").FillAsync(reviewer);
    await page.GetByTestId("login-password").FillAsync(Password);
    await page.GetByTestId("login-submit").ClickAsync();
    await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
    await page.GotoAsync("/review/bench");
    await page.Locator("[data-page=review][data-ready]").WaitForAsync();
    await page.Locator("[data-testid=viewer][data-loaded=true]").WaitForAsync();
    sessions.Add(page);
}

var peak = idle;
using var stop = new CancellationTokenSource();
var sampler = Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        peak = MemorySample.Max(peak, MemorySample.Sample());
        await Task.Delay(100);
    }
});

// Reviewers 2 and 3 leaf through the batch while reviewer 1 is timed.
var background = sessions.Skip(1).Select(async page =>
{
    var step = "PageDown";
    while (!stop.IsCancellationRequested)
    {
        var before = await page.Locator("[data-testid=viewer]").GetAttributeAsync("data-page-id");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync(step);
        try
        {
            await page.WaitForFunctionAsync("b => { const v = document.querySelector('[data-testid=viewer]'); return v.dataset.pageId !== b && v.dataset.loaded === 'true'; }", before, new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            step = step == "PageDown" ? "PageUp" : "PageDown";
        }
    }
}).ToList();

var timed = sessions[0];
await timed.Keyboard.PressAsync("Escape");

// A reviewer looks at a page before the next key: the clock starts on a settled screen (the server has caught up
// with the viewer: the screen's page is the viewer's, the image shown). Leafing presses the next key the moment
// the image shows, before the server has answered the previous one.
const string Shown = "b => { const v = document.querySelector('[data-testid=viewer]'); return v.dataset.pageId !== b && v.dataset.loaded === 'true'; }";
const string Settled = "() => { const v = document.querySelector('[data-testid=viewer]'); const s = document.querySelector('[data-page=review]'); return v.dataset.loaded === 'true' && s.dataset.pageId === v.dataset.pageId && !!v.dataset.next; }";
var switches = new List<double>();
var inBrowser = new List<double>();
for (var i = 0; i < pages - 1; i++)
{
    await timed.WaitForFunctionAsync(Settled);
    var before = await timed.Locator("[data-testid=viewer]").GetAttributeAsync("data-page-id");
    var clock = Stopwatch.StartNew();
    await timed.Keyboard.PressAsync("PageDown");
    await timed.WaitForFunctionAsync(Shown, before);
    switches.Add(clock.Elapsed.TotalMilliseconds);
    var painted = await timed.WaitForFunctionAsync("() => document.querySelector('[data-testid=viewer]').dataset.switchMs");
    inBrowser.Add(double.Parse(await painted.JsonValueAsync<string>(), CultureInfo.InvariantCulture));
    await timed.EvaluateAsync("() => delete document.querySelector('[data-testid=viewer]').dataset.switchMs");
}

var leafing = new List<double>();
for (var i = 0; i < pages - 1; i++)
{
    var before = await timed.Locator("[data-testid=viewer]").GetAttributeAsync("data-page-id");
    var clock = Stopwatch.StartNew();
    await timed.Keyboard.PressAsync("PageUp");
    await timed.WaitForFunctionAsync(Shown, before);
    leafing.Add(clock.Elapsed.TotalMilliseconds);
}

// Field jumps: back to the first page, into its first field, then Enter (save, next field) and Tab (next field, no save).
await timed.GotoAsync("/review/bench");
await timed.Locator("[data-page=review][data-ready]").WaitForAsync();
var jumps = new List<double>();
var tabs = new List<double>();
for (var i = 0; i < 30; i++)
{
    var root = timed.Locator("[data-page=review]");
    if (await root.GetAttributeAsync("data-target") != "field")
    {
        break;
    }

    var field = await root.GetAttributeAsync("data-field");
    var clock = Stopwatch.StartNew();
    await timed.Keyboard.PressAsync("Enter");
    await timed.WaitForFunctionAsync("f => { const r = document.querySelector('[data-page=review]'); const a = document.activeElement; return r.dataset.field !== f && (r.dataset.target !== 'field' || (a && a.dataset.fieldInput === r.dataset.field)); }", field);
    jumps.Add(clock.Elapsed.TotalMilliseconds);
}

for (var i = 0; i < 30; i++)
{
    await timed.Keyboard.PressAsync("Escape");
    var clock = Stopwatch.StartNew();
    await timed.Keyboard.PressAsync("Tab");
    await timed.WaitForFunctionAsync("() => document.activeElement?.matches('[data-field-input]')");
    tabs.Add(clock.Elapsed.TotalMilliseconds);
}

await stop.CancelAsync();
await sampler;
foreach (var task in background)
{
    try
    {
        await task;
    }
    catch (PlaywrightException)
    {
        // A reviewer's last step cut short by the end of the run.
    }
}

var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"review screen, {pages}-page batch, 3 reviewers, loopback, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
report.AppendLine();
report.AppendLine("| measure | p50 | p95 | max | n |");
report.AppendLine("| --- | --- | --- | --- | --- |");
report.AppendLine(Stats.Row("page switch (PageDown → next image shown), ms", switches));
report.AppendLine(Stats.Row("page switch in the browser (key event → first frame showing the page), ms", inBrowser));
report.AppendLine(Stats.Row("page switch while leafing (next key as soon as the image shows), ms", leafing));
report.AppendLine(Stats.Row("field jump (Enter: save, next field focused), ms", jumps));
report.AppendLine(Stats.Row("field step (Tab, no save), ms", tabs));
report.AppendLine();
var perPage = fullImages.Count == 0 ? 0 : fullImageBytes / (double)fullImages.Count;
var originalPerPage = originalBytes / (double)pages;
report.AppendLine(CultureInfo.InvariantCulture, $"image bytes per page shown: {perPage / 1024:0} KiB full image ({perPage / originalPerPage:0.00} × the uploaded original, {originalPerPage / 1024:0} KiB), thumbnails {thumbBytes / 1024.0 / pages:0.0} KiB per page, evidence crops {cropBytes / 1024.0:0} KiB in all; {fullImages.Count} pages fetched");
report.AppendLine(CultureInfo.InvariantCulture, $"server memory (in-process server; working set / managed heap): idle after seeding {idle.WorkingSet / 1048576.0:0} MiB / {idle.Managed / 1048576.0:0} MiB; peak with 3 reviewers {peak.WorkingSet / 1048576.0:0} MiB / {peak.Managed / 1048576.0:0} MiB ({(double)peak.WorkingSet / idle.WorkingSet:0.00} × idle)");
Console.Write(report);
var results = Path.Combine(TestPaths.RepoRoot, "bench", "results");
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, $"review-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md"), report.ToString());

await browser.CloseAsync();
playwright.Dispose();
await app.StopAsync();
await app.DisposeAsync();
