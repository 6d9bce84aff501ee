using System.Globalization;
using ScanArchive.Core.Text;

namespace ScanArchive.Core.Archive;

/// <summary>Why an archive operation was refused.</summary>
public enum ArchiveProblem
{
    /// <summary>Another program holds the data folder.</summary>
    Locked,

    /// <summary>No batch by that name.</summary>
    BatchNotFound,

    /// <summary>A batch by that name exists.</summary>
    BatchExists,

    /// <summary>The batch is not in a state that allows the operation.</summary>
    InvalidState,

    /// <summary>Nothing in the batch can become an entry.</summary>
    NothingToCommit,

    /// <summary>No entry with that number.</summary>
    EntryNotFound,

    /// <summary>A stored file is missing.</summary>
    FileMissing,

    /// <summary>The database cannot be opened.</summary>
    Unreadable,

    /// <summary>An account with that user name exists.</summary>
    AccountExists,

    /// <summary>No account with that user name.</summary>
    AccountNotFound,

    /// <summary>Someone else changed the record since the caller read it (stale version).</summary>
    Conflict,

    /// <summary>The batch still has pages or fields nobody has decided on.</summary>
    ReviewOpen,

    /// <summary>No page or document with that id in the batch.</summary>
    ItemNotFound,
}

/// <summary>An archive operation refused; the message is written for the user, in their language.</summary>
public sealed class ArchiveException : Exception
{
    /// <summary>Creates the exception with a message in the current UI language.</summary>
    public ArchiveException(ArchiveProblem problem, string subject, string? detail = null, Exception? inner = null)
        : base(Describe(problem, subject, detail, CultureInfo.CurrentUICulture), inner)
    {
        Problem = problem;
        Subject = subject;
    }

    /// <summary>What went wrong.</summary>
    public ArchiveProblem Problem { get; }

    /// <summary>The batch, entry, file or folder concerned.</summary>
    public string Subject { get; }

    /// <summary>The user-facing sentence.</summary>
    public static string Describe(ArchiveProblem problem, string subject, string? detail, CultureInfo? culture)
    {
        var text = problem switch
        {
            ArchiveProblem.Locked => UserMessages.Pick(
                $"数据目录 {subject} 正被另一个 ScanArchive 程序使用，请先关闭它再试。",
                $"The data folder {subject} is in use by another ScanArchive program; close it and try again.", culture),
            ArchiveProblem.BatchNotFound => UserMessages.Pick($"找不到批次“{subject}”。", $"There is no batch named \"{subject}\".", culture),
            ArchiveProblem.BatchExists => UserMessages.Pick($"批次“{subject}”已存在，请换一个名称。", $"A batch named \"{subject}\" already exists; choose another name.", culture),
            ArchiveProblem.InvalidState => UserMessages.Pick($"批次“{subject}”当前状态不允许此操作。", $"Batch \"{subject}\" is not in a state that allows this.", culture),
            ArchiveProblem.NothingToCommit => UserMessages.Pick($"批次“{subject}”没有可归档的页面。", $"Batch \"{subject}\" has no pages that can be archived.", culture),
            ArchiveProblem.EntryNotFound => UserMessages.Pick($"找不到档案号 {subject}。", $"There is no archive entry {subject}.", culture),
            ArchiveProblem.FileMissing => UserMessages.Pick($"存档文件缺失：{subject}。请运行 verify 检查。", $"A stored file is missing: {subject}. Run verify to check the archive.", culture),
            ArchiveProblem.Unreadable => UserMessages.Pick($"无法打开档案数据库 {subject}。", $"The archive database {subject} cannot be opened.", culture),
            ArchiveProblem.AccountExists => UserMessages.Pick($"用户名“{subject}”已被使用。", $"The user name \"{subject}\" is already taken.", culture),
            ArchiveProblem.AccountNotFound => UserMessages.Pick($"找不到用户“{subject}”。", $"There is no user \"{subject}\".", culture),
            ArchiveProblem.Conflict => UserMessages.Pick($"“{subject}”已被他人修改，请查看最新内容后再改。", $"Someone else changed \"{subject}\" in the meantime; look at the current value and try again.", culture),
            ArchiveProblem.ReviewOpen => UserMessages.Pick($"批次“{subject}”还有未审核的内容。", $"Batch \"{subject}\" still has items nobody has reviewed.", culture),
            ArchiveProblem.ItemNotFound => UserMessages.Pick($"找不到“{subject}”。", $"\"{subject}\" was not found.", culture),
            _ => subject,
        };
        return detail is null ? text : $"{text} ({detail})";
    }
}
