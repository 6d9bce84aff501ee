using ScanArchive.Core.Accounts;

namespace ScanArchive.Application.Accounts;

/// <summary>The result of <see cref="AccountService.SignIn"/>.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Account">The signed-in account (only on <see cref="SignInOutcome.Success"/>).</param>
/// <param name="LockedUntil">When the lockout ends (only on <see cref="SignInOutcome.LockedOut"/>).</param>
public sealed record SignInResult(SignInOutcome Outcome, Account? Account = null, DateTimeOffset? LockedUntil = null)
{
    /// <summary>Wrong name or password.</summary>
    public static SignInResult Failed { get; } = new(SignInOutcome.Failed);

    /// <summary>The account is disabled.</summary>
    public static SignInResult Disabled { get; } = new(SignInOutcome.Disabled);

    /// <summary>True when the person is signed in (<see cref="Account"/> is then set).</summary>
    public bool Succeeded => Outcome == SignInOutcome.Success;

    /// <summary>Signed in as <paramref name="account"/>.</summary>
    public static SignInResult Success(Account account) => new(SignInOutcome.Success, account);

    /// <summary>Locked out until <paramref name="until"/>.</summary>
    public static SignInResult LockedOut(DateTimeOffset until) => new(SignInOutcome.LockedOut, LockedUntil: until);
}
