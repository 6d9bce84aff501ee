using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using ScanArchive.Application;
using ScanArchive.Application.Accounts;
using ScanArchive.Core.Accounts;

namespace ScanArchive.Web.Security;

/// <summary>Authentication (cookie for people, bearer for scripts), authorization by permission, anti-forgery.</summary>
public static class SecuritySetup
{
    /// <summary>The default scheme: bearer when the request carries a bearer token, the cookie otherwise.</summary>
    public const string DefaultScheme = "Workstation";

    /// <summary>The cookie scheme.</summary>
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>The session cookie's name.</summary>
    public const string AuthCookieName = "scanarchive.auth";

    /// <summary>Header that carries the anti-forgery token on cookie-authenticated API calls.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>Idle time after which a browser session ends, unless configured (<c>Workstation:IdleTimeout</c>).</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The policy that stands for <paramref name="permission"/> (its name).</summary>
    public static string Policy(Permission permission) => permission.ToString();

    /// <param name="services">The host's services.</param>
    /// <param name="layout">The data folder (keys are kept there).</param>
    /// <param name="idleTimeout">Idle time after which a browser session ends (sliding); null: <see cref="DefaultIdleTimeout"/>.</param>
    public static IServiceCollection AddWorkstationSecurity(this IServiceCollection services, DataFolderLayout layout, TimeSpan? idleTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(layout.WebKeys))
            .SetApplicationName("ScanArchive");
        services.AddSingleton<BearerTokens>();
        services.AddSingleton<SignInThrottle>();
        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, null, options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? BearerTokens.Scheme : CookieScheme)
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = AuthCookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = idleTimeout ?? DefaultIdleTimeout;
                options.SlidingExpiration = true;
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.AccessDeniedPath = "/denied";
                options.ReturnUrlParameter = "returnUrl";
                options.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = ValidateStampAsync,
                    OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden),
                };
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokens.Scheme, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAuthorization(options =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                options.AddPolicy(Policy(permission), policy => policy
                    .RequireAuthenticatedUser()
                    .RequireRole(Permissions.RolesWith(permission).Select(r => r.ToString())));
            }
        });

        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            options.Cookie.Name = "scanarchive.csrf";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>Ends a session whose account was disabled, re-passworded or given another role since it began.</summary>
    private static async Task ValidateStampAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirstValue(WorkstationClaims.SecurityStamp);
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
        if (name is null || stamp is null || !accounts.IsCurrent(name, stamp))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }

    /// <summary>API callers get a status code; browsers get the sign-in or access-denied page.</summary>
    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
