using ScanArchive.Core.Accounts;
using ScanArchive.Web.BrowserTests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ScanArchive.Web.BrowserTests;

/// <summary>Account management is the administrator's.</summary>
[Collection(WorkstationCollection.Name)]
public sealed class AccountsTests(WorkstationFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Administrator_sees_the_accounts_and_creates_one()
    {
        var server = fixture.Server;
        var reviewer = server.CreateAccount(Role.Reviewer);
        var newcomer = "newcomer-" + reviewer;
        await using var browser = await fixture.OpenAsync(output);
        await browser.SignInAsync(fixture.Admin, WorkstationServer.Password);
        await browser.ClickAndWaitAsync(browser.ById("nav-accounts"));
        await Expect(browser.Root).ToHaveAttributeAsync("data-page", "accounts");

        await Expect(Account(browser, fixture.Admin)).ToHaveAttributeAsync("data-role", "Admin");
        await Expect(Account(browser, reviewer)).ToHaveAttributeAsync("data-role", "Reviewer");
        await browser.ScreenshotAsync("accounts");

        await browser.ById("account-new").ClickAsync();
        await browser.ById("account-new-user").FillAsync(newcomer);
        await browser.ById("account-new-role").SelectOptionAsync("Auditor");
        await browser.ById("account-new-password").FillAsync("newcomer-password");
        await browser.ClickAndWaitAsync(browser.ById("account-create"));
        await Expect(Account(browser, newcomer)).ToHaveAttributeAsync("data-role", "Auditor");
        Assert.Equal(Role.Auditor, server.Accounts.Find(newcomer)?.Role);
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task Reviewer_has_no_account_management()
    {
        var reviewer = fixture.Server.CreateAccount(Role.Reviewer);
        await using var browser = await fixture.OpenAsync(output);
        await browser.SignInAsync(reviewer, WorkstationServer.Password);
        await Expect(browser.ById("nav-batches")).ToBeVisibleAsync();
        await Expect(browser.ById("nav-accounts")).ToHaveCountAsync(0);

        await browser.GotoAsync("/accounts");
        await Expect(browser.Root).ToHaveAttributeAsync("data-page", "denied");
        await Expect(browser.ById("account-row")).ToHaveCountAsync(0);
        browser.AssertNoProblems();
    }

    private static Microsoft.Playwright.ILocator Account(BrowserSession browser, string user) =>
        browser.Page.Locator($"[data-testid='account-row'][data-user='{user}']");
}
