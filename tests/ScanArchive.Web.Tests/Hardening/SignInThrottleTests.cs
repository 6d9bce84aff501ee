using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ScanArchive.Web.Security;

namespace ScanArchive.Web.Tests.Hardening;

/// <summary>
/// Login throttling per address: many user names tried from one address (each below the per-account lockout) end in
/// 429 with Retry-After and a message in the caller's language, for every way to sign in, even with the right
/// password. Its own server: the throttle is per process and would otherwise shut out the other tests on loopback.
/// </summary>
public sealed class SignInThrottleTests : IAsyncLifetime
{
    private readonly WorkstationServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Many_user_names_from_one_address_are_throttled_with_retry_after()
    {
        using var client = _server.Anonymous();

        // Each name fails once: no account gets near its own lockout, only the address adds up.
        for (var i = 0; i < SignInThrottle.MaxFailuresPerAddress; i++)
        {
            var response = await client.PostAsJsonAsync("api/auth/token", new { userName = $"guess{i}", password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // The next attempt is refused before the password is checked, even the right one for a real account.
        var refused = await client.PostAsJsonAsync("api/auth/token", new { userName = WorkstationServer.AdminName, password = WorkstationServer.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retry = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retry);
        Assert.InRange(retry!.Value, TimeSpan.FromSeconds(1), SignInThrottle.Window);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("address", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // In Chinese for a Chinese caller.
        using var chinese = _server.Anonymous("zh-CN");
        var zh = await chinese.PostAsJsonAsync("api/auth/token", new { userName = WorkstationServer.AdminName, password = WorkstationServer.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, zh.StatusCode);
        Assert.Contains("地址", (await zh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The cookie API and the sign-in form are throttled the same way.
        var cookie = await WorkstationServer.LoginAsync(client, WorkstationServer.AdminName, WorkstationServer.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, cookie.StatusCode);
        Assert.NotNull(cookie.Headers.RetryAfter);
        var form = await client.PostAsync("login", new FormUrlEncodedContent([new("Input.UserName", "admin"), new("Input.Password", "x")]));
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Contains("address", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The accounts themselves were never locked: only the address is held back.
        Assert.All(_server.Accounts.List(), a => Assert.Null(a.LockedUntil));
    }

    [Fact]
    public void Failures_leave_the_window_and_successes_do_not_reset_it()
    {
        var clock = new StepClock(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.MaxFailuresPerAddress - 1; i++)
        {
            throttle.RecordFailure("10.0.0.7");
            clock.Now += TimeSpan.FromSeconds(10);
        }

        Assert.Null(throttle.RetryAfter("10.0.0.7"));
        throttle.RecordFailure("10.0.0.7");
        var wait = throttle.RetryAfter("10.0.0.7");
        Assert.NotNull(wait);
        Assert.Equal(SignInThrottle.Window - TimeSpan.FromSeconds(10 * (SignInThrottle.MaxFailuresPerAddress - 1)), wait);
        Assert.Null(throttle.RetryAfter("10.0.0.8"));

        // Once the oldest failure has left the window, the address may try again.
        clock.Now += wait!.Value;
        Assert.Null(throttle.RetryAfter("10.0.0.7"));
        Assert.Equal("1", SignInThrottle.RetryAfterHeader(TimeSpan.FromMilliseconds(10)));
        Assert.Equal("61", SignInThrottle.RetryAfterHeader(TimeSpan.FromSeconds(60.2)));
    }

    private sealed class StepClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
