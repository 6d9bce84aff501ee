using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Sane;

/// <summary>Maps SANE statuses to <see cref="ScanFault"/>: the one place that decides what a status means to the operator.</summary>
internal static class SaneFaults
{
    public static ScanFault ToFault(SaneStatus status) => status switch
    {
        SaneStatus.Jammed => ScanFault.Jammed,
        SaneStatus.CoverOpen => ScanFault.CoverOpen,
        SaneStatus.DeviceBusy => ScanFault.DeviceBusy,
        SaneStatus.IoError => ScanFault.IoError,
        SaneStatus.AccessDenied => ScanFault.AccessDenied,
        SaneStatus.NoDocs => ScanFault.NoPaper,
        SaneStatus.Cancelled => ScanFault.Cancelled,
        SaneStatus.Unsupported => ScanFault.Unsupported,
        _ => ScanFault.Other,
    };

    /// <summary>
    /// The exception for a status from sane_start, sane_get_parameters or sane_read. INVAL there means the handle
    /// stopped being valid: on USB and network scanners that is how an unplugged or switched-off device shows up.
    /// </summary>
    public static ScanException DuringScan(SaneStatus status, string call, int pageNumber) =>
        status == SaneStatus.Inval
            ? new ScanException(ScanFault.DeviceGone, $"{call}: {StatusText(status)}", pageNumber)
            : ToException(status, call, pageNumber);

    /// <summary>The exception for a failed call; the detail names the call and SANE's own text for the status.</summary>
    public static ScanException ToException(SaneStatus status, string call, int? pageNumber) =>
        new(ToFault(status), $"{call}: {StatusText(status)}", pageNumber);

    /// <summary>
    /// SANE's own wording for each status (as sane_strstatus gives it), kept managed so error paths never call into a
    /// library that may be the thing that failed.
    /// </summary>
    public static string StatusText(SaneStatus status) => status switch
    {
        SaneStatus.Good => "Success",
        SaneStatus.Unsupported => "Operation not supported",
        SaneStatus.Cancelled => "Operation was cancelled",
        SaneStatus.DeviceBusy => "Device busy",
        SaneStatus.Inval => "Invalid argument",
        SaneStatus.Eof => "End of file reached",
        SaneStatus.Jammed => "Document feeder jammed",
        SaneStatus.NoDocs => "Document feeder out of documents",
        SaneStatus.CoverOpen => "Scanner cover is open",
        SaneStatus.IoError => "Error during device I/O",
        SaneStatus.NoMem => "Out of memory",
        SaneStatus.AccessDenied => "Access to resource has been denied",
        _ => $"status {(int)status}",
    };
}
