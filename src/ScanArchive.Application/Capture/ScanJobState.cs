namespace ScanArchive.Application.Capture;

/// <summary>Where a background scan stands.</summary>
public enum ScanJobState
{
    /// <summary>The scanner is feeding sheets.</summary>
    Running,

    /// <summary>The feeder ran empty (or the flatbed page was read); the sheets are recognized.</summary>
    Done,

    /// <summary>The scanner stopped with a fault (jam, cover open, no device); the sheets before it are kept.</summary>
    Fault,

    /// <summary>The host stopped while scanning; the sheets stored are recognized at the next start.</summary>
    Stopped,
}
