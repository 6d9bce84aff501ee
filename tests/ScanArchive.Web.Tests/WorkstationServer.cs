using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScanArchive.Application.Accounts;
using ScanArchive.Capture.Worker;
using ScanArchive.Core.Accounts;
using ScanArchive.TestSupport;
using ScanArchive.Web;

namespace ScanArchive.Web.Tests;

/// <summary>
/// The real workstation on a loopback Kestrel port over a temporary data folder. One per test class or
/// collection: starting it is cheap, but the recognition engines it loads are not.
/// </summary>
public class WorkstationServer : IAsyncLifetime
{
    public const string AdminName = "admin";
    public const string Password = "correct-horse-9";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private readonly TempDirectory? _ownData;
    private readonly string[] _extraArgs;
    private readonly bool _setUpAccounts;

    /// <summary>A server over a new temporary data folder (deleted with the server), accounts set up.</summary>
    public WorkstationServer()
        : this(null, true)
    {
    }

    /// <summary>
    /// A server over <paramref name="dataFolder"/> (kept afterwards; null: a new temporary one), with extra
    /// command-line arguments (e.g. <c>--Workstation:IdleTimeout=00:00:03</c>).
    /// </summary>
    internal WorkstationServer(string? dataFolder, bool setUpAccounts, params string[] extraArgs)
    {
        _ownData = dataFolder is null ? new TempDirectory("scanarchive-web") : null;
        DataFolder = dataFolder ?? _ownData!.Path;
        _setUpAccounts = setUpAccounts;
        _extraArgs = extraArgs;
    }

    public WebApplication App { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    public string DataFolder { get; }

    /// <summary>Whether the fixture creates the administrator and one account per role.</summary>
    protected virtual bool SetUpAccounts => _setUpAccounts;

    /// <summary>
    /// How the scanner worker starts: this test run's copy of the web program in its <c>scan-worker</c> mode (the
    /// default, the running program, would be the test host).
    /// </summary>
    public static ProcessStartInfo ScanWorker() =>
        ScanWorkerCommand.ForAssembly(Path.Combine(AppContext.BaseDirectory, "scanarchive-web.dll"));

    public AccountService Accounts => App.Services.GetRequiredService<AccountService>();

    public async Task InitializeAsync()
    {
        App = WorkstationApp.Build(
            ["--data", DataFolder, "--urls", "http://127.0.0.1:0", .. _extraArgs],
            builder => builder.Logging.SetMinimumLevel(LogLevel.Warning),
            options => options with { ScanWorker = ScanWorker });
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        if (SetUpAccounts)
        {
            Accounts.CompleteSetup(Accounts.SetupCode, AdminName, Password, "The Admin", "127.0.0.1");
            foreach (var role in new[] { Role.Clerk, Role.Reviewer, Role.Auditor })
            {
                Accounts.Create(AdminName, UserOf(role), role, Password);
            }
        }
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        _ownData?.Dispose();
    }

    /// <summary>The fixture's account with <paramref name="role"/>.</summary>
    public static string UserOf(Role role) => role == Role.Admin ? AdminName : role.ToString().ToLowerInvariant();

    /// <summary>A client without credentials that does not follow redirects and keeps cookies.</summary>
    public HttpClient Anonymous(string? language = "en")
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    /// <summary>A script's client: signed in with a bearer token.</summary>
    public async Task<HttpClient> BearerAsync(string userName, string password = Password)
    {
        var client = Anonymous();
        var token = await TokenAsync(client, userName, password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> BearerAsync(Role role) => BearerAsync(UserOf(role));

    public static async Task<string> TokenAsync(HttpClient client, string userName, string password)
    {
        var response = await client.PostAsJsonAsync("api/auth/token", new { userName, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("token").GetString()!;
    }

    /// <summary>A browser-like client: the auth cookie, and the anti-forgery header for state-changing calls.</summary>
    public async Task<HttpClient> CookieAsync(string userName, string password = Password)
    {
        var client = Anonymous();
        var login = await LoginAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Add(body.GetProperty("antiforgeryHeader").GetString()!, body.GetProperty("antiforgeryToken").GetString());
        return client;
    }

    /// <summary>Signs in with the cookie (fetching the anti-forgery token first, as a browser page would have it).</summary>
    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password)
    {
        var antiforgery = await client.GetFromJsonAsync<JsonElement>("api/auth/antiforgery");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/login") { Content = JsonContent.Create(new { userName, password }) };
        request.Headers.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        return await client.SendAsync(request);
    }

    /// <summary>Creates an extra account for a test that changes it (lockout, disabling).</summary>
    public string NewAccount(string prefix, Role role)
    {
        var name = $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 8, 40)];
        Accounts.Create(AdminName, name, role, Password);
        return name;
    }
}

/// <summary>A workstation nobody has set up yet.</summary>
public sealed class FreshWorkstationServer : WorkstationServer
{
    protected override bool SetUpAccounts => false;
}

[CollectionDefinition(Name)]
public sealed class WorkstationCollection : ICollectionFixture<WorkstationServer>
{
    public const string Name = "workstation";
}
