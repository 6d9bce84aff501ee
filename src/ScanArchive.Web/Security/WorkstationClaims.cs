using System.Net;
using System.Security.Claims;
using ScanArchive.Application;
using ScanArchive.Core.Accounts;

namespace ScanArchive.Web.Security;

/// <summary>The claims of a signed-in person, and the one mapping from a request's principal to an <see cref="Actor"/>.</summary>
public static class WorkstationClaims
{
    /// <summary>The account's security stamp when the session or token was issued.</summary>
    public const string SecurityStamp = "scanarchive:stamp";

    /// <summary>The name shown on screens.</summary>
    public const string DisplayName = "scanarchive:display";

    /// <summary>A principal for <paramref name="account"/>, authenticated by <paramref name="scheme"/>.</summary>
    public static ClaimsPrincipal Principal(Account account, string scheme)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, account.UserName),
                new Claim(ClaimTypes.Role, account.Role.ToString()),
                new Claim(SecurityStamp, account.SecurityStamp),
                new Claim(DisplayName, string.IsNullOrWhiteSpace(account.DisplayName) ? account.UserName : account.DisplayName),
            ],
            scheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The role of a signed-in principal, or null.</summary>
    public static Role? RoleOf(ClaimsPrincipal? user) =>
        user?.FindFirst(ClaimTypes.Role)?.Value is { } text && Enum.TryParse<Role>(text, out var role) ? role : null;

    /// <summary>True when the principal's role carries <paramref name="permission"/>.</summary>
    public static bool Can(ClaimsPrincipal? user, Permission permission) =>
        RoleOf(user) is { } role && Permissions.Allows(role, permission);

    /// <summary>The network address of the request (IPv4 addresses without their IPv6 mapping).</summary>
    public static string? AddressOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return null;
        }

        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    /// <summary>The person making the request, as the application layer knows them.</summary>
    /// <exception cref="InvalidOperationException">The request is not signed in (authorization should have stopped it).</exception>
    public static Actor Actor(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ActorOf(context.User, AddressOf(context));
    }

    /// <summary>The actor of a principal (for interactive components, which have no request).</summary>
    public static Actor ActorOf(ClaimsPrincipal? user, string? address)
    {
        var name = user?.Identity is { IsAuthenticated: true } identity ? identity.Name : null;
        if (string.IsNullOrEmpty(name) || RoleOf(user) is not { } role)
        {
            throw new InvalidOperationException("The request is not signed in.");
        }

        return new Actor(name, role, address);
    }

    /// <summary>Parses an address for display (null stays null).</summary>
    public static string? Normalize(string? address) =>
        address is not null && IPAddress.TryParse(address, out var ip) && ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4().ToString() : address;
}
