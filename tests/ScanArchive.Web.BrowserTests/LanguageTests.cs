using System.Text.RegularExpressions;
using ScanArchive.Core.Accounts;
using ScanArchive.Web.BrowserTests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ScanArchive.Web.BrowserTests;

/// <summary>The UI speaks Chinese or English: the browser's language first, then the person's choice.</summary>
[Collection(WorkstationCollection.Name)]
public sealed class LanguageTests(WorkstationFixture fixture, ITestOutputHelper output)
{
    private static readonly Regex Han = new("[\u4e00-\u9fff]");

    [Fact]
    public async Task Language_switch_turns_the_screens_Chinese_and_back()
    {
        var reviewer = fixture.Server.CreateAccount(Role.Reviewer);
        await using var browser = await fixture.OpenAsync(output, locale: "en-US");
        await browser.SignInAsync(reviewer, WorkstationServer.Password);
        await browser.GotoAsync("/batches");
        var nav = browser.ById("nav-batches");
        await Expect(browser.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(nav).Not.ToHaveTextAsync(Han);

        await browser.ClickAndWaitAsync(browser.ById("lang-switch"));
        await Expect(browser.Page).ToHaveURLAsync(new Regex("/batches"));
        await Expect(browser.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(nav).ToHaveTextAsync(Han);
        await Expect(browser.ById("logout")).ToHaveTextAsync(Han);
        await browser.ScreenshotAsync("batch-list-zh-CN");

        // The choice stays for the next screens.
        await browser.GotoAsync("/batches");
        await Expect(nav).ToHaveTextAsync(Han);

        await browser.ClickAndWaitAsync(browser.ById("lang-switch"));
        await Expect(browser.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(nav).Not.ToHaveTextAsync(Han);
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task A_Chinese_browser_gets_the_sign_in_page_in_Chinese()
    {
        await using var browser = await fixture.OpenAsync(output, locale: "zh-CN");
        await browser.GotoAsync("/login");
        await Expect(browser.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(browser.ById("login-submit")).ToHaveTextAsync(Han);
        await browser.ScreenshotAsync("login-zh-CN");
        browser.AssertNoProblems();
    }
}
