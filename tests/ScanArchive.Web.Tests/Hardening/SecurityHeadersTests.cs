using System.Net;
using System.Text.RegularExpressions;
using ScanArchive.Core.Accounts;

namespace ScanArchive.Web.Tests.Hardening;

/// <summary>
/// Every page and API response carries the security headers, and no page needs inline script: the CSP's
/// <c>script-src</c> has no <c>'unsafe-inline'</c> and the HTML has no inline <c>&lt;script&gt;</c> it would block.
/// The API reference at <c>/scalar</c> is the one, signed-in-only, exception, confined to that path.
/// </summary>
[Collection(WorkstationCollection.Name)]
public sealed partial class SecurityHeadersTests(WorkstationServer server)
{
    private static readonly string[] Pages = ["/", "/batches", "/review", "/audit", "/accounts", "/denied"];
    private static readonly string[] AnonymousPages = ["/login"];
    private static readonly string[] ApiRoutes = ["api/health", "api/batches", "api/entries", "api/audit", "api/batches/no-such-batch", "openapi/v1.json"];

    [Fact]
    public async Task Pages_and_api_responses_carry_the_headers_and_pages_have_no_inline_script()
    {
        using var admin = await server.CookieAsync(WorkstationServer.AdminName);
        using var anonymous = server.Anonymous();
        var checkedResponses = 0;
        foreach (var (client, path) in Pages.Select(p => (admin, p)).Concat(AnonymousPages.Select(p => (anonymous, p))))
        {
            var response = await client.GetAsync(path.TrimStart('/'));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            AssertHeaders(response, path);
            var html = await response.Content.ReadAsStringAsync();
            var inline = InlineScript().Matches(html).Select(m => m.Value).ToList();
            Assert.True(inline.Count == 0, $"{path} has inline script the CSP would block: {string.Join(" | ", inline)}");
            Assert.Contains("<script src=", html, StringComparison.Ordinal);
            checkedResponses++;
        }

        using var bearer = await server.BearerAsync(Role.Auditor);
        foreach (var path in ApiRoutes)
        {
            var response = await bearer.GetAsync(path);
            AssertHeaders(response, path);
            checkedResponses++;
        }

        // Refusals too (the error paths are written by other middleware).
        AssertHeaders(await anonymous.GetAsync("api/batches"), "anonymous api/batches");
        Assert.Equal(Pages.Length + AnonymousPages.Length + ApiRoutes.Length, checkedResponses);
    }

    [Fact]
    public async Task The_reference_page_exception_is_confined_to_scalar()
    {
        using var admin = await server.CookieAsync(WorkstationServer.AdminName);
        var reference = await admin.GetAsync("scalar");
        for (var hops = 0; reference.StatusCode == HttpStatusCode.Found && hops < 3; hops++)
        {
            // The reference redirects to its document's page, still under /scalar.
            var location = reference.Headers.Location!;
            Assert.StartsWith("scalar", (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString).TrimStart('/'), StringComparison.Ordinal);
            reference = await admin.GetAsync(location);
        }

        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        var policy = Csp(reference);
        Assert.Contains("'unsafe-inline'", ScriptSrc(policy), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);

        // A path that merely starts with the same letters is not the reference page.
        var lookalike = await admin.GetAsync("scalarx");
        Assert.DoesNotContain("'unsafe-inline'", ScriptSrc(Csp(lookalike)), StringComparison.Ordinal);
    }

    private static void AssertHeaders(HttpResponseMessage response, string what)
    {
        var policy = Csp(response);
        Assert.False(string.IsNullOrEmpty(policy), $"{what}: no Content-Security-Policy");
        Assert.DoesNotContain("'unsafe-inline'", ScriptSrc(policy), StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", ScriptSrc(policy), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    private static string Csp(HttpResponseMessage response) => Header(response, "Content-Security-Policy");

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    private static string ScriptSrc(string policy)
    {
        var directives = policy.Split(';', StringSplitOptions.TrimEntries);
        var script = directives.FirstOrDefault(d => d.StartsWith("script-src ", StringComparison.Ordinal))
            ?? directives.FirstOrDefault(d => d.StartsWith("default-src ", StringComparison.Ordinal));
        Assert.True(script is not null, $"no script-src or default-src in {policy}");
        return script!;
    }

    // A <script> element without a src attribute (a JSON data block or import map would also be inline).
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
