using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Web.BrowserTests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ScanArchive.Web.BrowserTests;

/// <summary>
/// What a role may do shows in the UI and is enforced by the API: a clerk sees their batches but not the review and
/// commit actions, and the API refuses their commit; a reviewer, on the same batches, sees the actions and gets
/// through to the batch. The batches are the fixture's; nothing here changes them.
/// </summary>
[Collection(WorkstationCollection.Name)]
public sealed class RoleTests(WorkstationFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Clerk_sees_own_batches_without_approve_reject_or_commit()
    {
        await using var browser = await fixture.OpenAsync(output);
        await browser.SignInAsync(fixture.Clerk, WorkstationServer.Password);

        await browser.GotoAsync("/batches");
        await Expect(browser.Row("batch-row", fixture.ReadyBatch)).ToHaveAttributeAsync("data-state", "readyForReview");
        await Expect(browser.Row("batch-row", fixture.ApprovedBatch)).ToHaveAttributeAsync("data-state", "approved");
        // The list is live (interactive over the server's WebSocket), as later screens will be.
        await Expect(browser.Page.Locator("[data-live]")).ToHaveAttributeAsync("data-live", "true");
        await browser.ScreenshotAsync("batch-list");

        // Through the list's link, as a person would.
        await browser.ClickAndWaitAsync(browser.Row("batch-row", fixture.ReadyBatch).GetByTestId("batch-link"));
        await Expect(browser.Root).ToHaveAttributeAsync("data-batch", fixture.ReadyBatch);
        await Expect(browser.Root).ToHaveAttributeAsync("data-state", "readyForReview");
        await Expect(browser.ById("document")).Not.ToHaveCountAsync(0);
        await Expect(browser.ById("approve")).ToHaveCountAsync(0);
        await Expect(browser.ById("reject")).ToHaveCountAsync(0);
        await Expect(browser.ById("page-approve")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("batch-detail-clerk");

        await browser.GotoAsync($"/batches/{fixture.ApprovedBatch}");
        await Expect(browser.Root).ToHaveAttributeAsync("data-state", "approved");
        await Expect(browser.ById("commit")).ToHaveCountAsync(0);
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task Clerk_commit_is_refused_by_the_API_with_cookie_and_with_token()
    {
        var server = fixture.Server;
        await using var browser = await fixture.OpenAsync(output);
        await browser.SignInAsync(fixture.Clerk, WorkstationServer.Password);

        // With the browser's cookie, and a valid anti-forgery token so that the refusal is about the role.
        var byCookie = await browser.PostWithCookieAsync($"/api/batches/{fixture.ApprovedBatch}/commit");
        Assert.True(byCookie.Status == 403, $"The clerk's commit by cookie answered {byCookie.Status}: {await BrowserSession.BodyAsync(byCookie)}");

        // With a bearer token, as a script would.
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        using var commit = new HttpRequestMessage(HttpMethod.Post, $"/api/batches/{fixture.ApprovedBatch}/commit") { Content = JsonContent.Create(new { }) };
        commit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, fixture.Clerk));
        using var byToken = await http.SendAsync(commit);
        Assert.Equal(HttpStatusCode.Forbidden, byToken.StatusCode);

        // Nothing was committed.
        var batch = server.Batch(fixture.ApprovedBatch);
        Assert.Equal(BatchState.Approved, batch.State);
        Assert.Empty(batch.EntryNumbers);
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task Reviewer_sees_the_actions_on_the_same_batches_and_the_API_lets_them_through()
    {
        var reviewer = fixture.Server.CreateAccount(Role.Reviewer);
        await using var browser = await fixture.OpenAsync(output);
        await browser.SignInAsync(reviewer, WorkstationServer.Password);

        await browser.GotoAsync($"/batches/{fixture.ReadyBatch}");
        await Expect(browser.ById("approve")).ToBeVisibleAsync();
        await Expect(browser.ById("reject")).ToBeVisibleAsync();
        await Expect(browser.ById("commit")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("batch-detail-reviewer");

        await browser.GotoAsync($"/batches/{fixture.ApprovedBatch}");
        await Expect(browser.ById("commit")).ToBeVisibleAsync();

        // Committing a batch still in review is refused for its state (409), not for the person (403) or the token (400).
        var byCookie = await browser.PostWithCookieAsync($"/api/batches/{fixture.ReadyBatch}/commit");
        Assert.True(byCookie.Status == 409, $"The reviewer's commit of a batch in review answered {byCookie.Status}: {await BrowserSession.BodyAsync(byCookie)}");
        Assert.Equal(BatchState.ReadyForReview, fixture.Server.Batch(fixture.ReadyBatch).State);
        browser.AssertNoProblems();
    }

    private static async Task<string> TokenAsync(HttpClient http, string user)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password = WorkstationServer.Password });
        Assert.True(response.IsSuccessStatusCode, $"POST /api/auth/token answered {(int)response.StatusCode}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("token").GetString()!;
    }
}
