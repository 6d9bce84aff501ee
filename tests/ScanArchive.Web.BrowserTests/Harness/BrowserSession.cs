using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ScanArchive.Web.BrowserTests.Harness;

/// <summary>
/// One test's browser context and page, with the steps every test takes: open a screen and wait until it says it
/// is ready (<c>[data-ready]</c>, never a fixed sleep), sign in, submit a form, take a screenshot, call the API with
/// the page's cookie. Server errors and script errors the page meets are collected (see <see cref="Problems"/>).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>How long one step may take before the test fails (generous for a loaded 2-core CI machine).</summary>
    public const float StepTimeout = 15_000;

    private const string StaleMark = "data-test-stale";
    private readonly ITestOutputHelper _output;
    private readonly List<string> _problems = [];

    private BrowserSession(IBrowserContext context, IPage page, ITestOutputHelper output)
    {
        Context = context;
        Page = page;
        _output = output;
        page.Response += (_, response) =>
        {
            // Server errors anywhere; and any refusal of a stylesheet, script, image or font (a screen without its
            // assets). Refusals of pages and API calls are what tests assert on, so they are not problems here.
            if (response.Status >= 500 || (response.Status >= 400 && response.Request.ResourceType is not ("document" or "fetch" or "xhr")))
            {
                Problem($"{response.Status} from {response.Request.Method} {response.Url}");
            }
        };
        page.PageError += (_, error) => Problem("script error: " + error);
        page.RequestFailed += (_, request) =>
        {
            // Aborted: a navigation superseded by the next one (Blazor cancels its enhanced-navigation fetch then).
            if (request.Failure is { } failure && !failure.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                Problem($"request failed: {request.Method} {request.Url} ({failure})");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Problem("console error: " + message.Text);
            }
        };
    }

    /// <summary>Where screenshots go: <c>screenshots/</c> in the test output folder.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>5xx answers, script errors and console errors seen so far.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    internal static async Task<BrowserSession> StartAsync(IBrowserContext context, ITestOutputHelper output)
    {
        context.SetDefaultTimeout(StepTimeout);
        context.SetDefaultNavigationTimeout(StepTimeout);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, output);
    }

    /// <summary>The element with <c>data-testid</c> = <paramref name="testId"/>.</summary>
    public ILocator ById(string testId) => Page.GetByTestId(testId);

    /// <summary>The current screen's root (the element with <c>data-page</c>).</summary>
    public ILocator Root => Page.Locator("[data-ready][data-page]").First;

    /// <summary>The row with <c>data-testid</c> = <paramref name="testId"/> for <paramref name="batch"/> (its <c>data-batch</c>).</summary>
    public ILocator Row(string testId, string batch) => Page.Locator($"[data-testid='{testId}'][data-batch='{batch}']");

    /// <summary>Opens <paramref name="path"/> (relative to the server) and waits until the screen is ready.</summary>
    public async Task<IResponse?> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        await ReadyAsync();
        return response;
    }

    /// <summary>Waits until the current screen's root carries <c>data-ready</c> (and is not the screen before an action).</summary>
    public Task ReadyAsync() =>
        Page.Locator($"[data-ready][data-page]:not([{StaleMark}])").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Clicks <paramref name="target"/> and waits for the screen that follows to be ready. The current screen is marked
    /// first, so that its own <c>data-ready</c> does not count (works for full page loads and Blazor's enhanced
    /// navigation, whose DOM merge drops the mark).
    /// </summary>
    public async Task ClickAndWaitAsync(ILocator target)
    {
        ArgumentNullException.ThrowIfNull(target);
        await Page.EvaluateAsync($"() => document.querySelectorAll('[data-ready]').forEach(e => e.setAttribute('{StaleMark}', ''))");
        await target.ClickAsync();
        await ReadyAsync();
    }

    /// <summary>Fills the sign-in form and submits it; waits for the next screen (the sign-in page again when refused).</summary>
    public async Task SignInAsync(string userName, string password)
    {
        if (!Page.Url.Contains("/login", StringComparison.Ordinal))
        {
            await GotoAsync("/login");
        }

        await ById("login-user").FillAsync(userName);
        await ById("login-password").FillAsync(password);
        await ClickAndWaitAsync(ById("login-submit"));
    }

    /// <summary>Signs out with the layout's button.</summary>
    public Task SignOutAsync() => ClickAndWaitAsync(ById("logout"));

    /// <summary>Saves a full-page screenshot as <c>screenshots/<paramref name="name"/>.png</c> and prints its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        _output.WriteLine($"screenshot: {path}");
        return path;
    }

    /// <summary>
    /// A state-changing API call riding on this browser's auth cookie, with the anti-forgery token the API asks
    /// such calls for (from <c>GET /api/auth/antiforgery</c>), so that a refusal is about the person, not the token.
    /// </summary>
    public async Task<IAPIResponse> PostWithCookieAsync(string path, object? body = null)
    {
        var tokenResponse = await Context.APIRequest.GetAsync("/api/auth/antiforgery");
        Assert.True(tokenResponse.Ok, $"GET /api/auth/antiforgery answered {tokenResponse.Status}");
        var json = await tokenResponse.JsonAsync() ?? throw new InvalidOperationException("No anti-forgery token.");
        var header = json.GetProperty("headerName").GetString()!;
        var token = json.GetProperty("token").GetString()!;
        return await Context.APIRequest.PostAsync(path, new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { [header] = token },
            DataObject = body ?? new { },
        });
    }

    /// <summary>Fails the test if the page met a server error or a script error.</summary>
    public void AssertNoProblems() => Assert.True(Problems.Count == 0, "The browser met problems:\n" + string.Join("\n", Problems));

    /// <summary>The JSON body of an API answer (for messages in assertion failures).</summary>
    public static async Task<string> BodyAsync(IAPIResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            return await response.TextAsync();
        }
        catch (PlaywrightException ex)
        {
            return "(no body: " + ex.Message + ")";
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var problem in Problems)
        {
            _output.WriteLine("browser problem: " + problem);
        }

        await Context.CloseAsync();
    }

    private void Problem(string text)
    {
        lock (_problems)
        {
            _problems.Add(text);
        }
    }
}
