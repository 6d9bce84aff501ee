using System.Globalization;
using ScanArchive.Archive.Security;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Text;

namespace ScanArchive.Application.Auditing;

/// <summary>
/// The audit chain's anchor file: one line per check, <c>time seq hash</c>, kept outside the data folder (another
/// disk, a printout, a mail). Someone who can rewrite the database can recompute a whole chain; they cannot reach
/// back into the anchor, so the last anchored record must still be there with the same hash.
/// </summary>
internal static class AuditAnchor
{
    public sealed record Head(long Seq, string Hash);

    /// <summary>The last head written to the file; null when the file does not exist yet.</summary>
    /// <exception cref="ArchiveException">The file is inside the data folder or not an anchor file.</exception>
    public static Head? Read(string dataFolder, string anchorFile)
    {
        var full = Path.GetFullPath(anchorFile);
        if (full.StartsWith(Path.GetFullPath(dataFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArchiveException(ArchiveProblem.ItemNotFound, full, UserMessages.Pick("锚点文件必须位于数据目录之外", "the anchor file must be outside the data folder", CultureInfo.CurrentUICulture));
        }

        if (!File.Exists(full))
        {
            return null;
        }

        var last = File.ReadLines(full).LastOrDefault(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'));
        var parts = last?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not { Length: 3 } || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return last is null ? null : throw new ArchiveException(ArchiveProblem.ItemNotFound, full, UserMessages.Pick("不是审计锚点文件", "not an audit anchor file", CultureInfo.CurrentUICulture));
        }

        return new Head(seq, parts[2]);
    }

    public static void Append(string anchorFile, AuditChainReport report)
    {
        var full = Path.GetFullPath(anchorFile);
        var line = $"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {report.HeadSeq.ToString(CultureInfo.InvariantCulture)} {report.HeadHash}{Environment.NewLine}";
        var created = !File.Exists(full);
        File.AppendAllText(full, (created ? "# ScanArchive audit chain anchors: time, record number, record hash" + Environment.NewLine : "") + line);
        if (created)
        {
            PrivateFiles.MakeFilePrivate(full);
        }
    }
}
