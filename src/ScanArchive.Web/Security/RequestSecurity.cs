using Microsoft.AspNetCore.Antiforgery;
using ScanArchive.Core.Archive;

namespace ScanArchive.Web.Security;

/// <summary>Per-request security plumbing: response headers and the audit address.</summary>
public static class RequestSecurity
{
    private const string StrictPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The API reference page (signed-in users only) is a generated page with inline configuration script.
    private const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Content security policy, no sniffing, no referrer leaks, no framing.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ReferencePolicy : StrictPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    });

    /// <summary>Audit records the stores write during the request carry the caller's address.</summary>
    public static IApplicationBuilder UseAuditAddress(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        using (AuditContext.From(WorkstationClaims.AddressOf(context)))
        {
            await next(context);
        }
    });
}

/// <summary>Marks an API endpoint that takes no cookie and so needs no anti-forgery token (the token endpoint).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoCookieAntiforgeryAttribute : Attribute;

/// <summary>
/// Anti-forgery for the API: a state-changing call that may ride on the browser's cookie must carry the token in
/// <see cref="SecuritySetup.AntiforgeryHeader"/>. Bearer calls cannot be forged by another site and are exempt.
/// </summary>
internal sealed class CookieAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        var exempt = http.GetEndpoint()?.Metadata.GetMetadata<NoCookieAntiforgeryAttribute>() is not null;
        if (!safe && !bearer && !exempt && !await antiforgery.IsRequestValidAsync(http))
        {
            return Api.ApiProblems.Antiforgery(http);
        }

        return await next(context);
    }
}
