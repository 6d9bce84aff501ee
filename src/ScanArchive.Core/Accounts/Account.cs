namespace ScanArchive.Core.Accounts;

/// <summary>A person who signs in to the workstation.</summary>
public sealed record Account
{
    /// <summary>Sign-in name, unique case-insensitively; also the name in the audit log.</summary>
    public required string UserName { get; init; }

    /// <summary>Name shown on screens (defaults to the user name).</summary>
    public string? DisplayName { get; init; }

    /// <summary>What the person does.</summary>
    public Role Role { get; init; }

    /// <summary>Password hash in ASP.NET Core Identity's format (never the password).</summary>
    public string PasswordHash { get; init; } = "";

    /// <summary>A disabled account cannot sign in; its history stays.</summary>
    public bool Disabled { get; init; }

    /// <summary>Failed sign-ins since the last success (reset on success or when a lockout ends).</summary>
    public int FailedSignIns { get; init; }

    /// <summary>No sign-in is accepted before this moment (after too many failures).</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>Changes when the password or role changes or the account is disabled, ending sessions and tokens issued before.</summary>
    public string SecurityStamp { get; init; } = "";

    /// <summary>Preferred UI language (<c>zh-CN</c>, <c>en</c>), null for the browser's.</summary>
    public string? Language { get; init; }

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who created it.</summary>
    public string CreatedBy { get; init; } = "";

    /// <summary>Last successful sign-in.</summary>
    public DateTimeOffset? LastSignInAt { get; init; }
}
