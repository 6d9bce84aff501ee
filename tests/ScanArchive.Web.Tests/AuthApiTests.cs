using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ScanArchive.Core.Accounts;

namespace ScanArchive.Web.Tests;

[Collection(WorkstationCollection.Name)]
public sealed class AuthApiTests(WorkstationServer server)
{
    [Fact]
    public async Task Health_answers_anonymous_callers()
    {
        using var client = server.Anonymous();
        var response = await client.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Cookie_login_then_logout_ends_the_session_and_is_audited()
    {
        using var client = server.Anonymous();
        var login = await WorkstationServer.LoginAsync(client, WorkstationServer.UserOf(Role.Reviewer), WorkstationServer.Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("scanarchive.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var signedIn = await login.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Reviewer", signedIn.GetProperty("role").GetString());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/batches")).StatusCode);

        // A state-changing call on the cookie needs the anti-forgery token.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("api/auth/logout", null)).StatusCode);
        using var logout = new HttpRequestMessage(HttpMethod.Post, "api/auth/logout");
        logout.Headers.Add(signedIn.GetProperty("antiforgeryHeader").GetString()!, signedIn.GetProperty("antiforgeryToken").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(logout)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/batches")).StatusCode);
        using var auditor = await server.BearerAsync(Role.Auditor);
        var records = await auditor.GetFromJsonAsync<JsonElement>($"api/audit?user={WorkstationServer.UserOf(Role.Reviewer)}&action=auth");
        var actions = records.EnumerateArray().Select(r => r.GetProperty("action").GetString()).ToList();
        Assert.Contains("auth.logout", actions);
        Assert.Contains("auth.login", actions);
        Assert.All(records.EnumerateArray(), r => Assert.Equal("127.0.0.1", r.GetProperty("address").GetString()));
    }

    [Fact]
    public async Task Login_without_antiforgery_token_is_refused()
    {
        using var client = server.Anonymous();
        var response = await client.PostAsJsonAsync("api/auth/login", new { userName = WorkstationServer.AdminName, password = WorkstationServer.Password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("antiforgery", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Wrong_password_is_401_with_problem_details()
    {
        using var client = server.Anonymous();
        var response = await WorkstationServer.LoginAsync(client, WorkstationServer.AdminName, "not-the-password");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("signInFailed", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        var user = server.NewAccount("lock", Role.Clerk);
        using var client = server.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.PostAsJsonAsync("api/auth/token", new { userName = user, password = "wrong-password-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var locked = await client.PostAsJsonAsync("api/auth/token", new { userName = user, password = WorkstationServer.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        var problem = await locked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("lockedOut", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("lockedUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(10));

        // The cookie login is locked too.
        var cookie = await WorkstationServer.LoginAsync(client, user, WorkstationServer.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, cookie.StatusCode);
    }

    [Fact]
    public async Task Bearer_token_works_without_cookie_or_antiforgery_and_dies_with_the_account()
    {
        var user = server.NewAccount("tok", Role.Clerk);
        using var client = await server.BearerAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/batches")).StatusCode);
        var created = await client.PostAsJsonAsync("api/batches", new { name = "bearer-" + Guid.NewGuid().ToString("N")[..8] });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var invalid = server.Anonymous();
        invalid.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await invalid.GetAsync("api/batches")).StatusCode);

        server.Accounts.SetDisabled(WorkstationServer.AdminName, user, true);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/batches")).StatusCode);
    }

    [Fact]
    public async Task Cookie_session_ends_when_the_password_is_reset()
    {
        var user = server.NewAccount("sess", Role.Reviewer);
        using var client = await server.CookieAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/batches")).StatusCode);
        server.Accounts.ResetPassword(WorkstationServer.AdminName, user, "another-password-1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/batches")).StatusCode);
    }

    [Theory]
    [InlineData("commit")]
    [InlineData("approve")]
    public async Task Clerk_is_refused_with_403(string action)
    {
        using var clerk = await server.BearerAsync(Role.Clerk);
        var name = "clerk-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("api/batches", new { name })).StatusCode);
        var response = await clerk.PostAsync($"api/batches/{name}/{action}", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Problem_details_speak_the_callers_language()
    {
        using var reviewer = await server.BearerAsync(Role.Reviewer);
        using var zh = new HttpRequestMessage(HttpMethod.Get, "api/batches/no-such-batch");
        zh.Headers.AcceptLanguage.Clear();
        zh.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        var response = await reviewer.SendAsync(zh);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("未找到", problem.GetProperty("title").GetString());
        Assert.Contains("找不到批次", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var english = await (await reviewer.GetAsync("api/batches/no-such-batch")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Not found", english.GetProperty("title").GetString());
        Assert.Contains("There is no batch", english.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var anonymous = server.Anonymous("zh-CN");
        var unauthorized = await (await anonymous.GetAsync("api/entries")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("需要登录", unauthorized.GetProperty("title").GetString());
    }
}
