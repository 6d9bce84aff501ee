using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ScanArchive.Application;
using ScanArchive.Application.Auditing;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Web.BrowserTests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ScanArchive.Web.BrowserTests;

/// <summary>Signing in and out, and the lockout after five wrong passwords.</summary>
[Collection(WorkstationCollection.Name)]
public sealed class SignInTests(WorkstationFixture fixture, ITestOutputHelper output)
{
    private static readonly Regex LoginUrl = new("/login");

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_then_signs_in_and_out()
    {
        var clerk = fixture.Server.CreateAccount(Role.Clerk);
        await using var browser = await fixture.OpenAsync(output);

        await browser.GotoAsync("/batches");
        await Expect(browser.Page).ToHaveURLAsync(LoginUrl);
        await Expect(browser.ById("logout")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("login");

        await browser.SignInAsync(clerk, WorkstationServer.Password);
        await Expect(browser.Page).Not.ToHaveURLAsync(LoginUrl);
        await Expect(browser.ById("current-user")).ToContainTextAsync(clerk);
        await Expect(browser.ById("current-user")).ToHaveAttributeAsync("data-role", "Clerk");

        await browser.SignOutAsync();
        await Expect(browser.Page).ToHaveURLAsync(LoginUrl);

        // The session is over, not only the page: a signed-in screen sends back to sign-in.
        await browser.GotoAsync("/batches");
        await Expect(browser.Page).ToHaveURLAsync(LoginUrl);
        await Expect(browser.ById("current-user")).ToHaveCountAsync(0);
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message()
    {
        var clerk = fixture.Server.CreateAccount(Role.Clerk);
        await using var browser = await fixture.OpenAsync(output);

        await browser.SignInAsync(clerk, "not-the-password");
        await Expect(browser.Page).ToHaveURLAsync(LoginUrl);
        await Expect(browser.ById("login-error")).ToBeVisibleAsync();
        await Expect(browser.ById("current-user")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("login-failed");
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_right_one_is_refused_next()
    {
        var clerk = fixture.Server.CreateAccount(Role.Clerk, "locked");
        await using var browser = await fixture.OpenAsync(output);
        await browser.GotoAsync("/login");

        // Four failures: refused, not (yet) locked.
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await browser.SignInAsync(clerk, $"wrong-password-{attempt}");
            await Expect(browser.ById("login-error")).ToBeVisibleAsync();
            await Expect(browser.ById("login-error")).Not.ToContainTextAsync(new Regex("lock", RegexOptions.IgnoreCase));
            Assert.Null(fixture.Server.Accounts.Find(clerk)!.LockedUntil);
        }

        // The fifth locks the account.
        await browser.SignInAsync(clerk, "wrong-password-5");
        Assert.NotNull(fixture.Server.Accounts.Find(clerk)!.LockedUntil);

        // The sixth, with the right password, is refused with the lockout message.
        await browser.SignInAsync(clerk, WorkstationServer.Password);
        await Expect(browser.Page).ToHaveURLAsync(LoginUrl);
        await Expect(browser.ById("login-error")).ToContainTextAsync(new Regex("lock", RegexOptions.IgnoreCase));
        await Expect(browser.ById("current-user")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("login-locked-out");

        // The server refused it for the lockout (not as a wrong password).
        var audit = fixture.Server.Services.GetRequiredService<AuditService>()
            .Query(new Actor("browser-tests", Role.Auditor), new AuditQuery { User = clerk, Action = "auth.login.locked" });
        Assert.Single(audit);

        // Not signed in behind the message either.
        await browser.GotoAsync("/batches");
        await Expect(browser.Page).ToHaveURLAsync(LoginUrl);
        browser.AssertNoProblems();
    }
}
