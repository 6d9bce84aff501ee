using ScanArchive.Core.Accounts;

namespace ScanArchive.Application;

/// <summary>
/// Who is asking: every use case takes one, checks its permission, and records its name and address in the audit.
/// </summary>
/// <param name="UserName">Account name (for local commands <c>local:</c> and the operating-system user).</param>
/// <param name="Role">What the person may do.</param>
/// <param name="Address">Network address of the request (null for local commands).</param>
public sealed record Actor(string UserName, Role Role, string? Address = null)
{
    /// <summary>
    /// The person at the workstation's own terminal. Whoever can run the command line can read and write the data
    /// folder itself, so the command line acts with every permission; the audit names the operating-system user.
    /// </summary>
    public static Actor Local() => new("local:" + Environment.UserName, Role.Admin);

    /// <summary>
    /// Attributes the audit records that store operations write inside their own transactions to this actor's
    /// address, until disposed.
    /// </summary>
    public IDisposable AuditScope() => Core.Archive.AuditContext.From(Address);

    /// <summary>True when the actor's role carries the permission.</summary>
    public bool Can(Permission permission) => Permissions.Allows(Role, permission);

    /// <summary>Throws <see cref="AccessDeniedException"/> unless the actor's role carries the permission.</summary>
    public void Require(Permission permission)
    {
        if (!Can(permission))
        {
            throw new AccessDeniedException(this, permission);
        }
    }
}
