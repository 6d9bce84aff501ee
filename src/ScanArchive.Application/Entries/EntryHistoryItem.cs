namespace ScanArchive.Application.Entries;

/// <summary>One step in an entry's life: capture, a QC verdict, a correction, approval, commit, a later view or download.</summary>
/// <param name="At">When.</param>
/// <param name="User">Who (empty for the machine's QC verdicts).</param>
/// <param name="Action">The audit action (<c>batch.add</c>, <c>field.edit</c>, <c>entry.view</c>…), or <c>qc</c> for a page's verdict.</param>
/// <param name="Details">What exactly (a correction's before → after, a verdict with its reasons).</param>
public sealed record EntryHistoryItem(DateTimeOffset At, string User, string Action, string? Details);
