using System.Diagnostics;
using System.Net;
using ScanArchive.Core.Accounts;

namespace ScanArchive.Web.Tests;

/// <summary>A server whose browser sessions end after a short idle time (<c>Workstation:IdleTimeout</c>).</summary>
public sealed class ShortIdleWorkstationServer() : WorkstationServer(null, true, $"--{Hosting.WorkstationSettings.IdleTimeoutKey}={IdleTimeoutTests.Idle:c}");

/// <summary>
/// Sessions end after the configured idle time, and only when idle: a session in use keeps sliding. A server of its
/// own, because the timeout is short.
/// </summary>
public sealed class IdleTimeoutTests(ShortIdleWorkstationServer server) : IClassFixture<ShortIdleWorkstationServer>
{
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task An_idle_session_ends_after_the_configured_time_and_a_busy_one_does_not()
    {
        // Two browsers sign in. The idle one keeps the cookie it got and never takes a renewed one (like a tab left
        // open); the busy one takes every renewal the server sends, as a browser in use does.
        using var busy = await server.CookieAsync(WorkstationServer.UserOf(Role.Clerk));
        using var signIn = server.Anonymous();
        var login = await WorkstationServer.LoginAsync(signIn, WorkstationServer.UserOf(Role.Clerk), WorkstationServer.Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("scanarchive.auth=", StringComparison.Ordinal));
        var signedInAt = Stopwatch.StartNew();
        using var idle = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        idle.DefaultRequestHeaders.Add("Cookie", cookie);

        Assert.Equal(HttpStatusCode.OK, (await idle.GetAsync("api/batches")).StatusCode);

        // Poll both until the idle one is signed out (bounded: well past the timeout).
        var deadline = Idle * 5;
        HttpStatusCode idleStatus;
        while (true)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("api/batches")).StatusCode);
            idleStatus = (await idle.GetAsync("api/batches")).StatusCode;
            if (idleStatus != HttpStatusCode.OK || signedInAt.Elapsed > deadline)
            {
                break;
            }

            await Task.Delay(Poll);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, idleStatus);
        // Not before the configured idle time (the ticket's clock has one-second precision at worst).
        Assert.True(signedInAt.Elapsed >= Idle - TimeSpan.FromSeconds(1), $"signed out after {signedInAt.Elapsed.TotalSeconds:F1} s");

        // The busy session began with the same lifetime, was renewed while in use, and still works; its pages too.
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("api/batches")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("batches")).StatusCode);

        // The idle browser's pages send it to sign in again.
        var page = await idle.GetAsync("batches");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/login", page.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
