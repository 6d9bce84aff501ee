using ScanArchive.Archive.Security;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;

namespace ScanArchive.Application.Auditing;

/// <summary>The audit log, for auditors and administrators.</summary>
public sealed class AuditService(ArchiveHost host)
{
    /// <summary>Records matching the filter, newest first.</summary>
    public IReadOnlyList<AuditRecord> Query(Actor actor, AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ReadAudit);
        return host.Store.AuditTrail(query);
    }

    /// <summary>Re-hashes every stored file; the check is audited with its outcome.</summary>
    public VerifyReport Verify(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ReadAudit);
        var report = host.Store.Verify(null, cancellationToken);
        host.Store.Audit(new AuditEvent(actor.UserName, "archive.verify", host.Layout.Root, report.Intact ? "intact" : $"{report.Missing.Count} missing, {report.Altered.Count} altered", actor.Address));
        return report;
    }

    /// <summary>
    /// Checks the audit trail's hash chain and names the first broken record. With <paramref name="anchorFile"/> (a file
    /// outside the data folder), the head recorded there last time must still be in the chain, unchanged, and the new
    /// head is appended to it. The check is audited after it ran (so it never reports its own record).
    /// </summary>
    public AuditChainReport VerifyChain(Actor actor, string? anchorFile = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ReadAudit);
        var anchor = anchorFile is null ? null : AuditAnchor.Read(host.Layout.Root, anchorFile);
        var report = host.LiteDb.VerifyAuditChain(anchor?.Seq, anchor?.Hash);
        if (anchorFile is not null && report.Intact)
        {
            AuditAnchor.Append(anchorFile, report);
        }

        host.Store.Audit(new AuditEvent(actor.UserName, "audit.verify", host.Layout.Root,
            report.Intact ? $"intact, {report.Records} records, head {report.HeadSeq} {report.HeadHash}" : $"broken at record {report.FirstBreak!.Seq}: {report.FirstBreak.Problem}", actor.Address));
        return report;
    }

    /// <summary>Records one event (sign-out, a page image viewed) that changes nothing else.</summary>
    public void Record(Actor actor, string action, string target, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        host.Store.Audit(new AuditEvent(actor.UserName, action, target, details, actor.Address));
    }
}
