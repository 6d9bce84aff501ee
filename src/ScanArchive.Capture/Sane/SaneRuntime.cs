using System.Runtime.InteropServices;
using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Sane;

/// <summary>
/// The SANE library of this process: sane_init exactly once (behind one lock), device listing and opening. All calls
/// run on <see cref="SaneThread"/>. sane_exit is never called: backends cache state and re-initialising is unsafe;
/// the scan worker is a short-lived process, so the OS cleans up.
/// </summary>
internal static class SaneRuntime
{
    private static readonly Lock Gate = new();
    private static int? versionCode;

    /// <summary>The SANE version code from sane_init (null before initialisation).</summary>
    public static int? VersionCode => versionCode;

    /// <summary>
    /// Initialises SANE once. <paramref name="configDir"/> is exported as SANE_CONFIG_DIR into the native environment
    /// first, unless the environment already has one (an operator's setting wins). Later calls ignore the argument:
    /// SANE reads the variable only at sane_init. <paramref name="overrideEnvironment"/> replaces an existing
    /// variable (tests that need the virtual devices whatever the developer's shell says).
    /// </summary>
    /// <exception cref="ScanException"><see cref="ScanFault.DriverMissing"/> when libsane.so.1 cannot be loaded.</exception>
    public static void EnsureInitialized(string? configDir = null, bool overrideEnvironment = false)
    {
        lock (Gate)
        {
            if (versionCode is not null)
            {
                return;
            }

            if (configDir is not null && (overrideEnvironment || string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SaneConfigFolder.VariableName))))
            {
                _ = Interop.Libc.setenv(SaneConfigFolder.VariableName, configDir, 1);
                Environment.SetEnvironmentVariable(SaneConfigFolder.VariableName, configDir);
            }

            versionCode = SaneThread.Invoke(() =>
            {
                try
                {
                    var status = (SaneStatus)Interop.Sane.sane_init(out var version, 0);
                    return status == SaneStatus.Good ? version : throw SaneFaults.ToException(status, "sane_init", null);
                }
                catch (DllNotFoundException ex)
                {
                    throw new ScanException(ScanFault.DriverMissing, ex.Message, innerException: ex);
                }
            });
        }
    }

    /// <summary>SANE version as major.minor.build.</summary>
    public static string VersionText => versionCode is { } v ? $"{(v >> 24) & 0xff}.{(v >> 16) & 0xff}.{v & 0xffff}" : "(not initialised)";

    /// <summary>The devices SANE finds (local and network backends named in dll.conf).</summary>
    public static IReadOnlyList<SaneDeviceEntry> ListDevices()
    {
        EnsureInitialized();
        return SaneThread.Invoke(() =>
        {
            var status = (SaneStatus)Interop.Sane.sane_get_devices(out var list, 0);
            if (status != SaneStatus.Good)
            {
                throw SaneFaults.ToException(status, "sane_get_devices", null);
            }

            var devices = new List<SaneDeviceEntry>();
            for (var i = 0; list != 0; i++)
            {
                var entry = Marshal.ReadIntPtr(list, i * IntPtr.Size);
                if (entry == 0)
                {
                    break;
                }

                var d = Marshal.PtrToStructure<Interop.Sane.SANE_Device>(entry);
                devices.Add(new SaneDeviceEntry(
                    Interop.Sane.Text(d.name) ?? string.Empty,
                    Interop.Sane.Text(d.vendor) ?? string.Empty,
                    Interop.Sane.Text(d.model) ?? string.Empty,
                    Interop.Sane.Text(d.type) ?? string.Empty));
            }

            return (IReadOnlyList<SaneDeviceEntry>)devices;
        });
    }

    /// <summary>Opens a device by name.</summary>
    /// <exception cref="ScanException">The device does not exist, is busy, or access is denied.</exception>
    public static ISaneDevice Open(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        EnsureInitialized();
        return SaneThread.Invoke(() =>
        {
            var status = (SaneStatus)Interop.Sane.sane_open(name, out var handle);
            if (status != SaneStatus.Good || handle == 0)
            {
                // The dll backend answers INVAL (or EOF/IO_ERROR from some backends) for a name it does not know.
                throw status is SaneStatus.Inval or SaneStatus.Eof || handle == 0 && status == SaneStatus.Good
                    ? new ScanException(ScanFault.DeviceNotFound, $"{name}: {SaneFaults.StatusText(status)}")
                    : SaneFaults.ToException(status, $"sane_open {name}", null);
            }

            return (ISaneDevice)new SaneNativeDevice(name, new SafeSaneDeviceHandle(handle));
        });
    }

    /// <summary>sane_strstatus, or the enum name when the library has no text.</summary>
    public static string StatusText(SaneStatus status)
    {
        try
        {
            return SaneThread.Invoke(() => Interop.Sane.Text(Interop.Sane.sane_strstatus((int)status))) ?? status.ToString();
        }
        catch (DllNotFoundException)
        {
            return status.ToString();
        }
    }
}
