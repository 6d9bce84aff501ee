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
    /// <remarks>
    /// Set when the response starts, not when the request arrives: the exception handler clears the headers of a
    /// response it rewrites (a 404 problem from a thrown exception would otherwise go out without them).
    /// </remarks>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ReferencePolicy : StrictPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>
    /// Anti-forgery for every state-changing request, whatever the endpoint: forms that bind no model (sign-out) are
    /// not checked by the framework, so each POST/PUT/PATCH/DELETE carrying the browser's cookies must bring the token
    /// (form field or <see cref="SecuritySetup.AntiforgeryHeader"/>). Exempt: bearer calls (another site cannot add
    /// the header), endpoints marked <see cref="NoCookieAntiforgeryAttribute"/>, and Blazor's circuit hub, which
    /// changes nothing by itself and is reached only from the workstation's own pages (SameSite=Strict cookie).
    /// Runs after authorization, so that a stranger still gets 401/403 rather than a hint about tokens.
    /// </summary>
    public static IApplicationBuilder UseStateChangeAntiforgery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsStateChanging(context.Request.Method)
            && !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.StartsWithSegments("/_blazor")
            && context.GetEndpoint() is { } endpoint
            && endpoint.Metadata.GetMetadata<NoCookieAntiforgeryAttribute>() is null
            && !await IsValidAsync(context))
        {
            await Api.ApiProblems.Antiforgery(context).ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    // Endpoints that bind forms (pages, form posts) were checked by the framework's middleware already, which then
    // forbids reading the form again; the others are checked here.
    private static async Task<bool> IsValidAsync(HttpContext context) =>
        context.Features.Get<IAntiforgeryValidationFeature>() is { } checkedAlready
            ? checkedAlready.IsValid
            : await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);

    /// <summary>Whether a request with <paramref name="method"/> may change something (not GET, HEAD, OPTIONS, TRACE).</summary>
    public static bool IsStateChanging(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

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
