using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using ScanArchive.Application.Accounts;
using ScanArchive.Core.Accounts;

namespace ScanArchive.Web.Security;

/// <summary>
/// Bearer tokens for scripts and other systems: a data-protected authentication ticket (keys in the data folder, so
/// tokens outlive a restart), valid until it expires or the account's security stamp changes.
/// </summary>
public sealed class BearerTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>The authentication scheme name.</summary>
    public const string Scheme = "Bearer";

    /// <summary>How long a token is valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly TicketDataFormat _format = new(protection.CreateProtector("ScanArchive.Web.BearerToken.v1"));

    /// <summary>Issues a token for <paramref name="account"/>.</summary>
    public (string Token, DateTimeOffset Expires) Issue(Account account)
    {
        var now = clock.GetUtcNow();
        var expires = now + Lifetime;
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expires };
        var ticket = new AuthenticationTicket(WorkstationClaims.Principal(account, Scheme), properties, Scheme);
        return (_format.Protect(ticket), expires);
    }

    /// <summary>The ticket in <paramref name="token"/>, or null when it is not one of ours or has expired.</summary>
    public AuthenticationTicket? Read(string token)
    {
        var ticket = _format.Unprotect(token);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= clock.GetUtcNow())
        {
            return null;
        }

        return ticket;
    }
}

/// <summary>Authenticates <c>Authorization: Bearer</c> requests with <see cref="BearerTokens"/>.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    BearerTokens tokens,
    AccountService accounts) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var ticket = tokens.Read(header["Bearer ".Length..].Trim());
        if (ticket is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The token is invalid or has expired."));
        }

        var name = ticket.Principal.Identity?.Name;
        var stamp = ticket.Principal.FindFirstValue(WorkstationClaims.SecurityStamp);
        if (name is null || stamp is null || !accounts.IsCurrent(name, stamp))
        {
            return Task.FromResult(AuthenticateResult.Fail("The account changed since the token was issued."));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(ticket.Principal, ticket.Properties, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
