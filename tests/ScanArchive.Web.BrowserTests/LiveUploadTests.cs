using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ScanArchive.Core.Accounts;
using ScanArchive.TestSupport;
using ScanArchive.Web.BrowserTests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ScanArchive.Web.BrowserTests;

/// <summary>
/// Live progress: a clerk creates a batch and uploads a page through the form on the batch list; the batch's page and
/// a batch list left open in another tab both show it reach review by themselves, without reloading.
/// </summary>
[Collection(WorkstationCollection.Name)]
public sealed class LiveUploadTests(WorkstationFixture fixture, ITestOutputHelper output)
{
    // A page with text: its recognition takes a few seconds, long enough to watch.
    private const string Sample = "en-invoice.jpg";

    // Recognition of one page on a loaded 2-core machine, with room to spare.
    private const float RecognitionTimeout = 120_000;

    // Set in a tab's window: a full reload would lose it, Blazor's live updates and enhanced refreshes keep it.
    private const string Mark = "window.__scanArchiveNotReloaded";

    [Fact]
    public async Task Clerk_uploads_a_page_from_the_batch_list_and_sees_it_reach_review_without_reloading()
    {
        var clerk = fixture.Server.CreateAccount(Role.Clerk, "uploader");
        var name = "live-" + Guid.NewGuid().ToString("N")[..8];
        await using var browser = await fixture.OpenAsync(output);
        await browser.SignInAsync(clerk, WorkstationServer.Password);

        // A second tab on the batch list, opened before the batch exists: it can only show the batch by listening.
        var list = await browser.Context.NewPageAsync();
        await list.GotoAsync("/batches");
        await Expect(list.Locator(".batch-table[data-ready]")).ToHaveAttributeAsync("data-live", "true");
        await list.EvaluateAsync($"() => {{ {Mark} = true; }}");
        await Expect(list.Locator($"[data-testid='batch-row'][data-batch='{name}']")).ToHaveCountAsync(0);

        // The form on the batch list: name and file, then create.
        await browser.GotoAsync("/batches");
        await browser.ById("batch-new").ClickAsync();
        await browser.ById("batch-name").FillAsync(name);
        await browser.ById("batch-files").SetInputFilesAsync(TestPaths.SampleScan(Sample));
        await browser.ScreenshotAsync("batch-upload-form");
        await browser.ClickAndWaitAsync(browser.ById("batch-create"));

        // The batch's own page; its live panel follows the recognition.
        await Expect(browser.Root).ToHaveAttributeAsync("data-batch", name);
        await Expect(browser.ById("batch-live")).ToHaveAttributeAsync("data-live", "true");
        await browser.Page.EvaluateAsync($"() => {{ {Mark} = true; }}");
        await Expect(browser.Root).ToHaveAttributeAsync("data-state", "readyForReview", new() { Timeout = RecognitionTimeout });
        await Expect(browser.ById("document")).ToHaveCountAsync(1);
        Assert.True(await browser.Page.EvaluateAsync<bool>($"() => {Mark} === true"), "The batch page was reloaded.");
        await browser.ScreenshotAsync("batch-upload-recognized");

        // The list tab shows the new batch at review too, by itself.
        var row = list.Locator($"[data-testid='batch-row'][data-batch='{name}']");
        await Expect(row).ToHaveAttributeAsync("data-state", "readyForReview", new() { Timeout = RecognitionTimeout });
        await Expect(row.GetByTestId("batch-state")).ToHaveTextAsync(new Regex("ready for review", RegexOptions.IgnoreCase));
        Assert.True(await list.EvaluateAsync<bool>($"() => {Mark} === true"), "The batch list was reloaded.");
        await list.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "batch-list-live.png"), FullPage = true });

        Assert.Equal(Core.Archive.BatchState.ReadyForReview, fixture.Server.Batch(name).State);
        browser.AssertNoProblems();
    }
}
