namespace ScanArchive.Core.Capture;

/// <summary>Where the scanner takes paper from, by meaning; the driver maps it to the device's own strings.</summary>
public enum ScanSource
{
    /// <summary>The glass: one page per scan.</summary>
    Flatbed,

    /// <summary>The automatic document feeder, front sides only; scans until the feeder is empty.</summary>
    Feeder,

    /// <summary>The feeder, both sides of every sheet; scans until the feeder is empty.</summary>
    Duplex,
}

/// <summary>Colour mode, by meaning; the driver maps it to the device's own mode strings.</summary>
public enum ColorMode
{
    /// <summary>Full colour (needed to keep red seals distinguishable).</summary>
    Color,

    /// <summary>Shades of grey.</summary>
    Gray,

    /// <summary>Black and white, one bit per pixel (delivered as grey 0/255).</summary>
    Lineart,
}

/// <summary>The size of the area to scan, from the device's top-left corner, in millimetres.</summary>
/// <param name="WidthMm">Width in millimetres.</param>
/// <param name="HeightMm">Height in millimetres.</param>
public readonly record struct ScanAreaMm(double WidthMm, double HeightMm)
{
    /// <summary>ISO A4 portrait, 210 × 297 mm.</summary>
    public static ScanAreaMm A4 => new(210, 297);
}

/// <summary>A device option set by its SANE name, e.g. <c>filename=/tmp/page.pnm</c> or <c>status-jammed=yes</c>.</summary>
/// <param name="Name">The option's SANE name (as <c>scanimage -A</c> shows it, without dashes).</param>
/// <param name="Value">The value as text; converted to the option's type (bool, int, fixed, string) by the driver. <c>auto</c> asks the device to choose.</param>
public sealed record DeviceOptionSetting(string Name, string Value)
{
    /// <summary>Parses <c>NAME=VALUE</c>.</summary>
    /// <exception cref="FormatException">The text has no <c>=</c> or an empty name.</exception>
    public static DeviceOptionSetting Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new FormatException($"Expected NAME=VALUE, got '{text}'.");
        }

        return new DeviceOptionSetting(text[..eq].Trim().TrimStart('-'), text[(eq + 1)..]);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}={Value}";
}

/// <summary>What to scan and how. Unset values leave the device's own setting.</summary>
public sealed record ScanSettings
{
    /// <summary>The SANE device name, e.g. <c>test:0</c>, <c>pnm:0</c>, <c>fujitsu:fi-7160:12345</c>.</summary>
    public required string Device { get; init; }

    /// <summary>Paper source; null keeps the device's current source (scanned as a single page unless it is a feeder).</summary>
    public ScanSource? Source { get; init; }

    /// <summary>Requested resolution; snapped to what the device allows. The resolution actually used becomes the page DPI.</summary>
    public int? Dpi { get; init; }

    /// <summary>Colour mode; null keeps the device's current mode.</summary>
    public ColorMode? Mode { get; init; }

    /// <summary>Area to scan from the top-left corner (clamped to the device); null scans the device's whole area.</summary>
    public ScanAreaMm? Area { get; init; }

    /// <summary>Device options by SANE name, applied in order after source, mode, resolution and area (so they win).</summary>
    public IReadOnlyList<DeviceOptionSetting> Options { get; init; } = [];

    /// <summary>Stop after this many pages even if the feeder has more (null: until empty).</summary>
    public int? MaxPages { get; init; }

    /// <summary>True when the source reads sheets until the feeder is empty.</summary>
    public bool IsFeeder => Source is ScanSource.Feeder or ScanSource.Duplex;
}
