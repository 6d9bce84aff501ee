namespace ScanArchive.Application.Accounts;

/// <summary>Why an account operation was refused (a missing or duplicate account is an <see cref="Core.Archive.ArchiveException"/>, as the store reports it).</summary>
public enum AccountProblem
{
    /// <summary>The user name is empty, too long, or has characters other than letters, digits and <c>._-@</c>.</summary>
    InvalidUserName,

    /// <summary>The password is shorter than <see cref="PasswordPolicy.MinLength"/>.</summary>
    PasswordTooShort,

    /// <summary>The password is longer than <see cref="PasswordPolicy.MaxLength"/>.</summary>
    PasswordTooLong,

    /// <summary>The password is the user name.</summary>
    PasswordIsUserName,

    /// <summary>The current password given to change it is wrong.</summary>
    WrongPassword,

    /// <summary>The setup code does not match the one the host printed.</summary>
    WrongSetupCode,

    /// <summary>An account exists already: setup is over.</summary>
    AlreadySetUp,

    /// <summary>The change would leave no enabled administrator.</summary>
    LastAdmin,

    /// <summary>Not a language the workstation knows.</summary>
    InvalidLanguage,
}
