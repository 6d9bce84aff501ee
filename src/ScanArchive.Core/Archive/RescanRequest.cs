namespace ScanArchive.Core.Archive;

/// <summary>A reviewer's request to the clerk to scan a sheet again; the new sheet takes the old one's place.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="BatchId">The batch.</param>
/// <param name="BatchName">Its name (for the clerk's list).</param>
/// <param name="PageId">The page to scan again.</param>
/// <param name="Reason">Why (optional).</param>
/// <param name="RequestedBy">The reviewer.</param>
/// <param name="RequestedAt">When.</param>
public sealed record RescanRequest(string Id, string BatchId, string BatchName, string PageId, string? Reason, string RequestedBy, DateTimeOffset RequestedAt)
{
    /// <summary>Who put the new sheet in (null while open).</summary>
    public string? DoneBy { get; init; }

    /// <summary>When the new sheet was stored (null while open).</summary>
    public DateTimeOffset? DoneAt { get; init; }

    /// <summary>True while no new sheet has replaced the page.</summary>
    public bool IsOpen => DoneAt is null;
}
