using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ScanArchive.Web.Tests;

/// <summary>First run: the setup page creates the administrator once, with the code the console printed.</summary>
public sealed partial class SetupTests(FreshWorkstationServer server) : IClassFixture<FreshWorkstationServer>
{
    [Fact]
    public async Task First_visitor_creates_the_admin_with_the_setup_code()
    {
        using var client = server.Anonymous();
        Assert.True(server.Accounts.SetupRequired);
        Assert.True(File.Exists(Path.Combine(server.DataFolder, "server.json")));

        // Signing in is not possible yet: the sign-in page sends the visitor to setup.
        var login = await client.GetAsync("login");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.EndsWith("/setup", login.Headers.Location!.ToString(), StringComparison.Ordinal);

        var page = await client.GetStringAsync($"setup?code={server.Accounts.SetupCode}");
        Assert.Contains("data-testid=\"setup-code\"", page, StringComparison.Ordinal);
        Assert.Contains("data-ready", page, StringComparison.Ordinal);

        // A wrong code is refused on the page.
        var wrong = await client.PostAsync("setup", Form(page, "WRONG-CODE", "chief", "a-long-password-1", "a-long-password-1"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"setup-error\"", wrongPage, StringComparison.Ordinal);
        Assert.True(server.Accounts.SetupRequired);

        // Passwords that differ are refused.
        var mismatch = await client.PostAsync("setup", Form(wrongPage, server.Accounts.SetupCode, "chief", "a-long-password-1", "a-long-password-2"));
        Assert.Contains("data-testid=\"setup-error\"", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var done = await client.PostAsync("setup", Form(wrongPage, server.Accounts.SetupCode, "chief", "a-long-password-1", "a-long-password-1"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.False(server.Accounts.SetupRequired);
        Assert.Equal("Admin", server.Accounts.Find("chief")!.Role.ToString());

        // Signed in by the setup: the batch list answers, and the setup page is closed for good.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/batches")).StatusCode);
        var again = await client.GetAsync("setup");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.EndsWith("/login", again.Headers.Location!.ToString(), StringComparison.Ordinal);

        var token = await client.PostAsJsonAsync("api/auth/token", new { userName = "chief", password = "a-long-password-1" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.True((await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("expires").GetDateTimeOffset() > DateTimeOffset.UtcNow);
    }

    private static FormUrlEncodedContent Form(string page, string code, string user, string password, string password2) => new(new Dictionary<string, string>
    {
        ["_handler"] = "setup",
        ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        ["Input.Code"] = code,
        ["Input.UserName"] = user,
        ["Input.DisplayName"] = "",
        ["Input.Password"] = password,
        ["Input.Password2"] = password2,
    });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
