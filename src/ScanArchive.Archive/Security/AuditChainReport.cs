namespace ScanArchive.Archive.Security;

/// <summary>The outcome of checking the audit chain.</summary>
/// <param name="Records">Records checked.</param>
/// <param name="HeadSeq">The newest record's sequence number (0 when there is none).</param>
/// <param name="HeadHash">The newest record's hash: write it somewhere outside the data folder (an anchor) to catch a later rewrite.</param>
/// <param name="FirstBreak">The first broken record, or null when the chain is intact.</param>
public sealed record AuditChainReport(long Records, long HeadSeq, string HeadHash, AuditChainBreak? FirstBreak)
{
    /// <summary>True when every record is in place and unchanged.</summary>
    public bool Intact => FirstBreak is null;
}
