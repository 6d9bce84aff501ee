using ScanArchive.Core.Capture;

namespace ScanArchive.Cli.Commands;

/// <summary>
/// Exit codes for scan faults, so scripts can tell a jam from an unplugged scanner. 2 (usage/setup) and 130
/// (cancelled) keep their meaning from <see cref="ExitCodes"/>; device faults use 20–29.
/// </summary>
internal static class ScanFaultExitCodes
{
    public const int Jammed = 20;
    public const int CoverOpen = 21;
    public const int NoPaper = 22;
    public const int DeviceBusy = 23;
    public const int IoError = 24;
    public const int DeviceGone = 25;
    public const int NotResponding = 26;
    public const int WorkerCrashed = 27;
    public const int AccessDenied = 28;
    public const int DeviceNotFound = 29;
    public const int OtherScanFault = 30;

    public static int For(ScanFault fault) => fault switch
    {
        ScanFault.Jammed => Jammed,
        ScanFault.CoverOpen => CoverOpen,
        ScanFault.NoPaper => NoPaper,
        ScanFault.DeviceBusy => DeviceBusy,
        ScanFault.IoError => IoError,
        ScanFault.DeviceGone => DeviceGone,
        ScanFault.NotResponding => NotResponding,
        ScanFault.WorkerCrashed => WorkerCrashed,
        ScanFault.AccessDenied => AccessDenied,
        ScanFault.DeviceNotFound => DeviceNotFound,
        ScanFault.Cancelled => ExitCodes.Cancelled,
        ScanFault.InvalidOption or ScanFault.Unsupported or ScanFault.DriverMissing => ExitCodes.UsageOrSetup,
        _ => OtherScanFault,
    };
}
