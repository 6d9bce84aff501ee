using Microsoft.Playwright;
using ScanArchive.Core.Accounts;
using Xunit.Abstractions;

namespace ScanArchive.Web.BrowserTests.Harness;

/// <summary>
/// One real server and one Chromium for a test collection; each test opens its own browser context (cookies,
/// storage and language are per test) with <see cref="OpenAsync"/>.
/// </summary>
public abstract class WorkstationFixtureBase : IAsyncLifetime
{
    private WorkstationServer? _server;
    private Chromium? _chromium;

    /// <summary>The running server.</summary>
    public WorkstationServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>A new browser context and page on the server, speaking <paramref name="locale"/>.</summary>
    public async Task<BrowserSession> OpenAsync(ITestOutputHelper output, string locale = "en-US")
    {
        var browser = _chromium?.Browser ?? throw new InvalidOperationException("The fixture has not started.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        return await BrowserSession.StartAsync(context, output);
    }

    public async Task InitializeAsync()
    {
        // Assertions retry up to this long (Playwright's default is 5 s): the suite runs beside the other test
        // projects on a 2-core machine. Passing tests do not wait for it.
        Assertions.SetDefaultExpectTimeout(BrowserSession.StepTimeout);

        // The server and the browser start side by side: both take a second or two.
        var server = WorkstationServer.StartAsync();
        var chromium = Chromium.LaunchAsync();
        try
        {
            _server = await server;
            _chromium = await chromium;
        }
        catch
        {
            await DisposeAsync();
            throw;
        }

        await ArrangeAsync(Server);
    }

    /// <summary>Data every test of the collection relies on, made before the first test.</summary>
    protected virtual Task ArrangeAsync(WorkstationServer server) => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>A workstation as on its first start: no account exists yet.</summary>
public sealed class FreshWorkstationFixture : WorkstationFixtureBase;

/// <summary>
/// A workstation in use: an administrator, and a clerk's two recognized batches, one waiting for review and one
/// approved. Tests only look at those batches (they stay as arranged); tests that change something make their own
/// accounts (<see cref="WorkstationServer.CreateAccount"/>) and batches.
/// </summary>
public sealed class WorkstationFixture : WorkstationFixtureBase
{
    /// <summary>The administrator made before the tests (so that setup is over).</summary>
    public string Admin { get; private set; } = "";

    /// <summary>The clerk who captured <see cref="ReadyBatch"/> and <see cref="ApprovedBatch"/>.</summary>
    public string Clerk { get; private set; } = "";

    /// <summary>A recognized batch waiting for review (approve and reject apply).</summary>
    public string ReadyBatch { get; private set; } = "";

    /// <summary>An approved batch (commit applies).</summary>
    public string ApprovedBatch { get; private set; } = "";

    protected override async Task ArrangeAsync(WorkstationServer server)
    {
        Admin = server.CreateAccount(Role.Admin, "boss");
        Clerk = server.CreateAccount(Role.Clerk, "capture");
        var reviewer = server.CreateAccount(Role.Reviewer, "arranger");
        ReadyBatch = await server.CreateRecognizedBatchAsync(Clerk, "ready-for-review");
        ApprovedBatch = await server.CreateRecognizedBatchAsync(Clerk, "approved", approvedBy: reviewer);
    }
}

[CollectionDefinition(Name)]
public sealed class FreshWorkstationCollection : ICollectionFixture<FreshWorkstationFixture>
{
    public const string Name = "Fresh workstation (no accounts)";
}

[CollectionDefinition(Name)]
public sealed class WorkstationCollection : ICollectionFixture<WorkstationFixture>
{
    public const string Name = "Workstation in use";
}
