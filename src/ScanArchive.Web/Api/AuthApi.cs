using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using ScanArchive.Application.Accounts;
using ScanArchive.Application.Auditing;
using ScanArchive.Core.Accounts;
using ScanArchive.Web.Hosting;
using ScanArchive.Web.Security;

namespace ScanArchive.Web.Api;

/// <summary><c>/api/auth/*</c> and <c>/api/health</c>.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/health", (TimeProvider clock) => TypedResults.Ok(new Health("ok", clock.GetUtcNow())))
            .AllowAnonymous().WithTags("Health").WithSummary("The server is up (anonymous).");

        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapGet("/antiforgery", GetAntiforgery).AllowAnonymous()
            .WithSummary("The anti-forgery token that cookie-authenticated state-changing calls send in the X-CSRF-TOKEN header.");
        auth.MapPost("/login", LoginAsync).AllowAnonymous()
            .WithSummary("Signs in with the auth cookie (browsers; anti-forgery applies).");
        auth.MapPost("/logout", LogoutAsync).WithSummary("Ends the cookie session.");
        auth.MapPost("/token", Token).AllowAnonymous().WithMetadata(new NoCookieAntiforgeryAttribute())
            .WithSummary("A bearer token for scripts (no cookie, no anti-forgery); failed attempts count toward lockout.");
        return api;
    }

    private static Ok<AntiforgeryToken> GetAntiforgery(HttpContext http, IAntiforgery antiforgery) =>
        TypedResults.Ok(new AntiforgeryToken(SecuritySetup.AntiforgeryHeader, antiforgery.GetAndStoreTokens(http).RequestToken));

    private static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> LoginAsync(Credentials credentials, HttpContext http, AccountService accounts, IAntiforgery antiforgery)
    {
        var result = accounts.SignIn(credentials.UserName ?? "", credentials.Password ?? "", WorkstationClaims.AddressOf(http));
        if (result.Account is not { } account || !result.Succeeded)
        {
            return Refused(http, result);
        }

        var principal = WorkstationClaims.Principal(account, SecuritySetup.CookieScheme);
        await http.SignInAsync(SecuritySetup.CookieScheme, principal);
        WorkstationCultures.ApplyAccountLanguage(http, account.Language);

        // The anti-forgery token is bound to the person: hand out the one for the new session.
        http.User = principal;
        var token = antiforgery.GetAndStoreTokens(http).RequestToken;
        return TypedResults.Ok(new SignedIn(account.UserName, principal.FindFirst(WorkstationClaims.DisplayName)!.Value, account.Role.ToString(), SecuritySetup.AntiforgeryHeader, token));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, AuditService audit)
    {
        var actor = http.Actor();
        await http.SignOutAsync(SecuritySetup.CookieScheme);
        audit.Record(actor, "auth.logout", actor.UserName);
        return TypedResults.NoContent();
    }

    private static Results<Ok<TokenResponse>, ProblemHttpResult> Token(Credentials credentials, HttpContext http, AccountService accounts, BearerTokens tokens)
    {
        var result = accounts.SignIn(credentials.UserName ?? "", credentials.Password ?? "", WorkstationClaims.AddressOf(http));
        if (result.Account is not { } account || !result.Succeeded)
        {
            return Refused(http, result);
        }

        var (token, expires) = tokens.Issue(account);
        return TypedResults.Ok(new TokenResponse(token, expires));
    }

    /// <summary>401 with a reason that does not tell a stranger which accounts exist.</summary>
    private static ProblemHttpResult Refused(HttpContext http, SignInResult result)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
        return result.Outcome switch
        {
            SignInOutcome.LockedOut => ApiProblems.Problem(http, StatusCodes.Status401Unauthorized, "lockedOut",
                text["Login.LockedOut", AccountService.LockoutDuration.TotalMinutes], new Dictionary<string, object?> { ["lockedUntil"] = result.LockedUntil }),
            _ => ApiProblems.Problem(http, StatusCodes.Status401Unauthorized, "signInFailed", text["Login.Failed"]),
        };
    }
}
