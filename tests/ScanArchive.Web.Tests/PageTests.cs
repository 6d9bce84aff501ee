using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ScanArchive.Core.Accounts;

namespace ScanArchive.Web.Tests;

/// <summary>The server-rendered pages: navigation by role, hidden actions, forms with anti-forgery, language.</summary>
[Collection(WorkstationCollection.Name)]
public sealed partial class PageTests(WorkstationServer server)
{
    [Fact]
    public async Task Navigation_follows_the_role()
    {
        using var admin = await server.CookieAsync(WorkstationServer.AdminName);
        var page = await admin.GetStringAsync("batches");
        Assert.Contains("data-ready=\"true\"", page, StringComparison.Ordinal);
        foreach (var id in new[] { "nav-batches", "nav-accounts", "nav-audit", "logout", "lang-switch", "batch-create" })
        {
            Assert.Contains($"data-testid=\"{id}\"", page, StringComparison.Ordinal);
        }

        using var clerk = await server.CookieAsync(WorkstationServer.UserOf(Role.Clerk));
        var clerkPage = await clerk.GetStringAsync("batches");
        Assert.DoesNotContain("data-testid=\"nav-accounts\"", clerkPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"nav-audit\"", clerkPage, StringComparison.Ordinal);
        var denied = await clerk.GetAsync("accounts");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/denied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var auditor = await server.CookieAsync(WorkstationServer.UserOf(Role.Auditor));
        var audit = await auditor.GetStringAsync("audit?action=auth");
        Assert.Contains("data-testid=\"audit-row\"", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"batch-create\"", await auditor.GetStringAsync("batches"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clerk_sees_no_approve_or_commit_buttons()
    {
        using var clerk = await server.CookieAsync(WorkstationServer.UserOf(Role.Clerk));
        var name = "page-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("api/batches", new { name })).StatusCode);
        var page = await clerk.GetStringAsync($"batches/{name}");
        Assert.Contains($"data-batch=\"{name}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"approve\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"commit\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"batch-live\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_creates_an_account_through_the_form()
    {
        using var admin = await server.CookieAsync(WorkstationServer.AdminName);
        var page = await admin.GetStringAsync("accounts");
        Assert.Contains("data-testid=\"account-row\"", page, StringComparison.Ordinal);
        var user = "form" + Guid.NewGuid().ToString("N")[..6];

        // Without the anti-forgery field (and no header either, as a browser form) the post is refused.
        admin.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        var forged = await admin.PostAsync("accounts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "account-create", ["Edit.UserName"] = user, ["Edit.Role"] = "Clerk", ["Edit.Password"] = "form-password-1",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(server.Accounts.Find(user));

        var created = await admin.PostAsync("accounts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "account-create",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
            ["Edit.UserName"] = user,
            ["Edit.Role"] = "Reviewer",
            ["Edit.Password"] = "form-password-1",
        }));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains($"data-user=\"{user}\"", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Role.Reviewer, server.Accounts.Find(user)!.Role);
    }

    [Fact]
    public async Task Language_follows_the_browser_until_switched()
    {
        using var chinese = server.Anonymous("zh-CN,zh;q=0.9,en;q=0.8");
        var login = await chinese.GetStringAsync("login");
        Assert.Contains("登录", login, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", login, StringComparison.Ordinal);

        var switched = await chinese.PostAsync("culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en", ["returnUrl"] = "/login", ["__RequestVerificationToken"] = AntiforgeryField().Match(login).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var english = await chinese.GetStringAsync("login");
        Assert.Contains("Sign in", english, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", english, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
