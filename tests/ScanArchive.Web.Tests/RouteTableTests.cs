using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using ScanArchive.Core.Accounts;

namespace ScanArchive.Web.Tests;

/// <summary>
/// Generated over the whole route table: no endpoint answers an anonymous request except an explicit allow-list,
/// and no endpoint guarded by a permission answers a role without it.
/// </summary>
[Collection(WorkstationCollection.Name)]
public sealed class RouteTableTests(WorkstationServer server)
{
    /// <summary>The only routes open without signing in (static assets are recognized by their metadata).</summary>
    private static readonly HashSet<string> Anonymous = new(StringComparer.Ordinal)
    {
        "GET /login", "POST /login",
        "GET /setup", "POST /setup",
        "GET /api/health",
        "GET /api/auth/antiforgery",
        "POST /api/auth/login",
        "POST /api/auth/token",
        "POST /culture",

        // The API reference's own script files (public library code; the page itself needs sign-in).
        "GET /scalar/scalar.js",
        "GET /scalar/scalar.aspnetcore.js",
        "GET /scalar/favicon.svg",
    };

    [Fact]
    public void Only_the_allow_list_is_anonymous()
    {
        var open = Routes().Where(r => r.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null && !IsStaticAsset(r.Endpoint))
            .Select(r => r.Key).ToHashSet();
        Assert.Empty(open.Except(Anonymous));
        Assert.True(Routes().Any(r => IsStaticAsset(r.Endpoint)), "static assets are mapped");
    }

    [Fact]
    public async Task Every_guarded_endpoint_refuses_anonymous_requests()
    {
        using var client = server.Anonymous();
        var checkedRoutes = 0;
        var failures = new List<string>();
        foreach (var route in Routes().Where(r => !Anonymous.Contains(r.Key) && !IsStaticAsset(r.Endpoint)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url);
            if (route.Method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request);
            checkedRoutes++;
            var status = (int)response.StatusCode;
            var toLogin = status == 302 && response.Headers.Location?.ToString().Contains("/login", StringComparison.Ordinal) == true;
            if (status != 401 && !toLogin)
            {
                failures.Add($"{route.Key} ({route.Url}) answered {status} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(checkedRoutes >= 25, $"only {checkedRoutes} routes checked");
    }

    [Fact]
    public async Task Every_permission_guarded_endpoint_refuses_a_role_without_the_permission()
    {
        var clients = new Dictionary<Role, HttpClient>();
        foreach (var role in new[] { Role.Clerk, Role.Reviewer, Role.Auditor })
        {
            clients[role] = await server.BearerAsync(role);
        }

        var failures = new List<string>();
        var checkedRoutes = 0;
        try
        {
            foreach (var route in Routes().Where(r => !IsStaticAsset(r.Endpoint)))
            {
                var permissions = route.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                    .Select(a => a.Policy)
                    .Where(p => p is not null && Enum.TryParse<Permission>(p, out _))
                    .Select(p => Enum.Parse<Permission>(p!))
                    .ToList();
                if (permissions.Count == 0)
                {
                    continue;
                }

                foreach (var role in clients.Keys.Where(role => permissions.Any(p => !Permissions.Allows(role, p))))
                {
                    using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url);
                    if (route.Method is "POST" or "PUT" or "PATCH")
                    {
                        request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                    }

                    var response = await clients[role].SendAsync(request);
                    checkedRoutes++;
                    if (response.StatusCode != HttpStatusCode.Forbidden)
                    {
                        failures.Add($"{route.Key} as {role} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(checkedRoutes >= 15, $"only {checkedRoutes} role checks ran");
    }

    private sealed record Route(RouteEndpoint Endpoint, string Method, string Url)
    {
        public string Key => $"{Method} {Pattern(Endpoint)}";
    }

    private IReadOnlyList<Route> Routes()
    {
        var sources = server.App.Services.GetRequiredService<EndpointDataSource>();
        var routes = new List<Route>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                routes.Add(new Route(endpoint, method, Url(endpoint.RoutePattern)));
            }
        }

        return routes;
    }

    private static string Pattern(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');

    /// <summary>A concrete URL for a pattern: every parameter gets a harmless value.</summary>
    private static string Url(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => parameter.Name switch
            {
                "documentName" => "v1",
                _ => "probe",
            },
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    private static bool IsStaticAsset(Endpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName?.StartsWith("Microsoft.AspNetCore.StaticAssets.", StringComparison.Ordinal) == true);
}
