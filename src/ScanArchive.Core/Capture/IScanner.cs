namespace ScanArchive.Core.Capture;

/// <summary>
/// Scans pages from a scanner. Implementations isolate the native driver (a crash or hang of the driver becomes a
/// <see cref="ScanException"/>, never a crash of the caller) and stream pages as the device delivers them.
/// </summary>
public interface IScanner
{
    /// <summary>Lists the scanners the driver finds, with their capabilities.</summary>
    /// <exception cref="ScanException">The driver could not be started or failed while listing.</exception>
    Task<IReadOnlyList<ScanDeviceInfo>> ListDevicesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Scans with the given settings: one page from a flatbed, or sheets until the feeder is empty. Pages are yielded as
    /// soon as each is complete, so the caller can process page n while page n+1 is being scanned.
    /// </summary>
    /// <param name="settings">Device and settings.</param>
    /// <param name="progress">Receives progress within the current page (optional).</param>
    /// <param name="cancellationToken">Stops the scan; the enumeration then throws <see cref="ScanException"/> with <see cref="ScanFault.Cancelled"/>.</param>
    /// <returns>The pages in device order.</returns>
    /// <exception cref="ScanException">Thrown by the enumeration after the last good page when the scan stops on a fault (jam, cover open, cancel, crash...). Pages already yielded stay valid.</exception>
    IAsyncEnumerable<CapturedPage> ScanAsync(ScanSettings settings, IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default);
}
