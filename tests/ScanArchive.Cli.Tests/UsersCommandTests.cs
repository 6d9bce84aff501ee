using System.Text.Json;
using ScanArchive.Application.Accounts;
using ScanArchive.Archive.Storage;
using ScanArchive.TestSupport;

namespace ScanArchive.Cli.Tests;

/// <summary><c>users</c> run as a separate process on a real data folder, passwords piped in as a script would.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly TempDirectory _data = new();

    private static string LocalActor => "local:" + Environment.UserName;

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Accounts_are_added_listed_and_changed_and_every_change_is_audited()
    {
        var empty = await Run("users", "list");
        Assert.Equal(0, empty.ExitCode);
        Assert.Contains("No users yet", empty.StdOut, StringComparison.Ordinal);

        Assert.Equal(0, (await RunWithInput("Admin-Pass-123\n", "users", "add", "root.admin", "--role", "admin")).ExitCode);
        var added = await RunWithInput("Clerk-Pass-1\n", "users", "add", "Li.Wei", "--role", "clerk", "--display-name", "李伟");
        Assert.Equal(0, added.ExitCode);
        Assert.Contains("Li.Wei", added.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Clerk-Pass-1", added.StdOut + added.StdErr, StringComparison.Ordinal);

        var listed = await Run("users", "list", "--json");
        Assert.Equal(0, listed.ExitCode);
        Assert.DoesNotContain("Clerk-Pass-1", listed.StdOut, StringComparison.Ordinal);
        var accounts = JsonDocument.Parse(listed.StdOut).RootElement.EnumerateArray().ToList();
        Assert.Equal(["Li.Wei", "root.admin"], accounts.Select(a => a.GetProperty("userName").GetString()));
        var clerk = accounts[0];
        Assert.Equal("clerk", clerk.GetProperty("role").GetString());
        Assert.Equal("李伟", clerk.GetProperty("displayName").GetString());
        Assert.False(clerk.GetProperty("disabled").GetBoolean());
        Assert.Equal(LocalActor, clerk.GetProperty("createdBy").GetString());
        Assert.False(clerk.TryGetProperty("passwordHash", out _));
        Assert.False(clerk.TryGetProperty("securityStamp", out _));

        var role = await Run("users", "role", "li.wei", "reviewer");
        Assert.Equal(0, role.ExitCode);
        Assert.Contains("clerk → reviewer", role.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, (await Run("users", "disable", "LI.WEI")).ExitCode);
        var disabled = JsonDocument.Parse((await Run("users", "list", "--json")).StdOut).RootElement[0];
        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        Assert.Equal("reviewer", disabled.GetProperty("role").GetString());
        Assert.Equal(0, (await Run("users", "enable", "li.wei")).ExitCode);
        Assert.Equal(0, (await RunWithInput("Brand-New-Pass-2\n", "users", "reset-password", "li.wei")).ExitCode);

        var text = await Run("users", "list");
        Assert.Matches(@"Li\.Wei\s+reviewer\s+active", text.StdOut);

        // The passwords that went through standard input are the ones that work, and each change names the local user.
        // (The program created the folder encrypted, its key in the tests' key folder.)
        using var store = new LiteDbArchiveStore(new ArchiveStoreOptions(_data.Path, Key: Application.Keys.KeyRing.Open(_data.Path, Application.Keys.KeyOptions.FromEnvironment())));
        var service = new AccountService(new LiteDbAccountStore(store));
        Assert.True(service.SignIn("root.admin", "Admin-Pass-123", null).Succeeded);
        Assert.Equal(SignInOutcome.Failed, service.SignIn("li.wei", "Clerk-Pass-1", null).Outcome);
        Assert.True(service.SignIn("li.wei", "Brand-New-Pass-2", null).Succeeded);
        var changes = store.AuditTrail(target: "Li.Wei").Where(a => a.User == LocalActor).Select(a => a.Action).Order(StringComparer.Ordinal);
        Assert.Equal(["account.create", "account.disable", "account.enable", "account.password", "account.role"], changes);
    }

    [Fact]
    public async Task Bad_input_missing_users_and_refused_changes_have_their_exit_codes()
    {
        Assert.Equal(0, (await RunWithInput("Admin-Pass-123\n", "users", "add", "admin", "--role", "admin")).ExitCode);

        // 2: usage or a password/name that breaks the rules; nothing is created.
        var badRole = await RunWithInput("Some-Pass-123\n", "users", "add", "x1", "--role", "boss");
        Assert.Equal(2, badRole.ExitCode);
        Assert.Contains("clerk, reviewer, admin, auditor", badRole.StdErr, StringComparison.Ordinal);
        var shortPassword = await RunWithInput("short\n", "users", "add", "x2", "--role", "clerk");
        Assert.Equal(2, shortPassword.ExitCode);
        Assert.Contains("at least 8 characters", shortPassword.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, (await RunWithInput("", "users", "add", "x3", "--role", "clerk")).ExitCode);
        Assert.Equal(2, (await RunWithInput("Some-Pass-123\n", "users", "add", "two words", "--role", "clerk")).ExitCode);

        // 3: no such user.
        Assert.Equal(3, (await Run("users", "disable", "ghost")).ExitCode);
        Assert.Equal(3, (await RunWithInput("Some-Pass-123\n", "users", "reset-password", "ghost")).ExitCode);
        Assert.Equal(3, (await Run("users", "role", "ghost", "clerk")).ExitCode);

        // 4: refused by the state of the accounts.
        Assert.Equal(4, (await RunWithInput("Some-Pass-123\n", "users", "add", "ADMIN", "--role", "clerk")).ExitCode);
        var lastAdmin = await Run("users", "disable", "admin");
        Assert.Equal(4, lastAdmin.ExitCode);
        Assert.Contains("last enabled administrator", lastAdmin.StdErr, StringComparison.Ordinal);
        var chinese = await Run("users", "role", "admin", "clerk", "--ui-lang", "zh-CN");
        Assert.Equal(4, chinese.ExitCode);
        Assert.Contains("最后一个启用的管理员", chinese.StdErr, StringComparison.Ordinal);

        var accounts = JsonDocument.Parse((await Run("users", "list", "--json")).StdOut).RootElement;
        var only = Assert.Single(accounts.EnumerateArray());
        Assert.Equal("admin", only.GetProperty("role").GetString());
        Assert.False(only.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task A_data_folder_held_by_another_program_gives_exit_code_5()
    {
        using var holder = new LiteDbArchiveStore(new ArchiveStoreOptions(_data.Path));
        var result = await RunWithInput("Admin-Pass-123\n", "users", "add", "admin", "--role", "admin");
        Assert.Equal(5, result.ExitCode);
        Assert.Equal(0, new LiteDbAccountStore(holder).Count);
    }

    private Task<CliRunner.Result> Run(params string[] args) => CliRunner.RunAsync([.. args, "--data", _data.Path]);

    private Task<CliRunner.Result> RunWithInput(string stdin, params string[] args) => CliRunner.RunWithInputAsync(stdin, [.. args, "--data", _data.Path]);
}
