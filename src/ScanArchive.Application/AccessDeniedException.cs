using System.Globalization;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Text;

namespace ScanArchive.Application;

/// <summary>The actor's role does not allow the operation (hosts answer 403 or exit with "refused").</summary>
public sealed class AccessDeniedException : Exception
{
    public AccessDeniedException(Actor actor, Permission permission)
        : base(Describe(permission, CultureInfo.CurrentUICulture))
    {
        ArgumentNullException.ThrowIfNull(actor);
        UserName = actor.UserName;
        Permission = permission;
    }

    public string UserName { get; }

    public Permission Permission { get; }

    public static string Describe(Permission permission, CultureInfo? culture) => permission switch
    {
        Permission.Capture => UserMessages.Pick("您的角色不能扫描或导入。", "Your role cannot scan or import.", culture),
        Permission.ViewAllBatches => UserMessages.Pick("您只能查看自己创建的批次。", "You can only see batches you created.", culture),
        Permission.Review => UserMessages.Pick("只有审核员可以审核、修改或退回。", "Only reviewers can review, correct or reject.", culture),
        Permission.Commit => UserMessages.Pick("只有审核员可以归档批次。", "Only reviewers can commit batches to the archive.", culture),
        Permission.ReadArchive => UserMessages.Pick("您的角色不能查阅档案。", "Your role cannot read the archive.", culture),
        Permission.ReadAudit => UserMessages.Pick("只有审计员和管理员可以查看审计日志。", "Only auditors and administrators can read the audit log.", culture),
        Permission.ManageAccounts => UserMessages.Pick("只有管理员可以管理用户和设置。", "Only administrators can manage accounts and settings.", culture),
        _ => UserMessages.Pick("您无权执行此操作。", "You are not allowed to do this.", culture),
    };
}
