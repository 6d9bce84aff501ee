using System.Globalization;
using ScanArchive.Core.Text;

namespace ScanArchive.Core.Capture;

/// <summary>Why a scan stopped before the feeder was empty. Every page delivered before the fault is complete and kept.</summary>
public enum ScanFault
{
    /// <summary>Anything not listed below; see <see cref="ScanException.Detail"/>.</summary>
    Other,

    /// <summary>Paper jam: clear it and re-feed the sheet that jammed.</summary>
    Jammed,

    /// <summary>The scanner's cover or feeder door is open.</summary>
    CoverOpen,

    /// <summary>Another program is using the scanner.</summary>
    DeviceBusy,

    /// <summary>Communication with the scanner failed.</summary>
    IoError,

    /// <summary>The user may not use the scanner (permissions, or the device asks for authorization).</summary>
    AccessDenied,

    /// <summary>No paper in the feeder (on the first sheet: "load paper").</summary>
    NoPaper,

    /// <summary>The scan was cancelled (Ctrl+C, or the scanner's cancel button).</summary>
    Cancelled,

    /// <summary>The scanner disappeared during the scan (unplugged, switched off, network lost).</summary>
    DeviceGone,

    /// <summary>No scanner with the requested name exists.</summary>
    DeviceNotFound,

    /// <summary>The scanner stopped sending data for longer than the allowed time.</summary>
    NotResponding,

    /// <summary>The scanner driver's process crashed or was killed.</summary>
    WorkerCrashed,

    /// <summary>A requested setting (<c>--option</c>, source, mode) does not exist on the device or has a bad value.</summary>
    InvalidOption,

    /// <summary>The device cannot do what was asked (unsupported operation or image format).</summary>
    Unsupported,

    /// <summary>The SANE library is not installed (package libsane1).</summary>
    DriverMissing,
}

/// <summary>A scan failed. <see cref="Exception.Message"/> is written for the operator, in the UI language.</summary>
public sealed class ScanException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fault">What went wrong.</param>
    /// <param name="detail">Technical detail for logs (SANE status text, option name, ...).</param>
    /// <param name="pageNumber">1-based number of the page being scanned when the fault happened; null before the first page.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ScanException(ScanFault fault, string? detail = null, int? pageNumber = null, Exception? innerException = null)
        : base(ScanMessages.Fault(fault, detail, pageNumber, null), innerException)
    {
        Fault = fault;
        Detail = detail;
        PageNumber = pageNumber;
    }

    /// <summary>What went wrong.</summary>
    public ScanFault Fault { get; }

    /// <summary>Technical detail for logs.</summary>
    public string? Detail { get; }

    /// <summary>1-based number of the page being scanned when the fault happened (pages before it were delivered).</summary>
    public int? PageNumber { get; }

    /// <summary>True when the operator can fix the device and continue the same batch (jam, cover, paper, busy, cancel, lost device).</summary>
    public bool IsResumable => Fault is not (ScanFault.DriverMissing or ScanFault.DeviceNotFound or ScanFault.InvalidOption or ScanFault.Unsupported);

    /// <summary>The message in a given UI culture.</summary>
    public string MessageIn(CultureInfo culture) => ScanMessages.Fault(Fault, Detail, PageNumber, culture);
}
