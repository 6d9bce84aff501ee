using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using ScanArchive.Application.Accounts;
using ScanArchive.Application.Auditing;
using ScanArchive.Web.Hosting;
using ScanArchive.Web.Security;

namespace ScanArchive.Web.Api;

/// <summary>The plain form posts of the browser UI that are not a page of their own (anti-forgery is checked by the framework: they bind forms).</summary>
public static class UiEndpoints
{
    public static IEndpointRouteBuilder MapUiEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/culture", SetCulture).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/logout", LogoutAsync).ExcludeFromDescription();
        return app;
    }

    private static IResult SetCulture([FromForm] string culture, [FromForm] string? returnUrl, HttpContext http, AccountService accounts)
    {
        if (WorkstationCultures.Normalize(culture) is { } chosen)
        {
            WorkstationCultures.WriteCookie(http, chosen);
            if (http.User.Identity is { IsAuthenticated: true, Name: { } name })
            {
                accounts.SetLanguage(name, chosen);
            }
        }

        return TypedResults.LocalRedirect(SafeLocal(returnUrl));
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, AuditService audit)
    {
        var actor = http.Actor();
        await http.SignOutAsync(SecuritySetup.CookieScheme);
        audit.Record(actor, "auth.logout", actor.UserName);
        return TypedResults.LocalRedirect("/login");
    }

    /// <summary>A local path to go back to (never another site).</summary>
    public static string SafeLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
