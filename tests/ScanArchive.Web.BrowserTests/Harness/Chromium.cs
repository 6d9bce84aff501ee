using Microsoft.Playwright;

namespace ScanArchive.Web.BrowserTests.Harness;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright's own browser download does not work offline, so the real
/// binary is named (not <c>/usr/bin/chromium</c>, which is Debian's wrapper script). See ../shared/facts.md.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    /// <summary>Debian's Chromium binary; <c>SCANARCHIVE_CHROMIUM</c> overrides it.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("SCANARCHIVE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/lib/chromium/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    /// <summary>The running browser (one per test collection; each test opens its own context).</summary>
    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}. Install it with `apt-get install chromium` (tools/prerequisites.sh does so in ./test.sh).");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
                Timeout = 30_000,
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
