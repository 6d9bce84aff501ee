using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace ScanArchive.Web.Tests.Hardening;

/// <summary>
/// No request reaches a file outside the data folder: every route parameter that names a batch, page, document,
/// entry, customer or file (generated from the route table) gets traversal attempts — encoded slashes and dots,
/// absolute paths, backslashes, encoded NULs — and answers 400 or 404, never the content of a file planted next to
/// the data folder or of <c>/etc/passwd</c>. URLs go out byte for byte (no client-side dot-segment removal).
/// </summary>
[Collection(WorkstationCollection.Name)]
public sealed class PathTraversalTests(WorkstationServer server)
{
    private const string PasswdMarker = "root:x:0:0";

    private static readonly string[] Attacks =
    [
        "..%2F..%2F{0}",
        "%2e%2e%2f%2e%2e%2f{0}",
        "..%5C..%5C{0}",
        "%2F{1}",
        "..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "%2Fetc%2Fpasswd",
        "probe%00..%2F{0}",
        "%00",
        "....%2F%2F....%2F%2F{0}",
        "%252e%252e%252f{0}",
    ];

    [Fact]
    public async Task Route_parameters_with_traversal_attempts_get_400_or_404_and_read_nothing_outside()
    {
        // A file next to the data folder, with a marker no archive file contains.
        // Its content differs from its name: pages that echo the asked-for name back (as text) are no leak.
        var marker = "outside-" + Guid.NewGuid().ToString("N");
        var content = "CONTENT-" + Guid.NewGuid().ToString("N");
        var outside = Path.Combine(Path.GetDirectoryName(server.DataFolder.TrimEnd('/'))!, marker + ".pdf");
        await File.WriteAllTextAsync(outside, content);
        try
        {
            using var admin = await server.BearerAsync(WorkstationServer.AdminName);
            var failures = new List<string>();
            var requests = 0;
            foreach (var (pattern, parameters) in ParameterRoutes())
            {
                foreach (var parameter in parameters)
                {
                    foreach (var attack in Attacks)
                    {
                        var value = string.Format(System.Globalization.CultureInfo.InvariantCulture, attack, marker + ".pdf", outside.TrimStart('/').Replace("/", "%2F", StringComparison.Ordinal));
                        var url = Url(pattern, parameter, value);
                        var response = await SendRawAsync(admin, url);
                        var body = await response.Content.ReadAsStringAsync();
                        requests++;
                        var status = (int)response.StatusCode;
                        if (body.Contains(content, StringComparison.Ordinal) || body.Contains(PasswdMarker, StringComparison.Ordinal))
                        {
                            failures.Add($"{url} returned the outside file");
                        }
                        else if (status >= 500 || (NamesStoredItem(pattern, parameter) && status is not (400 or 404)))
                        {
                            failures.Add($"{url} answered {status}: {(body.Length > 160 ? body[..160] : body)}");
                        }
                    }
                }
            }

            // Outside any route: the static files and the framework's files.
            foreach (var raw in new[] { "/%2e%2e/%2e%2e/etc/passwd", "/_framework/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/..%2F" + marker + ".pdf", "/%2Fetc%2Fpasswd" })
            {
                var response = await SendRawAsync(admin, raw);
                var body = await response.Content.ReadAsStringAsync();
                requests++;
                if (body.Contains(PasswdMarker, StringComparison.Ordinal) || body.Contains(content, StringComparison.Ordinal))
                {
                    failures.Add($"{raw} returned a file outside");
                }
            }

            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
            Assert.True(requests >= 150, $"only {requests} requests");
        }
        finally
        {
            File.Delete(outside);
        }
    }

    /// <summary>
    /// API parameters that name a stored batch, page, document or entry must not be found (or be refused as malformed).
    /// Lookup keys that are searched rather than opened (a customer key, a chart name) may answer with an empty result.
    /// </summary>
    private static bool NamesStoredItem(RoutePattern pattern, string parameter) =>
        pattern.RawText!.StartsWith("/api", StringComparison.Ordinal) && parameter is "name" or "number" or "pageId" or "documentId" or "page";

    /// <summary>GET routes under /api and the pages, with their parameters (the ones that name something stored).</summary>
    private IEnumerable<(RoutePattern Pattern, IReadOnlyList<string> Parameters)> ParameterRoutes()
    {
        var sources = server.App.Services.GetRequiredService<EndpointDataSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            var raw = "/" + (pattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (pattern.Parameters.Count == 0 || !methods.Any(HttpMethods.IsGet) || raw.StartsWith("/_", StringComparison.Ordinal)
                || pattern.Parameters.Any(p => p.IsCatchAll) || !seen.Add(raw))
            {
                continue;
            }

            yield return (RoutePatternFactory.Parse(raw), pattern.Parameters.Select(p => p.Name).ToList());
        }
    }

    private static string Url(RoutePattern pattern, string attacked, string value) => "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart parameter => parameter.Name == attacked ? value : "probe",
        _ => "",
    }))));

    private static Task<HttpResponseMessage> SendRawAsync(HttpClient client, string pathAndQuery)
    {
        var uri = new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + pathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        return client.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri));
    }
}
