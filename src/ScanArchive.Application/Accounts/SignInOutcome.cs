namespace ScanArchive.Application.Accounts;

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInOutcome
{
    /// <summary>Name and password are right; the account may work.</summary>
    Success,

    /// <summary>Wrong name or wrong password (deliberately not told apart).</summary>
    Failed,

    /// <summary>Too many failures; no sign-in is accepted until <see cref="SignInResult.LockedUntil"/>.</summary>
    LockedOut,

    /// <summary>Name and password are right but an administrator disabled the account.</summary>
    Disabled,
}
