using System.Globalization;
using ScanArchive.Archive.Security;
using ScanArchive.Core.Text;

namespace ScanArchive.Cli.Commands;

/// <summary>The audit chain's verdict in words, for <c>verify</c>.</summary>
internal static class AuditChainText
{
    public static string Describe(AuditChainReport chain, CultureInfo culture)
    {
        if (chain.FirstBreak is not { } b)
        {
            return UserMessages.Pick(
                $"审计链完好：{chain.Records} 条记录，链头 #{chain.HeadSeq} {chain.HeadHash}",
                $"Audit chain intact: {chain.Records} record(s), head #{chain.HeadSeq} {chain.HeadHash}",
                culture);
        }

        var record = b.Action is null ? "" : $" ({b.At:yyyy-MM-dd HH:mm:ss} {b.User} {b.Action} {b.Target})";
        return b.Problem switch
        {
            AuditChainProblem.Altered => UserMessages.Pick($"审计链断裂：第 {b.Seq} 条记录已被改动{record}", $"AUDIT CHAIN BROKEN: record #{b.Seq} was altered{record}", culture),
            AuditChainProblem.Missing => UserMessages.Pick($"审计链断裂：第 {b.Seq} 条记录之前有记录被删除（应为 {b.Expected}）{record}", $"AUDIT CHAIN BROKEN: records before #{b.Seq} were deleted (expected {b.Expected}){record}", culture),
            AuditChainProblem.Inserted => UserMessages.Pick($"审计链断裂：第 {b.Seq} 条记录是插入的{record}", $"AUDIT CHAIN BROKEN: record #{b.Seq} was inserted{record}", culture),
            AuditChainProblem.Unchained => UserMessages.Pick($"审计链断裂：有一条记录不在链中（直接写入数据库）{record}", $"AUDIT CHAIN BROKEN: a record outside the chain (written to the database directly){record}", culture),
            _ => UserMessages.Pick($"审计链与锚点不符：锚定的第 {b.Seq} 条记录已不存在或已改变（历史被改写或截断）", $"AUDIT CHAIN DOES NOT MATCH THE ANCHOR: anchored record #{b.Seq} is gone or changed (history rewritten or cut off)", culture),
        } + UserMessages.Pick($"。链头 #{chain.HeadSeq} {chain.HeadHash}", $". Head #{chain.HeadSeq} {chain.HeadHash}", culture);
    }
}
