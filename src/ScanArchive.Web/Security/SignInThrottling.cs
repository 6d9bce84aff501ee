using Microsoft.Extensions.Localization;
using ScanArchive.Web.Api;

namespace ScanArchive.Web.Security;

/// <summary>
/// Puts <see cref="SignInThrottle"/> in front of every way to sign in (the form, the cookie API, the token API):
/// a throttled address gets 429 with <c>Retry-After</c> before its password is even checked, and every attempt
/// whose password is refused counts as a failure of its address.
/// </summary>
public static class SignInThrottling
{
    /// <summary>The POST paths that check a password.</summary>
    public static readonly IReadOnlyList<string> SignInPaths = ["/login", "/api/auth/login", "/api/auth/token"];

    private const string FormPath = "/login";

    /// <summary>Adds the throttle to the pipeline (after localization, so the refusal speaks the caller's language).</summary>
    public static IApplicationBuilder UseSignInThrottle(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (!HttpMethods.IsPost(context.Request.Method) || !SignInPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        var throttle = context.RequestServices.GetRequiredService<SignInThrottle>();
        var address = WorkstationClaims.AddressOf(context);
        if (throttle.RetryAfter(address) is { } wait)
        {
            await RefuseAsync(context, wait);
            return;
        }

        await next(context);
        if (PasswordRefused(context))
        {
            throttle.RecordFailure(address);
        }
    });

    // A refused password: the APIs answer 401; the form shows itself again (200) without issuing the auth cookie.
    // Requests stopped before the password check (anti-forgery, malformed input: 400) do not count.
    private static bool PasswordRefused(HttpContext context) =>
        context.Response.StatusCode == StatusCodes.Status401Unauthorized
        || (context.Request.Path.Equals(FormPath, StringComparison.OrdinalIgnoreCase)
            && context.Response.StatusCode == StatusCodes.Status200OK
            && !context.Response.Headers.SetCookie.Any(c => c?.StartsWith(SecuritySetup.AuthCookieName + "=", StringComparison.Ordinal) == true));

    private static async Task RefuseAsync(HttpContext context, TimeSpan wait)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        var message = text["Login.Throttled", minutes].Value;
        context.Response.Headers.RetryAfter = SignInThrottle.RetryAfterHeader(wait);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await ApiProblems.Problem(context, StatusCodes.Status429TooManyRequests, "tooManySignIns", message,
                new Dictionary<string, object?> { ["retryAfterSeconds"] = (int)Math.Ceiling(wait.TotalSeconds) }).ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message);
    }
}
