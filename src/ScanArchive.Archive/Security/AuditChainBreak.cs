namespace ScanArchive.Archive.Security;

/// <summary>How the audit chain was found broken.</summary>
public enum AuditChainProblem
{
    /// <summary>The record's content no longer matches its hash (edited).</summary>
    Altered,

    /// <summary>Records before this one are missing (deleted): its sequence number or link skips.</summary>
    Missing,

    /// <summary>The record does not belong where it stands: it repeats a sequence number or links to another record (inserted).</summary>
    Inserted,

    /// <summary>The record carries no chain fields at all (written to the database directly).</summary>
    Unchained,

    /// <summary>The record named in the anchor is gone or has another hash now (history rewritten or cut off).</summary>
    AnchorMismatch,
}

/// <summary>The first place where the audit chain is broken.</summary>
/// <param name="Seq">The record's sequence number (for <see cref="AuditChainProblem.Missing"/>, the record after the gap; for an anchor mismatch, the anchored number).</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="At">When the record says it happened, when there is a record.</param>
/// <param name="User">Who it names.</param>
/// <param name="Action">What it names.</param>
/// <param name="Target">On what.</param>
/// <param name="Expected">What the chain expected there (a sequence number or hash).</param>
public sealed record AuditChainBreak(long Seq, AuditChainProblem Problem, DateTimeOffset? At, string? User, string? Action, string? Target, string? Expected);
