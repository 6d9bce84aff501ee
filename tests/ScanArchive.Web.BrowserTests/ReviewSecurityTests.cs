using System.Text.RegularExpressions;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Web.BrowserTests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ScanArchive.Web.BrowserTests;

/// <summary>Markup in recognized text and in fields stays text; a clerk cannot review; the screen speaks Chinese.</summary>
[Collection(ReviewCollection.Name)]
public sealed class ReviewSecurityTests(ReviewFixture fixture, ITestOutputHelper output)
{
    private static readonly Regex Han = new("[\u4e00-\u9fff]");

    [Fact]
    public async Task A_payload_in_a_field_shows_as_text_in_Chinese_and_nothing_runs()
    {
        var reviewer = fixture.Server.CreateAccount(Role.Reviewer);
        await using var browser = await fixture.OpenAsync(output, locale: "zh-CN");
        await browser.Page.SetViewportSizeAsync(1366, 768);
        await browser.SignInAsync(reviewer, WorkstationServer.Password);
        await browser.GotoAsync($"/review/{fixture.XssBatch}");
        await Expect(browser.Page.Locator("[data-testid=viewer][data-loaded=true]")).ToHaveCountAsync(1);
        await Expect(browser.ById("page-approve")).ToHaveTextAsync(Han);

        await Expect(browser.Page.Locator("[data-field-input='customer_name']")).ToHaveValueAsync(ReviewFixture.Payload);
        await Expect(browser.Page.Locator("img[src=x]")).ToHaveCountAsync(0);
        Assert.Null(await browser.Page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        await browser.ScreenshotAsync("review-screen-zh-CN");
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task A_payload_in_recognized_text_is_drawn_as_text_by_the_viewer()
    {
        var reviewer = fixture.Server.CreateAccount(Role.Reviewer);
        await using var browser = await fixture.OpenAsync(output);
        await browser.SignInAsync(reviewer, WorkstationServer.Password);
        await browser.GotoAsync($"/review/{fixture.XssBatch}");

        // The viewer's own drawing path, given a word whose text is markup (as OCR could read it).
        var title = await browser.Page.EvaluateAsync<string>(@"async payload => {
            const viewer = await import('/js/viewer.js');
            const host = document.createElement('div');
            host.style.width = '200px'; host.style.height = '200px';
            document.body.append(host);
            const v = viewer.create(host, null);
            v.drawWords([{ text: payload, box: [1, 1, 50, 20], confidence: 12, line: 0 }]);
            const text = host.querySelector('title').textContent;
            v.dispose(); host.remove();
            return text;
        }", ReviewFixture.Payload);
        Assert.StartsWith(ReviewFixture.Payload, title, StringComparison.Ordinal);
        await Expect(browser.Page.Locator("img[src=x]")).ToHaveCountAsync(0);
        Assert.Null(await browser.Page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task A_clerk_has_no_review_screen_and_cannot_approve()
    {
        await using var browser = await fixture.OpenAsync(output);
        await browser.SignInAsync(fixture.Clerk, WorkstationServer.Password);
        await browser.GotoAsync("/batches");
        await Expect(browser.ById("nav-review")).ToHaveCountAsync(0);

        await browser.GotoAsync($"/review/{fixture.ReloadBatch}");
        await Expect(browser.Root).ToHaveAttributeAsync("data-page", "denied");
        await Expect(browser.Page.Locator("[data-page=review]")).ToHaveCountAsync(0);

        var approve = await browser.PostWithCookieAsync($"/api/batches/{fixture.ReloadBatch}/approve", new { overrideReason = "clerk tries" });
        Assert.True(approve.Status == 403, $"The clerk's approval answered {approve.Status}: {await BrowserSession.BodyAsync(approve)}");
        Assert.NotEqual(BatchState.Approved, fixture.Server.Batch(fixture.ReloadBatch).State);
        browser.AssertNoProblems();
    }
}
