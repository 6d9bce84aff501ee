using ScanArchive.Core.Imaging;

namespace ScanArchive.Core.Capture;

/// <summary>The settings the device actually used, which may differ from those requested (snapped resolution, matched strings).</summary>
/// <param name="Device">The SANE device name.</param>
/// <param name="Source">The device's own source string that was selected, null when the device has no source option.</param>
/// <param name="Mode">The device's own mode string that was selected, null when the device has no mode option.</param>
/// <param name="Dpi">The resolution the device reported after setting it; null when the device has no resolution option.</param>
public sealed record AppliedScanSettings(string Device, string? Source, string? Mode, int? Dpi);

/// <summary>One page as it came from the scanner.</summary>
/// <param name="Number">1-based number of the page within this scan (sheets × sides, in the order the device delivered them).</param>
/// <param name="Image">The pixels, Gray8 or Rgb24; <see cref="RasterImage.Dpi"/> is the resolution actually used.</param>
/// <param name="Applied">The settings in force for this page.</param>
public sealed record CapturedPage(int Number, RasterImage Image, AppliedScanSettings Applied);

/// <summary>Progress within the page being scanned.</summary>
/// <param name="PageNumber">1-based number of the page being read.</param>
/// <param name="BytesRead">Bytes of image data read so far for this page.</param>
/// <param name="BytesExpected">Expected bytes for the page; null when the device does not know the page length in advance.</param>
public readonly record struct ScanProgress(int PageNumber, long BytesRead, long? BytesExpected);
