namespace ScanArchive.Core.Capture;

/// <summary>A value the device offers for a setting, with its meaning when it could be recognised.</summary>
/// <typeparam name="T">The meaning (<see cref="ScanSource"/> or <see cref="ColorMode"/>).</typeparam>
/// <param name="DeviceValue">The device's own string, e.g. <c>Automatic Document Feeder</c> or <c>Gray</c>.</param>
/// <param name="Meaning">What it means; null when the string was not recognised.</param>
public sealed record DeviceChoice<T>(string DeviceValue, T? Meaning)
    where T : struct, Enum;

/// <summary>The resolutions a device accepts: a list, or a range with a step.</summary>
/// <param name="Values">The allowed values when the device gives a list; empty for a range.</param>
/// <param name="Min">Smallest resolution.</param>
/// <param name="Max">Largest resolution.</param>
/// <param name="Step">Step of a range (0 or 1 for any value); 0 for a list.</param>
public sealed record ResolutionChoices(IReadOnlyList<int> Values, int Min, int Max, int Step)
{
    /// <inheritdoc/>
    public override string ToString() => Values.Count > 0
        ? string.Join('|', Values)
        : Step > 1 ? $"{Min}..{Max} step {Step}" : $"{Min}..{Max}";
}

/// <summary>What a device can do, read from its options.</summary>
/// <param name="Sources">Paper sources (empty when the device has no source option).</param>
/// <param name="Modes">Colour modes (empty when the device has no mode option).</param>
/// <param name="Resolutions">Allowed resolutions; null when the device has no resolution option.</param>
/// <param name="MaxArea">Largest scan area in millimetres; null when the device has no geometry options in mm or pixels.</param>
/// <param name="BitDepths">Bits per sample the device offers (its <c>depth</c> option); empty when it has none.</param>
/// <param name="OptionNames">Every settable option's SANE name, for <c>--option</c>.</param>
public sealed record ScanDeviceCapabilities(
    IReadOnlyList<DeviceChoice<ScanSource>> Sources,
    IReadOnlyList<DeviceChoice<ColorMode>> Modes,
    ResolutionChoices? Resolutions,
    ScanAreaMm? MaxArea,
    IReadOnlyList<int> BitDepths,
    IReadOnlyList<string> OptionNames);

/// <summary>A scanner the driver found.</summary>
/// <param name="Name">The device name to pass to <see cref="ScanSettings.Device"/>.</param>
/// <param name="Vendor">Manufacturer.</param>
/// <param name="Model">Model.</param>
/// <param name="Type">Device type as the driver reports it (e.g. "flatbed scanner", "virtual device").</param>
/// <param name="Capabilities">Capabilities; null when the device could not be opened to read them (see <paramref name="Problem"/>).</param>
/// <param name="Problem">Why the capabilities are missing (e.g. busy), null otherwise.</param>
public sealed record ScanDeviceInfo(string Name, string Vendor, string Model, string Type, ScanDeviceCapabilities? Capabilities, string? Problem);
