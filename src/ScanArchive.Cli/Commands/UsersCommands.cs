using System.CommandLine;
using System.Globalization;
using System.Text;
using ScanArchive.Application.Accounts;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Text;

namespace ScanArchive.Cli.Commands;

/// <summary>
/// <c>users add|list|disable|enable|reset-password|role</c>: accounts managed at the workstation's own terminal
/// (whoever can run it can read the data folder anyway, so it acts as an administrator; the audit names the
/// operating-system user as <c>local:NAME</c>). Also how to create the first administrator without the web setup.
/// </summary>
internal static class UsersCommands
{
    public static Command Create()
    {
        var command = new Command("users", "Manage user accounts and roles. / 管理用户账户和角色。");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(SetDisabled("disable", disabled: true, "Disable an account (it can no longer sign in). / 停用账户。"));
        command.Subcommands.Add(SetDisabled("enable", disabled: false, "Enable a disabled account again. / 重新启用账户。"));
        command.Subcommands.Add(ResetPassword());
        command.Subcommands.Add(ChangeRole());
        return command;
    }

    private static Argument<string> NameArgument() => new("name") { Description = "User name. / 用户名。" };

    private static string RoleList => string.Join(", ", Enum.GetValues<Role>().Select(AccountService.RoleName));

    private static Command Add()
    {
        var name = NameArgument();
        var role = new Option<string>("--role") { Description = $"Role: {RoleList}. / 角色。", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "Name shown on screens. / 显示名称。" };
        var command = new Command("add", "Create an account; asks for the password (or reads one line from standard input). / 新建账户，输入密码（或从标准输入读取一行）。");
        command.Arguments.Add(name);
        command.Options.Add(role);
        command.Options.Add(displayName);
        command.SetAction(result => RunAccounts(result, (service, context) =>
        {
            if (!TryRole(result.GetValue(role), context.Culture, out var parsed))
            {
                return ExitCodes.UsageOrSetup;
            }

            // Refuse a taken name (or a locked data folder) before the person types a password twice.
            var userName = UserNames.Normalize(result.GetValue(name));
            if (service.Find(userName) is { } existing)
            {
                throw new Core.Archive.ArchiveException(Core.Archive.ArchiveProblem.AccountExists, existing.UserName);
            }

            if (ReadNewPassword(userName, context.Culture) is not { } password)
            {
                return ExitCodes.UsageOrSetup;
            }

            var account = service.Create(context.Actor.UserName, userName, parsed, password, result.GetValue(displayName));
            Console.WriteLine(UserMessages.Pick(
                $"已创建用户“{account.UserName}”（{RoleTitle(account.Role, context.Culture)}）。",
                $"Created user \"{account.UserName}\" ({RoleTitle(account.Role, context.Culture)}).",
                context.Culture));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON. / 以 JSON 输出。" };
        var command = new Command("list", "List accounts with their roles and states. / 列出账户。");
        command.Options.Add(json);
        command.SetAction(result => RunAccounts(result, (service, context) =>
        {
            var culture = context.Culture;

            // Hashes and security stamps stay inside: nothing a script needs, and nothing to leak into a log.
            var accounts = service.List().Select(a => new
            {
                a.UserName,
                a.DisplayName,
                a.Role,
                a.Disabled,
                a.FailedSignIns,
                a.LockedUntil,
                a.Language,
                a.CreatedAt,
                a.CreatedBy,
                a.LastSignInAt,
            }).ToList();
            if (result.GetValue(json))
            {
                ArchiveSession.WriteJson(accounts);
                return ExitCodes.Success;
            }

            if (accounts.Count == 0)
            {
                Console.WriteLine(UserMessages.Pick(
                    "还没有用户。用 users add 名称 --role admin 创建管理员，或打开网页用设置码完成初始设置。",
                    "No users yet. Create an administrator with 'users add NAME --role admin', or open the web page and use the setup code.",
                    culture));
            }

            var now = DateTimeOffset.UtcNow;
            foreach (var a in accounts)
            {
                var state = a.Disabled ? UserMessages.Pick("已停用", "disabled", culture)
                    : a.LockedUntil > now ? UserMessages.Pick($"锁定至 {a.LockedUntil.Value.ToLocalTime():HH:mm}", $"locked until {a.LockedUntil.Value.ToLocalTime():HH:mm}", culture)
                    : UserMessages.Pick("正常", "active", culture);
                var last = a.LastSignInAt is { } at ? at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : UserMessages.Pick("从未登录", "never signed in", culture);
                Console.WriteLine($"{a.UserName,-20} {RoleTitle(a.Role, culture),-10} {state,-18} {a.DisplayName,-16} {last}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command SetDisabled(string verb, bool disabled, string description)
    {
        var name = NameArgument();
        var command = new Command(verb, description);
        command.Arguments.Add(name);
        command.SetAction(result => RunAccounts(result, (service, context) =>
        {
            var account = service.SetDisabled(context.Actor.UserName, result.GetValue(name)!, disabled);
            Console.WriteLine(disabled
                ? UserMessages.Pick($"用户“{account.UserName}”已停用。", $"User \"{account.UserName}\" is disabled.", context.Culture)
                : UserMessages.Pick($"用户“{account.UserName}”已启用。", $"User \"{account.UserName}\" is enabled.", context.Culture));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command ResetPassword()
    {
        var name = NameArgument();
        var command = new Command("reset-password", "Set a new password (ends the user's sessions, lifts a lockout). / 重置密码。");
        command.Arguments.Add(name);
        command.SetAction(result => RunAccounts(result, (service, context) =>
        {
            var typed = result.GetValue(name)!;
            var account = service.Find(typed) ?? throw new Core.Archive.ArchiveException(Core.Archive.ArchiveProblem.AccountNotFound, UserNames.ForDisplay(typed));
            if (ReadNewPassword(account.UserName, context.Culture) is not { } password)
            {
                return ExitCodes.UsageOrSetup;
            }

            service.ResetPassword(context.Actor.UserName, account.UserName, password);
            Console.WriteLine(UserMessages.Pick($"已重置用户“{account.UserName}”的密码。", $"The password of \"{account.UserName}\" is reset.", context.Culture));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command ChangeRole()
    {
        var name = NameArgument();
        var role = new Argument<string>("role") { Description = $"New role: {RoleList}. / 新角色。" };
        var command = new Command("role", "Give a user another role (ends their sessions). / 更改用户角色。");
        command.Arguments.Add(name);
        command.Arguments.Add(role);
        command.SetAction(result => RunAccounts(result, (service, context) =>
        {
            if (!TryRole(result.GetValue(role), context.Culture, out var parsed))
            {
                return ExitCodes.UsageOrSetup;
            }

            var before = service.Find(result.GetValue(name)!)?.Role;
            var account = service.ChangeRole(context.Actor.UserName, result.GetValue(name)!, parsed);
            Console.WriteLine(UserMessages.Pick(
                $"用户“{account.UserName}”：{RoleTitle(before ?? account.Role, context.Culture)} → {RoleTitle(account.Role, context.Culture)}。",
                $"User \"{account.UserName}\": {RoleTitle(before ?? account.Role, context.Culture)} → {RoleTitle(account.Role, context.Culture)}.",
                context.Culture));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Runs an account command; a refused name or password is a usage error (2), a refused change (last administrator) is 4.</summary>
    private static int RunAccounts(ParseResult result, Func<AccountService, CliContext, int> action) =>
        ArchiveSession.Run(result, context =>
        {
            try
            {
                return action(context.Get<AccountService>(), context);
            }
            catch (AccountException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return ex.IsInputProblem ? ExitCodes.UsageOrSetup : ExitCodes.Refused;
            }
        });

    private static bool TryRole(string? text, CultureInfo culture, out Role role)
    {
        if (Permissions.TryParseRole(text, out role))
        {
            return true;
        }

        Console.Error.WriteLine(UserMessages.Pick($"未知角色“{text}”。可用角色：{RoleList}。", $"Unknown role \"{text}\". Roles: {RoleList}.", culture));
        return false;
    }

    private static string RoleTitle(Role role, CultureInfo culture) => role switch
    {
        Role.Clerk => UserMessages.Pick("录入员", "clerk", culture),
        Role.Reviewer => UserMessages.Pick("审核员", "reviewer", culture),
        Role.Admin => UserMessages.Pick("管理员", "admin", culture),
        Role.Auditor => UserMessages.Pick("审计员", "auditor", culture),
        _ => AccountService.RoleName(role),
    };

    /// <summary>
    /// The new password: typed twice without echo at a terminal; from a script, exactly one line of standard input
    /// (no confirmation: the script wrote it). Null, with the reason on stderr, when there is none or they differ.
    /// The policy is checked here too, so that a weak password is refused before the account is touched.
    /// </summary>
    private static string? ReadNewPassword(string userName, CultureInfo culture)
    {
        string? password;
        if (Console.IsInputRedirected)
        {
            using var reader = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
            password = reader.ReadLine();
            if (password is null)
            {
                Console.Error.WriteLine(UserMessages.Pick("标准输入中没有密码（需要一行）。", "No password on standard input (one line expected).", culture));
                return null;
            }
        }
        else
        {
            password = ReadHidden(UserMessages.Pick($"“{userName}”的新密码：", $"New password for \"{userName}\": ", culture));
            var again = ReadHidden(UserMessages.Pick("再次输入新密码：", "Repeat the new password: ", culture));
            if (!string.Equals(password, again, StringComparison.Ordinal))
            {
                Console.Error.WriteLine(UserMessages.Pick("两次输入的密码不一致，未做任何更改。", "The two passwords differ; nothing was changed.", culture));
                return null;
            }
        }

        PasswordPolicy.Check(userName, password);
        return password;
    }

    // Key by key with intercept, so that the password never appears on the screen (prompts go to stderr, keeping stdout for results).
    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter || key.KeyChar is '\r' or '\n')
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                // A character outside the BMP (an emoji) is two UTF-16 units: remove both.
                var remove = typed.Length > 1 && char.IsLowSurrogate(typed[^1]) ? 2 : Math.Min(1, typed.Length);
                typed.Length -= remove;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }
}
