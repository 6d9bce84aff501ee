using System.Globalization;
using ScanArchive.Core.Text;

namespace ScanArchive.Application.Accounts;

/// <summary>An account operation refused; the message is written for the user, in their language.</summary>
public sealed class AccountException : Exception
{
    /// <summary>Creates the exception with a message in the current UI language.</summary>
    public AccountException(AccountProblem problem, string subject)
        : base(Describe(problem, subject, CultureInfo.CurrentUICulture))
    {
        Problem = problem;
        Subject = subject;
    }

    /// <summary>What was wrong.</summary>
    public AccountProblem Problem { get; }

    /// <summary>The user name concerned (never a password).</summary>
    public string Subject { get; }

    /// <summary>True when the request itself was malformed (bad name, weak password), as opposed to refused by the state of the accounts.</summary>
    public bool IsInputProblem => Problem is AccountProblem.InvalidUserName or AccountProblem.PasswordTooShort or AccountProblem.PasswordTooLong
        or AccountProblem.PasswordIsUserName or AccountProblem.InvalidLanguage;

    /// <summary>The user-facing sentence.</summary>
    public static string Describe(AccountProblem problem, string subject, CultureInfo? culture) => problem switch
    {
        AccountProblem.InvalidUserName => UserMessages.Pick(
            $"用户名“{subject}”无效：须为 1–{UserNames.MaxLength} 个字符，只能包含字母、数字和 . _ - @。",
            $"The user name \"{subject}\" is not valid: use 1–{UserNames.MaxLength} letters, digits and . _ - @ only.", culture),
        AccountProblem.PasswordTooShort => UserMessages.Pick(
            $"密码太短：至少需要 {PasswordPolicy.MinLength} 个字符。",
            $"The password is too short: it needs at least {PasswordPolicy.MinLength} characters.", culture),
        AccountProblem.PasswordTooLong => UserMessages.Pick(
            $"密码太长：最多 {PasswordPolicy.MaxLength} 个字符。",
            $"The password is too long: at most {PasswordPolicy.MaxLength} characters.", culture),
        AccountProblem.PasswordIsUserName => UserMessages.Pick("密码不能与用户名相同。", "The password must not be the user name.", culture),
        AccountProblem.WrongPassword => UserMessages.Pick("当前密码不正确。", "The current password is wrong.", culture),
        AccountProblem.WrongSetupCode => UserMessages.Pick(
            "设置码不正确。请输入服务器控制台上显示的设置码。",
            "The setup code is wrong. Enter the code shown on the server's console.", culture),
        AccountProblem.AlreadySetUp => UserMessages.Pick("系统已完成初始设置，请直接登录。", "The workstation is already set up; sign in instead.", culture),
        AccountProblem.LastAdmin => UserMessages.Pick(
            $"“{subject}”是最后一个启用的管理员，不能停用或改为其他角色。请先让另一位用户成为管理员。",
            $"\"{subject}\" is the last enabled administrator and cannot be disabled or given another role. Make someone else an administrator first.", culture),
        AccountProblem.InvalidLanguage => UserMessages.Pick(
            $"不支持的界面语言“{subject}”，请使用 zh-CN 或 en。",
            $"\"{subject}\" is not a supported language; use zh-CN or en.", culture),
        _ => subject,
    };
}
