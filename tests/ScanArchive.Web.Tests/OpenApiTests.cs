using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ScanArchive.Core.Accounts;

namespace ScanArchive.Web.Tests;

/// <summary><c>/openapi/v1.json</c> describes every route issue 15 promises to scripts, and the upload's multipart body.</summary>
[Collection(WorkstationCollection.Name)]
public sealed class OpenApiTests(WorkstationServer server)
{
    /// <summary>The routes of issue 15, item 4, as "METHOD path".</summary>
    private static readonly string[] PromisedRoutes =
    [
        "POST /api/auth/login",
        "POST /api/auth/logout",
        "POST /api/auth/token",
        "GET /api/health",
        "GET /api/batches",
        "POST /api/batches",
        "GET /api/batches/{name}",
        "POST /api/batches/{name}/files",
        "POST /api/batches/{name}/scan",
        "GET /api/batches/{name}/events",
        "PUT /api/batches/{name}/documents/{documentId}/fields/{key}",
        "POST /api/batches/{name}/pages/{pageId}/approve",
        "POST /api/batches/{name}/pages/{pageId}/reject",
        "POST /api/batches/{name}/approve",
        "POST /api/batches/{name}/reject",
        "POST /api/batches/{name}/commit",
        "GET /api/entries",
        "GET /api/entries/{number}",
        "GET /api/entries/{number}/pdf",
        "GET /api/search",
        "GET /api/customers/{key}",
        "GET /api/audit",
    ];

    [Fact]
    public async Task The_document_lists_every_promised_route()
    {
        var document = await DocumentAsync();
        var listed = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        var missing = PromisedRoutes.Where(r => !listed.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "Missing from /openapi/v1.json: " + string.Join(", ", missing) + "\nListed: " + string.Join(", ", listed.Order()));
    }

    [Fact]
    public async Task Search_and_audit_filters_are_described_as_query_parameters()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        Assert.Superset(new HashSet<string> { "q", "type", "from", "to", "customer" }, QueryParameters(paths.GetProperty("/api/search").GetProperty("get")));
        Assert.Superset(new HashSet<string> { "user", "action", "from", "to" }, QueryParameters(paths.GetProperty("/api/audit").GetProperty("get")));
    }

    [Fact]
    public async Task The_upload_body_is_multipart_with_files_as_binary_parts()
    {
        var upload = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/batches/{name}/files").GetProperty("post");
        var body = upload.GetProperty("requestBody");
        Assert.True(body.GetProperty("required").GetBoolean());
        var schema = body.GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Contains("files", schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var files = schema.GetProperty("properties").GetProperty("files");
        Assert.Equal("array", files.GetProperty("type").GetString());
        Assert.Equal("string", files.GetProperty("items").GetProperty("type").GetString());
        Assert.Equal("binary", files.GetProperty("items").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Describing_the_body_does_not_let_routing_answer_before_authorization()
    {
        // Anonymous, with a body that is not multipart: refused for the person (401), not for the content type (415).
        using var anonymous = server.Anonymous();
        using var json = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("api/batches/probe/files", json)).StatusCode);

        // A signed-in clerk sending JSON gets the endpoint's own 415 problem.
        using var clerk = await server.BearerAsync(Role.Clerk);
        var name = "openapi-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("api/batches", new { name })).StatusCode);
        using var again = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        var refused = await clerk.PostAsync($"api/batches/{name}/files", again);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_document_needs_a_signed_in_user()
    {
        using var anonymous = server.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("openapi/v1.json")).StatusCode);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var auditor = await server.BearerAsync(Role.Auditor);
        var response = await auditor.GetAsync("openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    private static HashSet<string> QueryParameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToHashSet()
            : [];
}
