using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScanArchive.Application;
using ScanArchive.Application.Accounts;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Processing;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.TestSupport;
using ScanArchive.Web;

namespace ScanArchive.Web.BrowserTests.Harness;

/// <summary>
/// The real workstation (the web engineer's <see cref="WorkstationApp"/> builder, Kestrel, real HTTP, real LiteDB) on a
/// free loopback port, over a fresh temporary data folder. Tests reach its services (accounts, batches) directly to
/// arrange data and read the one-time setup code.
/// </summary>
public sealed class WorkstationServer : IAsyncDisposable
{
    /// <summary>The password every account made by <see cref="CreateAccount"/> gets.</summary>
    public const string Password = "correct-horse-42";

    // A blank sheet: recognized in a moment (no text to read), enough for a batch to reach review.
    private const string SampleScan = "qc-blank-page.jpg";

    private readonly TempDirectory _data;
    private readonly WebApplication _app;
    private int _accounts;

    private WorkstationServer(TempDirectory data, WebApplication app, string baseUrl)
    {
        _data = data;
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the server answers, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>The data folder the server owns.</summary>
    public string DataFolder => _data.Path;

    /// <summary>The server's services (the same singletons the requests use).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The server's account service (setup code, accounts).</summary>
    public AccountService Accounts => Services.GetRequiredService<AccountService>();

    /// <summary>Starts a server; it listens once this returns.</summary>
    public static async Task<WorkstationServer> StartAsync()
    {
        var data = new TempDirectory("scanarchive-browser");
        try
        {
            // Port 0: Kestrel picks a free port; the address feature tells which after start.
            // The application name is the web project's, so that its static assets manifest is the one found (the
            // entry assembly of a test run is the test host).
            string[] args = ["--data", data.Path, "--urls", "http://127.0.0.1:0", "--environment", "Production", "--applicationName", "scanarchive-web"];
            var app = WorkstationApp.Build(args, builder =>
            {
                // The test output has no wwwroot of its own: serve the web project's static assets (app.css,
                // blazor.web.js) from where the build keeps them, as `dotnet run` does in Development.
                builder.WebHost.UseStaticWebAssets();

                // The server's own log stays quiet unless something goes wrong; failures show in the test output.
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The server started without an address.");
            return new WorkstationServer(data, app, address.TrimEnd('/'));
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>A new account with a unique name (prefix plus a number) and <see cref="Password"/>.</summary>
    public string CreateAccount(Role role, string? prefix = null)
    {
        // Fixed width: no name is the start of another (filters that match a prefix still single one out).
        var name = $"{prefix ?? AccountService.RoleName(role)}-{Interlocked.Increment(ref _accounts):D3}";
        Accounts.Create("browser-tests", name, role, Password);
        return name;
    }

    /// <summary>A new empty batch captured by <paramref name="clerk"/>.</summary>
    public string CreateBatch(string clerk, string name)
    {
        Services.GetRequiredService<BatchService>().Create(new Actor(clerk, Role.Clerk), name);
        return name;
    }

    /// <summary>
    /// A batch captured by <paramref name="clerk"/> from a sample scan and recognized (through the same services the
    /// server uses), so that it waits for review; approved by <paramref name="approvedBy"/> when given.
    /// </summary>
    public async Task<string> CreateRecognizedBatchAsync(string clerk, string name, string? approvedBy = null)
    {
        var capturer = new Actor(clerk, Role.Clerk);
        var batches = Services.GetRequiredService<BatchService>();
        var batch = batches.Create(capturer, name);
        var imported = batches.Import(capturer, batch, [new ImportFile(TestPaths.SampleScan(SampleScan), SampleScan)]);
        Assert.Empty(imported.Refused);
        await Services.GetRequiredService<ProcessingService>().ProcessAsync(capturer, name);
        Assert.Equal(BatchState.ReadyForReview, Batch(name).State);
        if (approvedBy is not null)
        {
            batches.Approve(new Actor(approvedBy, Role.Reviewer), name, "arranged by the browser tests");
            Assert.Equal(BatchState.Approved, Batch(name).State);
        }

        return name;
    }

    /// <summary>The batch as the archive holds it now.</summary>
    public Batch Batch(string name) => Services.GetRequiredService<BatchService>().Find(new Actor("browser-tests", Role.Admin), name);

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _app.StopAsync(stop.Token);
        }
        finally
        {
            await _app.DisposeAsync();
            _data.Dispose();
        }
    }
}
