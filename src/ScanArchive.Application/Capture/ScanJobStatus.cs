namespace ScanArchive.Application.Capture;

/// <summary>The latest background scan of a batch.</summary>
/// <param name="Batch">The batch's name.</param>
/// <param name="Device">The scanner.</param>
/// <param name="StartedBy">Who started it.</param>
/// <param name="StartedAt">When.</param>
/// <param name="State">Running, or how it ended.</param>
/// <param name="Sheets">Sheets stored so far.</param>
/// <param name="Message">Why it stopped (a fault), in the language of whoever started it.</param>
/// <param name="EndedAt">When it ended, if it has.</param>
public sealed record ScanJobStatus(string Batch, string Device, string StartedBy, DateTimeOffset StartedAt, ScanJobState State, int Sheets, string? Message, DateTimeOffset? EndedAt);
