using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using ScanArchive.Web.Security;

namespace ScanArchive.Web.Tests.Hardening;

/// <summary>
/// Generated over the route table: every state-changing route (forms, pages that take posts, the cookie API) refuses
/// a request that rides on a signed-in browser's cookie without the anti-forgery token, as a forged cross-site post
/// would be. The same request with the token gets past the check (so the refusal is the token's doing).
/// </summary>
[Collection(WorkstationCollection.Name)]
public sealed class CsrfTests(WorkstationServer server)
{
    /// <summary>
    /// Not checked here: the token endpoint takes no cookie (it is marked so, and tested in
    /// <see cref="Token_endpoint_ignores_the_cookie"/>); Blazor's circuit hub negotiates over POST but changes nothing
    /// by itself and is bound to the same-site cookie (SameSite=Strict) and the hub's own origin checks.
    /// </summary>
    private static bool Excluded(RouteEndpoint endpoint, string pattern) =>
        endpoint.Metadata.GetMetadata<NoCookieAntiforgeryAttribute>() is not null
        || pattern.StartsWith("/_blazor", StringComparison.Ordinal);

    [Fact]
    public async Task Every_state_changing_route_refuses_a_cookie_request_without_the_token()
    {
        using var admin = server.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await WorkstationServer.LoginAsync(admin, WorkstationServer.AdminName, WorkstationServer.Password)).StatusCode);
        var failures = new List<string>();
        var checkedRoutes = 0;
        foreach (var (endpoint, method, pattern, url) in StateChangingRoutes())
        {
            if (Excluded(endpoint, pattern))
            {
                continue;
            }

            foreach (var content in Bodies())
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = content };
                var response = await admin.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                checkedRoutes++;
                if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains("antiforgery", StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{method} {pattern} ({content.Headers.ContentType?.MediaType}) answered {(int)response.StatusCode}: {Shorten(body)}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(checkedRoutes >= 40, $"only {checkedRoutes} requests checked");
    }

    [Fact]
    public async Task With_the_token_the_same_cookie_request_passes_the_check()
    {
        using var admin = await server.CookieAsync(WorkstationServer.AdminName);
        var response = await admin.PostAsync("api/batches", new StringContent("{\"name\":\"csrf-ok-" + Guid.NewGuid().ToString("N")[..8] + "\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Token_endpoint_ignores_the_cookie()
    {
        // Even a browser holding a session gets nothing from it here: the token endpoint only checks the password.
        using var admin = await server.CookieAsync(WorkstationServer.AdminName);
        admin.DefaultRequestHeaders.Remove(SecuritySetup.AntiforgeryHeader);
        var response = await admin.PostAsync("api/auth/token", new StringContent("{\"userName\":\"admin\",\"password\":\"wrong\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    // A forged post can be a form or JSON; both must be refused.
    private static IEnumerable<HttpContent> Bodies()
    {
        yield return new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        yield return new FormUrlEncodedContent([new("culture", "en"), new("returnUrl", "/")]);
    }

    private IEnumerable<(RouteEndpoint Endpoint, string Method, string Pattern, string Url)> StateChangingRoutes()
    {
        var sources = server.App.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method))
                {
                    yield return (endpoint, method, "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'), Url(endpoint.RoutePattern));
                }
            }
        }
    }

    private static string Url(RoutePattern pattern) => "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart => "probe",
        _ => "",
    }))));

    private static string Shorten(string text) => text.Length > 200 ? text[..200] : text;
}
