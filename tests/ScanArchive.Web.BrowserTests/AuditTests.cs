using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ScanArchive.Core.Accounts;
using ScanArchive.Web.BrowserTests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ScanArchive.Web.BrowserTests;

/// <summary>The audit log screen shows sign-ins (ok and failed) and sign-outs, to auditors and administrators only.</summary>
[Collection(WorkstationCollection.Name)]
public sealed class AuditTests(WorkstationFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] SignInEvents = ["auth.login.failed", "auth.login", "auth.logout"];

    [Theory]
    [InlineData(Role.Auditor)]
    [InlineData(Role.Admin)]
    public async Task Audit_log_shows_a_failed_sign_in_a_sign_in_and_a_sign_out(Role reader)
    {
        var server = fixture.Server;
        var clerk = server.CreateAccount(Role.Clerk, "audited");
        var auditor = server.CreateAccount(reader);

        // What the log must show: a failed sign-in, a sign-in and a sign-out of the clerk, through the browser.
        await using (var clerkBrowser = await fixture.OpenAsync(output))
        {
            await clerkBrowser.SignInAsync(clerk, "wrong-password");
            await Expect(clerkBrowser.ById("login-error")).ToBeVisibleAsync();
            await clerkBrowser.SignInAsync(clerk, WorkstationServer.Password);
            await Expect(clerkBrowser.ById("logout")).ToBeVisibleAsync();
            await clerkBrowser.SignOutAsync();
            await Expect(clerkBrowser.Page).ToHaveURLAsync(new Regex("/login"));
        }

        await using var browser = await fixture.OpenAsync(output);
        await browser.SignInAsync(auditor, WorkstationServer.Password);
        await browser.ClickAndWaitAsync(browser.ById("nav-audit"));
        await Expect(browser.Root).ToHaveAttributeAsync("data-page", "audit");

        // The reader's own sign-in is there unfiltered; then the filter narrows the log to the clerk.
        await Expect(AuditRows(browser, auditor, "auth.login")).Not.ToHaveCountAsync(0);
        await browser.ById("audit-user").FillAsync(clerk);
        await browser.ClickAndWaitAsync(browser.ById("audit-apply"));
        foreach (var action in SignInEvents)
        {
            await Expect(AuditRows(browser, clerk, action)).Not.ToHaveCountAsync(0);
        }

        var failed = AuditRows(browser, clerk, "auth.login.failed").First;
        await Expect(failed).ToContainTextAsync("127.0.0.1");
        await Expect(browser.Page.Locator($"[data-testid='audit-row']:not([data-user='{clerk}'])")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync($"audit-as-{reader.ToString().ToLowerInvariant()}");
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task Clerk_has_no_audit_log()
    {
        var clerk = fixture.Server.CreateAccount(Role.Clerk);
        await using var browser = await fixture.OpenAsync(output);
        await browser.SignInAsync(clerk, WorkstationServer.Password);
        await Expect(browser.ById("nav-batches")).ToBeVisibleAsync();
        await Expect(browser.ById("nav-audit")).ToHaveCountAsync(0);

        await browser.GotoAsync("/audit");
        await Expect(browser.Root).ToHaveAttributeAsync("data-page", "denied");
        await Expect(browser.ById("audit-row")).ToHaveCountAsync(0);
        browser.AssertNoProblems();
    }

    private static ILocator AuditRows(BrowserSession browser, string user, string action) =>
        browser.Page.Locator($"[data-testid='audit-row'][data-user='{user}'][data-action='{action}']");
}
