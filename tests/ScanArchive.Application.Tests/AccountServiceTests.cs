using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScanArchive.Application.Accounts;
using ScanArchive.Archive.Storage;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.TestSupport;

namespace ScanArchive.Application.Tests;

/// <summary>Accounts and sign-in against the real LiteDB store in a temporary data folder.</summary>
public sealed class AccountServiceTests : IDisposable
{
    private const string AdminPassword = "correct horse 9";
    private const string ClerkPassword = "Clerk-Pass-2026";

    private readonly TempDirectory _data = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private LiteDbArchiveStore _store;
    private AccountService _service;

    public AccountServiceTests()
    {
        _store = new LiteDbArchiveStore(new ArchiveStoreOptions(_data.Path));
        _service = new AccountService(new LiteDbAccountStore(_store), _clock);
    }

    public void Dispose()
    {
        _store.Dispose();
        _data.Dispose();
    }

    [Fact]
    public void The_first_administrator_is_created_with_the_setup_code_once()
    {
        Assert.True(_service.SetupRequired);
        var code = _service.SetupCode;
        Assert.Matches("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$", code);
        Assert.Equal(code, _service.SetupCode);

        var wrong = Assert.Throws<AccountException>(() => _service.CompleteSetup(OtherCode(code), "admin", AdminPassword, null, "10.1.1.1"));
        Assert.Equal(AccountProblem.WrongSetupCode, wrong.Problem);
        Assert.True(_service.SetupRequired);

        // Typed as read off the console, in lower case and without the dash.
        var admin = _service.CompleteSetup(code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(), " Admin ", AdminPassword, "  Chief  ", "10.1.1.1");
        Assert.Equal("Admin", admin.UserName);
        Assert.Equal("Chief", admin.DisplayName);
        Assert.Equal(Role.Admin, admin.Role);
        Assert.Equal(_clock.Now, admin.CreatedAt);
        Assert.False(_service.SetupRequired);
        Assert.Equal("", _service.SetupCode);

        var again = Assert.Throws<AccountException>(() => _service.CompleteSetup(code, "intruder", AdminPassword, null, null));
        Assert.Equal(AccountProblem.AlreadySetUp, again.Problem);
        Assert.Single(_service.List());

        var setup = Assert.Single(_store.AuditTrail(target: "Admin"), a => a.Action == "account.setup");
        Assert.Equal("Admin", setup.User);
        Assert.Equal("10.1.1.1", setup.Address);
        Assert.True(_service.SignIn("admin", AdminPassword, null).Succeeded);
    }

    [Fact]
    public void Setup_codes_differ_between_services_and_an_unshown_code_matches_nothing()
    {
        var other = new AccountService(new LiteDbAccountStore(_store), _clock);
        Assert.NotEqual(_service.SetupCode, other.SetupCode);

        // A third service never printed its code: no guess can match it.
        var silent = new AccountService(new LiteDbAccountStore(_store), _clock);
        Assert.Equal(AccountProblem.WrongSetupCode, Assert.Throws<AccountException>(() => silent.CompleteSetup(_service.SetupCode, "admin", AdminPassword, null, null)).Problem);
    }

    [Fact]
    public void Signing_in_checks_the_password_resets_failures_and_records_the_time()
    {
        SetUpAdmin();
        _service.Create("admin", "Li.Wei", Role.Clerk, ClerkPassword, "李伟");

        Assert.Equal(SignInOutcome.Failed, _service.SignIn("li.wei", "wrong password", "10.0.0.5").Outcome);
        Assert.Equal(SignInOutcome.Failed, _service.SignIn("li.wei", ClerkPassword.ToUpperInvariant(), "10.0.0.5").Outcome);
        Assert.Equal(2, _service.Find("LI.WEI")!.FailedSignIns);

        _clock.Advance(TimeSpan.FromMinutes(3));
        var result = _service.SignIn(" LI.wei ", ClerkPassword, "10.0.0.5");
        Assert.Equal(SignInOutcome.Success, result.Outcome);
        Assert.Equal("Li.Wei", result.Account!.UserName);
        var stored = _service.Find("li.wei")!;
        Assert.Equal(0, stored.FailedSignIns);
        Assert.Equal(_clock.Now, stored.LastSignInAt);

        var trail = _store.AuditTrail(target: "Li.Wei");
        Assert.Equal(2, trail.Count(a => a.Action == "auth.login.failed" && a.Details == "wrong password"));
        var login = Assert.Single(trail, a => a.Action == "auth.login");
        Assert.Equal("Li.Wei", login.User);
        Assert.Equal("10.0.0.5", login.Address);
    }

    [Fact]
    public void Five_failures_lock_the_account_for_fifteen_minutes()
    {
        SetUpAdmin();
        _service.Create("admin", "clerk", Role.Clerk, ClerkPassword);
        for (var i = 1; i < AccountService.MaxFailedSignIns; i++)
        {
            Assert.Equal(SignInOutcome.Failed, _service.SignIn("clerk", $"guess-{i}-xyz", null).Outcome);
        }

        var locked = _service.SignIn("clerk", "guess-5-xyz", null);
        Assert.Equal(SignInOutcome.LockedOut, locked.Outcome);
        var until = _clock.Now + AccountService.LockoutDuration;
        Assert.Equal(until, locked.LockedUntil);

        // Even the right password is refused until the lockout ends.
        _clock.Advance(AccountService.LockoutDuration - TimeSpan.FromSeconds(1));
        var stillLocked = _service.SignIn("clerk", ClerkPassword, null);
        Assert.Equal(SignInOutcome.LockedOut, stillLocked.Outcome);
        Assert.Equal(until, stillLocked.LockedUntil);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SignInOutcome.Success, _service.SignIn("clerk", ClerkPassword, null).Outcome);
        Assert.Null(_service.Find("clerk")!.LockedUntil);

        var trail = _store.AuditTrail(target: "clerk");
        Assert.Equal(AccountService.MaxFailedSignIns, trail.Count(a => a.Action == "auth.login.failed"));
        Assert.Single(trail, a => a.Action == "auth.login.locked");
        Assert.Single(trail, a => a.Action == "auth.login");
    }

    [Fact]
    public void After_a_lockout_ends_failures_are_counted_from_one_again()
    {
        SetUpAdmin();
        _service.Create("admin", "clerk", Role.Clerk, ClerkPassword);
        for (var i = 0; i < AccountService.MaxFailedSignIns; i++)
        {
            _service.SignIn("clerk", "not-the-password", null);
        }

        _clock.Advance(AccountService.LockoutDuration);
        Assert.Equal(SignInOutcome.Failed, _service.SignIn("clerk", "not-the-password", null).Outcome);
        var account = _service.Find("clerk")!;
        Assert.Equal(1, account.FailedSignIns);
        Assert.Null(account.LockedUntil);
    }

    [Fact]
    public void Simultaneous_wrong_passwords_lock_after_exactly_five()
    {
        SetUpAdmin();
        _service.Create("admin", "clerk", Role.Clerk, ClerkPassword);
        var results = new SignInResult[2 * AccountService.MaxFailedSignIns];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = _service.SignIn("clerk", $"wrong-{i}-password", null));

        Assert.Equal(AccountService.MaxFailedSignIns - 1, results.Count(r => r.Outcome == SignInOutcome.Failed));
        Assert.Equal(AccountService.MaxFailedSignIns + 1, results.Count(r => r.Outcome == SignInOutcome.LockedOut));
        Assert.Equal(AccountService.MaxFailedSignIns, _service.Find("clerk")!.FailedSignIns);
    }

    [Fact]
    public void An_unknown_name_fails_like_a_wrong_password_is_audited_and_takes_as_long()
    {
        SetUpAdmin();
        _service.Create("admin", "clerk", Role.Clerk, ClerkPassword);

        Assert.Equal(SignInResult.Failed, _service.SignIn("nobody", ClerkPassword, "10.9.9.9"));
        Assert.Equal(SignInResult.Failed, _service.SignIn("bad\tname", ClerkPassword, "10.9.9.9"));
        var unknown = Assert.Single(_store.AuditTrail(target: "nobody"));
        Assert.Equal(("auth.login.failed", "unknown user", "10.9.9.9"), (unknown.Action, unknown.Details, unknown.Address));
        Assert.Single(_store.AuditTrail(target: "bad?name")); // control characters never reach the log

        // Timing: an unknown name costs a password hash too (medians of three after a warm-up, staying under the
        // lockout; a generous bound for a busy machine).
        var wrongPassword = Median(() => _service.SignIn("clerk", "wrong-password", null));
        var unknownName = Median(() => _service.SignIn("no-such-user", "wrong-password", null));
        Assert.True(unknownName > wrongPassword * 0.3, $"unknown name {unknownName.TotalMilliseconds} ms, wrong password {wrongPassword.TotalMilliseconds} ms");
    }

    [Fact]
    public void A_disabled_account_cannot_sign_in_and_its_sessions_end()
    {
        SetUpAdmin();
        var clerk = _service.Create("admin", "clerk", Role.Clerk, ClerkPassword);
        Assert.True(_service.IsCurrent("clerk", clerk.SecurityStamp));

        var disabled = _service.SetDisabled("admin", "CLERK", disabled: true, "10.0.0.1");
        Assert.True(disabled.Disabled);
        Assert.NotEqual(clerk.SecurityStamp, disabled.SecurityStamp);
        Assert.False(_service.IsCurrent("clerk", clerk.SecurityStamp));
        Assert.False(_service.IsCurrent("clerk", disabled.SecurityStamp));

        Assert.Equal(SignInResult.Disabled, _service.SignIn("clerk", ClerkPassword, null));

        // Only someone who knows the password learns that the account is disabled.
        Assert.Equal(SignInResult.Failed, _service.SignIn("clerk", "wrong-password", null));
        Assert.Single(_store.AuditTrail(target: "clerk"), a => a.Action == "auth.login.failed" && a.Details == "disabled");

        var enabled = _service.SetDisabled("admin", "clerk", disabled: false);
        Assert.True(_service.IsCurrent("clerk", enabled.SecurityStamp));
        Assert.True(_service.SignIn("clerk", ClerkPassword, null).Succeeded);

        var actions = _store.AuditTrail(target: "clerk").Where(a => a.User == "admin").Select(a => a.Action).ToList();
        Assert.Contains("account.disable", actions);
        Assert.Contains("account.enable", actions);
    }

    [Fact]
    public void Passwords_are_stored_only_as_hashes_and_never_written_anywhere()
    {
        SetUpAdmin();
        const string secret = "Zebra-Quartz-7731";
        var account = _service.Create("admin", "wang", Role.Reviewer, secret);
        _service.ResetPassword("admin", "wang", secret + "-new");
        _service.SignIn("wang", secret, null);

        Assert.DoesNotContain(secret, account.PasswordHash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", account.PasswordHash, StringComparison.Ordinal); // ASP.NET Core Identity v3 format
        Assert.All(_store.AuditTrail(), a => Assert.DoesNotContain(secret, $"{a.User} {a.Target} {a.Details}", StringComparison.Ordinal));

        _store.Dispose();
        foreach (var file in Directory.EnumerateFiles(_data.Path, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
        }

        // Reopened, the account and its new password work.
        Reopen();
        Assert.True(_service.SignIn("wang", secret + "-new", null).Succeeded);
    }

    [Fact]
    public void Names_and_passwords_are_checked_against_the_policy()
    {
        SetUpAdmin();
        Assert.Equal(AccountProblem.PasswordTooShort, Refusal(() => _service.Create("admin", "clerk", Role.Clerk, "short7!")));
        Assert.Equal(AccountProblem.PasswordIsUserName, Refusal(() => _service.Create("admin", "Clerk.Number.One", Role.Clerk, "clerk.number.one")));
        Assert.Equal(AccountProblem.InvalidUserName, Refusal(() => _service.Create("admin", "two words", Role.Clerk, ClerkPassword)));
        Assert.Equal(AccountProblem.InvalidUserName, Refusal(() => _service.Create("admin", "  ", Role.Clerk, ClerkPassword)));
        Assert.Equal(AccountProblem.InvalidUserName, Refusal(() => _service.Create("admin", new string('a', UserNames.MaxLength + 1), Role.Clerk, ClerkPassword)));
        Assert.Equal(AccountProblem.InvalidUserName, Refusal(() => _service.Create("admin", "semi;colon", Role.Clerk, ClerkPassword)));
        Assert.Single(_service.List());

        // Chinese letters, digits and . _ - @ are allowed; eight characters is enough, Chinese ones included.
        Assert.NotNull(_service.Create("admin", "王丽", Role.Clerk, "档案扫描工作站密码"));
        Assert.NotNull(_service.Create("admin", "li_wei-2.x@branch", Role.Clerk, "12345678"));
        Assert.NotNull(_service.Create("admin", new string('b', UserNames.MaxLength), Role.Clerk, ClerkPassword));
        Assert.True(_service.SignIn("王丽", "档案扫描工作站密码", null).Succeeded);
    }

    [Fact]
    public void A_user_name_is_taken_whatever_its_case()
    {
        SetUpAdmin();
        _service.Create("admin", "Zhang", Role.Clerk, ClerkPassword);
        var ex = Assert.Throws<ArchiveException>(() => _service.Create("admin", "ZHANG", Role.Reviewer, ClerkPassword));
        Assert.Equal(ArchiveProblem.AccountExists, ex.Problem);
        Assert.Equal(Role.Clerk, _service.Find("zhang")!.Role);
    }

    [Fact]
    public void The_last_enabled_administrator_cannot_be_disabled_or_demoted()
    {
        SetUpAdmin();
        Assert.Equal(AccountProblem.LastAdmin, Refusal(() => _service.SetDisabled("admin", "admin", disabled: true)));
        Assert.Equal(AccountProblem.LastAdmin, Refusal(() => _service.ChangeRole("admin", "admin", Role.Reviewer)));
        Assert.Equal(Role.Admin, _service.Find("admin")!.Role);
        Assert.False(_service.Find("admin")!.Disabled);

        // A disabled administrator does not count as another one.
        _service.Create("admin", "second", Role.Admin, ClerkPassword);
        _service.SetDisabled("admin", "second", disabled: true);
        Assert.Equal(AccountProblem.LastAdmin, Refusal(() => _service.ChangeRole("admin", "admin", Role.Clerk)));

        _service.SetDisabled("admin", "second", disabled: false);
        var demoted = _service.ChangeRole("second", "admin", Role.Auditor);
        Assert.Equal(Role.Auditor, demoted.Role);
        Assert.Equal(AccountProblem.LastAdmin, Refusal(() => _service.SetDisabled("second", "second", disabled: true)));
        Assert.Equal(AccountProblem.LastAdmin, Refusal(() => _service.ChangeRole("second", "second", Role.Clerk)));
    }

    [Fact]
    public void Password_and_role_changes_give_a_new_security_stamp_and_are_audited()
    {
        SetUpAdmin();
        var clerk = _service.Create("admin", "clerk", Role.Clerk, ClerkPassword);
        for (var i = 0; i < AccountService.MaxFailedSignIns; i++)
        {
            _service.SignIn("clerk", "not-the-password", null);
        }

        var reset = _service.ResetPassword("admin", "clerk", "Brand-New-Pass", "10.0.0.2");
        Assert.NotEqual(clerk.SecurityStamp, reset.SecurityStamp);
        Assert.Null(reset.LockedUntil);
        Assert.Equal(0, reset.FailedSignIns);
        Assert.False(_service.IsCurrent("clerk", clerk.SecurityStamp));
        Assert.Equal(SignInResult.Failed, _service.SignIn("clerk", ClerkPassword, null));
        Assert.True(_service.SignIn("clerk", "Brand-New-Pass", null).Succeeded);

        var promoted = _service.ChangeRole("admin", "clerk", Role.Reviewer);
        Assert.Equal(Role.Reviewer, promoted.Role);
        Assert.NotEqual(reset.SecurityStamp, promoted.SecurityStamp);
        Assert.True(_service.IsCurrent("CLERK", promoted.SecurityStamp));

        // The language is a preference, not a security change: sessions stay.
        var chinese = _service.SetLanguage("clerk", "zh-Hans-CN");
        Assert.Equal("zh-CN", chinese.Language);
        Assert.Equal(promoted.SecurityStamp, chinese.SecurityStamp);
        Assert.Null(_service.SetLanguage("clerk", "").Language);
        Assert.Equal(AccountProblem.InvalidLanguage, Refusal(() => _service.SetLanguage("clerk", "fr")));

        Assert.False(_service.IsCurrent("ghost", promoted.SecurityStamp));
        Assert.False(_service.IsCurrent("clerk", ""));

        var trail = _store.AuditTrail(target: "clerk");
        var password = Assert.Single(trail, a => a.Action == "account.password");
        Assert.Equal(("admin", "10.0.0.2"), (password.User, password.Address));
        Assert.Equal("clerk → reviewer", Assert.Single(trail, a => a.Action == "account.role").Details);
        Assert.Equal("clerk", Assert.Single(trail, a => a.Action == "account.create").Details);
    }

    [Fact]
    public void Changes_to_a_missing_account_are_refused_as_not_found()
    {
        SetUpAdmin();
        foreach (var change in new Action[]
        {
            () => _service.SetDisabled("admin", "ghost", disabled: true),
            () => _service.ResetPassword("admin", "ghost", "Some-Password-1"),
            () => _service.ChangeRole("admin", "ghost", Role.Reviewer),
            () => _service.SetLanguage("ghost", "en"),
        })
        {
            Assert.Equal(ArchiveProblem.AccountNotFound, Assert.Throws<ArchiveException>(change).Problem);
        }
    }

    [Fact]
    public void Own_password_change_needs_the_current_password()
    {
        SetUpAdmin();
        _service.Create("admin", "clerk", Role.Clerk, ClerkPassword);
        Assert.Equal(AccountProblem.WrongPassword, Refusal(() => _service.ChangePassword("clerk", "wrong-password", "Another-Pass-1")));
        Assert.True(_service.SignIn("clerk", ClerkPassword, null).Succeeded);

        _service.ChangePassword("clerk", ClerkPassword, "Another-Pass-1");
        Assert.True(_service.SignIn("clerk", "Another-Pass-1", null).Succeeded);
    }

    [Fact]
    public void Refusals_are_worded_in_the_user_interface_language()
    {
        SetUpAdmin();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            var chinese = Assert.Throws<AccountException>(() => _service.ChangeRole("admin", "admin", Role.Clerk));
            Assert.Contains("最后一个启用的管理员", chinese.Message, StringComparison.Ordinal);

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            var english = Assert.Throws<AccountException>(() => _service.Create("admin", "clerk", Role.Clerk, "short"));
            Assert.Contains("at least 8 characters", english.Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private void SetUpAdmin() => _service.CompleteSetup(_service.SetupCode, "admin", AdminPassword, null, null);

    private void Reopen()
    {
        _store = new LiteDbArchiveStore(new ArchiveStoreOptions(_data.Path));
        _service = new AccountService(new LiteDbAccountStore(_store), _clock);
    }

    private static AccountProblem Refusal(Action action) => Assert.Throws<AccountException>(action).Problem;

    private static string OtherCode(string code) =>
        string.Concat(code.Select(c => c == '-' ? c : SetupCode.Alphabet[(SetupCode.Alphabet.IndexOf(c, StringComparison.Ordinal) + 1) % SetupCode.Alphabet.Length]));

    private static TimeSpan Median(Action action)
    {
        action(); // warm
        var times = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed);
        }

        return times.Order().ElementAt(times.Count / 2);
    }
}
