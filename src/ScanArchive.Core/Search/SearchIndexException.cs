using System.Globalization;
using ScanArchive.Core.Text;

namespace ScanArchive.Core.Search;

/// <summary>Why the search index cannot be used.</summary>
public enum SearchIndexProblem
{
    /// <summary>Another process (or another index object in this one) has the index open for writing.</summary>
    Locked,

    /// <summary>The index files are damaged, incomplete or from an incompatible version.</summary>
    Corrupt,

    /// <summary>The index folder cannot be read or written (permissions, disk full, missing drive).</summary>
    Unavailable,
}

/// <summary>
/// The search index cannot be opened or used. <see cref="Exception.Message"/> is written for the user, in the current UI
/// language, and says what to do (for a damaged index: rebuild it with <c>scanarchive reindex</c>).
/// </summary>
public sealed class SearchIndexException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="folder">The index folder.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="innerException">Lucene's or the file system's own error.</param>
    public SearchIndexException(string folder, SearchIndexProblem problem, Exception? innerException = null)
        : base(MessageFor(problem, folder, null), innerException)
    {
        Folder = folder;
        Problem = problem;
    }

    /// <summary>The index folder.</summary>
    public string Folder { get; }

    /// <summary>What is wrong.</summary>
    public SearchIndexProblem Problem { get; }

    /// <summary>The message in a given UI culture.</summary>
    public string MessageIn(CultureInfo culture) => MessageFor(Problem, Folder, culture);

    private static string MessageFor(SearchIndexProblem problem, string folder, CultureInfo? culture) => problem switch
    {
        SearchIndexProblem.Locked => UserMessages.Pick(
            $"搜索索引正被另一个程序使用：{folder}。请关闭其他 ScanArchive 窗口或命令后重试。",
            $"The search index is in use by another program: {folder}. Close the other ScanArchive window or command and try again.",
            culture),
        SearchIndexProblem.Corrupt => UserMessages.Pick(
            $"搜索索引已损坏或不完整：{folder}。档案本身不受影响；请运行 scanarchive reindex 重建索引。",
            $"The search index is damaged or incomplete: {folder}. The archive itself is not affected; run 'scanarchive reindex' to rebuild the index.",
            culture),
        _ => UserMessages.Pick(
            $"无法读写搜索索引文件夹：{folder}。请检查磁盘空间和文件夹权限。",
            $"The search index folder cannot be read or written: {folder}. Check free disk space and the folder's permissions.",
            culture),
    };
}
