namespace ScanArchive.Application.Accounts;

/// <summary>What a new password must be. Deliberately short: length is what counts, and rules about character classes make people write passwords down.</summary>
public static class PasswordPolicy
{
    /// <summary>Fewest characters.</summary>
    public const int MinLength = 8;

    /// <summary>Most characters (a bound on what a sign-in form makes the server hash).</summary>
    public const int MaxLength = 256;

    /// <summary>Checks <paramref name="password"/> for the account <paramref name="userName"/>.</summary>
    /// <exception cref="AccountException">Too short, too long, or the user name.</exception>
    public static void Check(string userName, string? password)
    {
        ArgumentNullException.ThrowIfNull(userName);

        // Counted in characters as a person sees them (a Chinese character or an emoji is one), not UTF-16 units.
        var length = password?.EnumerateRunes().Count() ?? 0;
        if (length < MinLength)
        {
            throw new AccountException(AccountProblem.PasswordTooShort, userName);
        }

        if (length > MaxLength)
        {
            throw new AccountException(AccountProblem.PasswordTooLong, userName);
        }

        if (UserNames.Same(password!, userName))
        {
            throw new AccountException(AccountProblem.PasswordIsUserName, userName);
        }
    }
}
