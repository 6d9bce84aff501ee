namespace ScanArchive.Capture.Watch;

/// <summary>How a <see cref="WatchFolderSource"/> decides a file is completely written.</summary>
public sealed record WatchFolderOptions
{
    /// <summary>How often the folder is scanned. Polling, not file-system events: events are unreliable on SMB/NFS shares, where scanners drop files.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long size and modification time must stay unchanged before a file counts as written.</summary>
    public TimeSpan StableFor { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a stable file whose content looks cut off (a PDF without <c>%%EOF</c>, a JPEG without its end marker,
    /// a PNG without IEND, or an empty file) is held back in case the writer resumes; after that it is handed out anyway
    /// and the importer reports it as damaged.
    /// </summary>
    public TimeSpan IncompleteGrace { get; init; } = TimeSpan.FromSeconds(60);
}
