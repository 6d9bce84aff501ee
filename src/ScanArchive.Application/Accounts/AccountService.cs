using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using OneTimeCode = ScanArchive.Application.Accounts.SetupCode;

namespace ScanArchive.Application.Accounts;

/// <summary>
/// Accounts and sign-in, for every host (web, API, CLI): first-run setup, password checks with lockout, and the
/// administrator's changes. Every change is written together with its audit record. One instance per process: the
/// setup code lives in it, and it serializes read-modify-write of an account within the process (LiteDB allows a
/// single owning process per data folder, so that is every writer).
/// </summary>
public sealed class AccountService
{
    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>How long a lockout lasts.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    // Checked when the name is unknown or the account locked, so that those answers cost the same time as a real
    // check and the response time does not reveal which user names exist.
    private static readonly Account Nobody = new() { UserName = "-" };
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<Account>().HashPassword(Nobody, RandomNumberGenerator.GetHexString(32)));

    private readonly IAccountStore _accounts;
    private readonly TimeProvider _clock;
    private readonly PasswordHasher<Account> _hasher = new();
    private readonly Lock _gate = new();
    private string? _setupCode;

    /// <summary>Creates the service over <paramref name="accounts"/>; <paramref name="clock"/> decides lockouts (tests move it).</summary>
    public AccountService(IAccountStore accounts, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        _accounts = accounts;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>True while no account exists: the first visitor creates the administrator with <see cref="SetupCode"/>.</summary>
    public bool SetupRequired => _accounts.Count == 0;

    /// <summary>
    /// The one-time code for <see cref="CompleteSetup"/>, made on first use and kept for the life of this service;
    /// empty once an account exists. Hosts print it on their console at start.
    /// </summary>
    public string SetupCode
    {
        get
        {
            if (!SetupRequired)
            {
                return "";
            }

            lock (_gate)
            {
                return _setupCode ??= OneTimeCode.Generate();
            }
        }
    }

    /// <summary>Creates the first administrator, given the setup code.</summary>
    /// <exception cref="AccountException">Set up already, wrong code, bad name or password.</exception>
    public Account CompleteSetup(string code, string userName, string password, string? displayName, string? address)
    {
        lock (_gate)
        {
            if (!SetupRequired)
            {
                throw new AccountException(AccountProblem.AlreadySetUp, UserNames.ForDisplay(userName));
            }

            // No code was ever shown (the host did not ask for one): nobody can know it, so nothing matches.
            if (_setupCode is null || !OneTimeCode.Matches(_setupCode, code))
            {
                throw new AccountException(AccountProblem.WrongSetupCode, UserNames.ForDisplay(userName));
            }

            var name = UserNames.Normalize(userName);
            PasswordPolicy.Check(name, password);
            var account = NewAccount(name, Role.Admin, password, displayName, createdBy: name);
            _accounts.Insert(account, new AuditEvent(name, "account.setup", name, RoleName(Role.Admin), address));
            _setupCode = null;
            return account;
        }
    }

    /// <summary>
    /// Checks a name and password. Counts failures and locks the account for <see cref="LockoutDuration"/> after
    /// <see cref="MaxFailedSignIns"/> in a row; a success resets the count. Every attempt is audited.
    /// </summary>
    public SignInResult SignIn(string userName, string password, string? address)
    {
        password ??= "";
        var typed = UserNames.ForDisplay(userName);
        var account = UserNames.TryNormalize(userName, out var name) ? _accounts.Find(name) : null;
        if (account is null)
        {
            VerifyDummy(password);
            _accounts.Audit(new AuditEvent(typed, "auth.login.failed", typed, "unknown user", address));
            return SignInResult.Failed;
        }

        var now = _clock.GetUtcNow();
        if (account.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            VerifyDummy(password);
            _accounts.Audit(new AuditEvent(account.UserName, "auth.login.locked", account.UserName, $"locked until {Stamp(lockedUntil)}", address));
            return SignInResult.LockedOut(lockedUntil);
        }

        // The slow hash is checked outside the lock, so that sign-ins of different people do not queue behind it.
        var verdict = Verify(account, password);
        lock (_gate)
        {
            var current = _accounts.Find(account.UserName);
            if (current is null)
            {
                _accounts.Audit(new AuditEvent(typed, "auth.login.failed", typed, "unknown user", address));
                return SignInResult.Failed;
            }

            if (current.LockedUntil is { } until && until > now)
            {
                // Another attempt locked the account while this one was being checked.
                _accounts.Audit(new AuditEvent(current.UserName, "auth.login.locked", current.UserName, $"locked until {Stamp(until)}", address));
                return SignInResult.LockedOut(until);
            }

            if (current.PasswordHash != account.PasswordHash)
            {
                // The password was reset meanwhile: the answer must be about the current one.
                verdict = Verify(current, password);
            }

            if (current.LockedUntil is not null)
            {
                // The lockout is over: counting starts again.
                current = current with { FailedSignIns = 0, LockedUntil = null };
            }

            if (verdict == PasswordVerificationResult.Failed)
            {
                return RecordFailure(current, now, address);
            }

            if (current.Disabled)
            {
                _accounts.Audit(new AuditEvent(current.UserName, "auth.login.failed", current.UserName, "disabled", address));
                return SignInResult.Disabled;
            }

            var signedIn = current with
            {
                FailedSignIns = 0,
                LockedUntil = null,
                LastSignInAt = now,

                // Hashed with older parameters (fewer iterations): stored again with today's, now that the password is known.
                PasswordHash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? _hasher.HashPassword(current, password) : current.PasswordHash,
            };
            _accounts.Update(signedIn, new AuditEvent(current.UserName, "auth.login", current.UserName, null, address));
            return SignInResult.Success(signedIn);
        }
    }

    /// <summary>The account with that user name (any case), or null.</summary>
    public Account? Find(string userName) => UserNames.TryNormalize(userName, out var name) ? _accounts.Find(name) : null;

    /// <summary>All accounts, by user name.</summary>
    public IReadOnlyList<Account> List() => _accounts.List();

    /// <summary>Creates an account (by an administrator, or locally from the command line).</summary>
    /// <exception cref="AccountException">Bad name or password.</exception>
    /// <exception cref="ArchiveException">The name is taken (<see cref="ArchiveProblem.AccountExists"/>).</exception>
    public Account Create(string actor, string userName, Role role, string password, string? displayName = null, string? address = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireDefined(role);
        var name = UserNames.Normalize(userName);
        PasswordPolicy.Check(name, password);

        // Refused before hashing; the store's unique index still decides if two creations race.
        if (_accounts.Find(name) is { } existing)
        {
            throw new ArchiveException(ArchiveProblem.AccountExists, existing.UserName);
        }

        var account = NewAccount(name, role, password, displayName, actor);
        _accounts.Insert(account, new AuditEvent(actor, "account.create", name, RoleName(role), address));
        return account;
    }

    /// <summary>Disables or enables an account. Disabling ends its sessions (new security stamp).</summary>
    /// <exception cref="AccountException">It is the last enabled administrator.</exception>
    /// <exception cref="ArchiveException">No such account.</exception>
    public Account SetDisabled(string actor, string userName, bool disabled, string? address = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        lock (_gate)
        {
            var account = Require(userName);
            if (account.Disabled == disabled)
            {
                return account;
            }

            if (disabled)
            {
                RequireAnotherAdmin(account);
            }

            var changed = account with { Disabled = disabled, SecurityStamp = NewStamp() };
            _accounts.Update(changed, new AuditEvent(actor, disabled ? "account.disable" : "account.enable", account.UserName, null, address));
            return changed;
        }
    }

    /// <summary>Sets a new password (an administrator's reset); ends the account's sessions and lifts a lockout.</summary>
    /// <exception cref="AccountException">The password breaks the policy.</exception>
    /// <exception cref="ArchiveException">No such account.</exception>
    public Account ResetPassword(string actor, string userName, string newPassword, string? address = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        lock (_gate)
        {
            var account = Require(userName);
            PasswordPolicy.Check(account.UserName, newPassword);
            var changed = WithPassword(account, newPassword);
            _accounts.Update(changed, new AuditEvent(actor, "account.password", account.UserName, null, address));
            return changed;
        }
    }

    /// <summary>The person changes their own password, proving the current one; ends their other sessions.</summary>
    /// <exception cref="AccountException">The current password is wrong, or the new one breaks the policy.</exception>
    /// <exception cref="ArchiveException">No such account.</exception>
    public Account ChangePassword(string userName, string currentPassword, string newPassword, string? address = null)
    {
        var account = Require(userName);
        if (Verify(account, currentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            _accounts.Audit(new AuditEvent(account.UserName, "account.password.failed", account.UserName, "wrong current password", address));
            throw new AccountException(AccountProblem.WrongPassword, account.UserName);
        }

        PasswordPolicy.Check(account.UserName, newPassword);
        lock (_gate)
        {
            var changed = WithPassword(Require(userName), newPassword);
            _accounts.Update(changed, new AuditEvent(account.UserName, "account.password", account.UserName, "own", address));
            return changed;
        }
    }

    /// <summary>Gives an account another role; ends its sessions, since what they were allowed to do changed.</summary>
    /// <exception cref="AccountException">It would demote the last enabled administrator.</exception>
    /// <exception cref="ArchiveException">No such account.</exception>
    public Account ChangeRole(string actor, string userName, Role role, string? address = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireDefined(role);
        lock (_gate)
        {
            var account = Require(userName);
            if (account.Role == role)
            {
                return account;
            }

            if (account.Role == Role.Admin)
            {
                RequireAnotherAdmin(account);
            }

            var changed = account with { Role = role, SecurityStamp = NewStamp() };
            _accounts.Update(changed, new AuditEvent(actor, "account.role", account.UserName, $"{RoleName(account.Role)} → {RoleName(role)}", address));
            return changed;
        }
    }

    /// <summary>Sets the account's preferred UI language (<c>zh-CN</c> or <c>en</c>; null or empty: the browser's).</summary>
    /// <exception cref="AccountException">Not a supported language.</exception>
    /// <exception cref="ArchiveException">No such account.</exception>
    public Account SetLanguage(string userName, string? language)
    {
        var normalized = AccountLanguages.Normalize(language);
        lock (_gate)
        {
            var changed = Require(userName) with { Language = normalized };
            _accounts.Update(changed, null);
            return changed;
        }
    }

    /// <summary>
    /// True when a session or token issued with <paramref name="securityStamp"/> may still be used: the account
    /// exists, is enabled, and its stamp has not changed since (password, role or disabled state).
    /// </summary>
    public bool IsCurrent(string userName, string securityStamp)
    {
        if (string.IsNullOrEmpty(securityStamp) || Find(userName) is not { Disabled: false } account)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(account.SecurityStamp), Encoding.UTF8.GetBytes(securityStamp));
    }

    /// <summary>The role as written in audit records and typed on the command line (<c>clerk</c>, <c>admin</c>).</summary>
    public static string RoleName(Role role) => role.ToString().ToLowerInvariant();

    private SignInResult RecordFailure(Account account, DateTimeOffset now, string? address)
    {
        var failures = account.FailedSignIns + 1;
        if (failures >= MaxFailedSignIns)
        {
            var until = now + LockoutDuration;
            _accounts.Update(
                account with { FailedSignIns = failures, LockedUntil = until },
                new AuditEvent(account.UserName, "auth.login.failed", account.UserName, $"wrong password; {failures} failures, locked until {Stamp(until)}", address));
            return SignInResult.LockedOut(until);
        }

        _accounts.Update(account with { FailedSignIns = failures }, new AuditEvent(account.UserName, "auth.login.failed", account.UserName, "wrong password", address));
        return SignInResult.Failed;
    }

    private Account NewAccount(string name, Role role, string password, string? displayName, string createdBy)
    {
        var account = new Account
        {
            UserName = name,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            Role = role,
            SecurityStamp = NewStamp(),
            CreatedAt = _clock.GetUtcNow(),
            CreatedBy = createdBy,
        };
        return account with { PasswordHash = _hasher.HashPassword(account, password) };
    }

    private Account WithPassword(Account account, string password) => account with
    {
        PasswordHash = _hasher.HashPassword(account, password),
        SecurityStamp = NewStamp(),
        FailedSignIns = 0,
        LockedUntil = null,
    };

    private PasswordVerificationResult Verify(Account account, string password)
    {
        if (string.IsNullOrEmpty(account.PasswordHash))
        {
            VerifyDummy(password);
            return PasswordVerificationResult.Failed;
        }

        try
        {
            return _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        }
        catch (FormatException)
        {
            // A damaged hash lets nobody in.
            return PasswordVerificationResult.Failed;
        }
    }

    private void VerifyDummy(string password) => _hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password);

    private Account Require(string userName) =>
        Find(userName) ?? throw new ArchiveException(ArchiveProblem.AccountNotFound, UserNames.ForDisplay(userName));

    // Called under the gate, so that two administrators demoting each other at once cannot both succeed.
    private void RequireAnotherAdmin(Account account)
    {
        if (account.Role != Role.Admin || account.Disabled)
        {
            return;
        }

        if (!_accounts.List().Any(a => a.Role == Role.Admin && !a.Disabled && !UserNames.Same(a.UserName, account.UserName)))
        {
            throw new AccountException(AccountProblem.LastAdmin, account.UserName);
        }
    }

    private static void RequireDefined(Role role)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role.");
        }
    }

    private static string NewStamp() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
