using System.Text.RegularExpressions;
using ScanArchive.Core.Accounts;
using ScanArchive.Web.BrowserTests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ScanArchive.Web.BrowserTests;

/// <summary>First start: the first visitor creates the administrator with the one-time code the console printed.</summary>
[Collection(FreshWorkstationCollection.Name)]
public sealed class SetupTests(FreshWorkstationFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task First_visitor_creates_the_administrator_with_the_setup_code_and_signs_in()
    {
        var server = fixture.Server;
        Assert.True(server.Accounts.SetupRequired, "The fresh workstation already has an account.");
        var code = server.Accounts.SetupCode;
        Assert.False(string.IsNullOrEmpty(code));

        await using var browser = await fixture.OpenAsync(output);
        await browser.GotoAsync("/setup");
        await browser.ScreenshotAsync("setup");

        // A wrong code is refused and creates nobody.
        await FillSetupAsync(browser, "WRONG-CODE-0000", "chief", "first-admin-pw", "first-admin-pw");
        await Expect(browser.Page).ToHaveURLAsync(new Regex("/setup"));
        await Expect(browser.ById("setup-error")).ToBeVisibleAsync();
        Assert.True(server.Accounts.SetupRequired, "A wrong setup code created an account.");
        await browser.ScreenshotAsync("setup-wrong-code");

        // The printed code creates the administrator.
        await FillSetupAsync(browser, code, "chief", "first-admin-pw", "first-admin-pw");
        Assert.False(server.Accounts.SetupRequired);
        Assert.Equal(Role.Admin, server.Accounts.Find("chief")?.Role);

        // Setup signs the new administrator in, who sees the administrator's navigation.
        await Expect(browser.Page).Not.ToHaveURLAsync(new Regex("/(setup|login)"));
        await Expect(browser.ById("current-user")).ToHaveAttributeAsync("data-role", "Admin");
        await Expect(browser.ById("nav-accounts")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("first-admin-batch-list");

        // The password set at setup is the one that works.
        await browser.SignOutAsync();
        await browser.SignInAsync("chief", "first-admin-pw");
        await Expect(browser.ById("current-user")).ToHaveAttributeAsync("data-role", "Admin");

        // The code was for one use: setup is over.
        await browser.GotoAsync("/setup");
        await Expect(browser.ById("setup-submit")).ToHaveCountAsync(0);
        browser.AssertNoProblems();
    }

    private static async Task FillSetupAsync(BrowserSession browser, string code, string user, string password, string repeat)
    {
        await browser.ById("setup-code").FillAsync(code);
        await browser.ById("setup-user").FillAsync(user);
        await browser.ById("setup-password").FillAsync(password);
        await browser.ById("setup-password2").FillAsync(repeat);
        await browser.ClickAndWaitAsync(browser.ById("setup-submit"));
    }
}
