using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Sane;

/// <summary>
/// The options of an open device by name, kept current: whenever a set reports SANE_INFO_RELOAD_OPTIONS (e.g. choosing
/// the feeder changes the geometry limits, choosing colour activates three-pass), the descriptors are read again.
/// </summary>
internal sealed class SaneOptionSet
{
    private readonly ISaneDevice device;
    private Dictionary<string, SaneOption> byName = [];

    public SaneOptionSet(ISaneDevice device)
    {
        this.device = device;
        Reload();
    }

    /// <summary>How many times the descriptors were read (1 after construction); lets tests see reloads happen.</summary>
    public int LoadCount { get; private set; }

    /// <summary>All named options except groups.</summary>
    public IEnumerable<SaneOption> All => byName.Values.OrderBy(o => o.Index);

    public SaneOption? Find(string name) => byName.GetValueOrDefault(name);

    public void Reload()
    {
        var options = new Dictionary<string, SaneOption>(StringComparer.Ordinal);
        foreach (var option in device.ReadOptions())
        {
            if (option.Type != SaneValueType.Group && option.Name.Length > 0)
            {
                options.TryAdd(option.Name, option);
            }
        }

        byName = options;
        LoadCount++;
    }

    /// <summary>The current value of an active option, or null when it is missing, inactive or unreadable.</summary>
    public object? Get(string name)
    {
        var option = Find(name);
        return option is { IsActive: true } && device.GetValue(option, out var value) == SaneStatus.Good ? value : null;
    }

    /// <summary>The first number of a numeric option's value.</summary>
    public double? GetNumber(string name) => Get(name) is double[] { Length: > 0 } numbers ? numbers[0] : null;

    /// <summary>Sets an option and reloads the descriptors when the backend asks.</summary>
    /// <exception cref="ScanException"><see cref="ScanFault.InvalidOption"/> when the option is missing, inactive, read-only or the value is refused.</exception>
    public void Set(string name, object? value)
    {
        var option = Find(name) ?? throw new ScanException(ScanFault.InvalidOption, $"{device.Name} has no option '{name}'");
        Set(option, value);
    }

    /// <inheritdoc cref="Set(string, object?)"/>
    public void Set(SaneOption option, object? value)
    {
        EnsureSettable(option);
        var status = device.SetValue(option, value, out var info);
        if (status != SaneStatus.Good)
        {
            throw status == SaneStatus.Inval
                ? new ScanException(ScanFault.InvalidOption, $"{option.Name}={SaneValues.Describe(value)}: the device refused the value")
                : SaneFaults.ToException(status, $"set {option.Name}", null);
        }

        AfterSet(info);
    }

    /// <summary>Lets the device pick the value of an option that has the automatic capability.</summary>
    public void SetAuto(SaneOption option)
    {
        EnsureSettable(option);
        if (!option.Cap.HasFlag(SaneCap.Automatic))
        {
            throw new ScanException(ScanFault.InvalidOption, $"{option.Name} has no automatic setting");
        }

        var status = device.SetAuto(option, out var info);
        if (status != SaneStatus.Good)
        {
            throw status == SaneStatus.Inval
                ? new ScanException(ScanFault.InvalidOption, $"{option.Name}=auto: the device refused it")
                : SaneFaults.ToException(status, $"set {option.Name}", null);
        }

        AfterSet(info);
    }

    /// <summary>Sets an option when it exists and is settable; false otherwise (used for optional refinements).</summary>
    public bool TrySet(string name, object? value)
    {
        var option = Find(name);
        if (option is not { IsActive: true, IsSettable: true })
        {
            return false;
        }

        var status = device.SetValue(option, value, out var info);
        if (status != SaneStatus.Good)
        {
            return false;
        }

        AfterSet(info);
        return true;
    }

    private void EnsureSettable(SaneOption option)
    {
        if (!option.IsSettable)
        {
            throw new ScanException(ScanFault.InvalidOption, $"{option.Name} is read-only");
        }

        if (!option.IsActive)
        {
            throw new ScanException(ScanFault.InvalidOption, $"{option.Name} is inactive (it depends on another setting; set that first)");
        }
    }

    private void AfterSet(SaneInfo info)
    {
        if (info.HasFlag(SaneInfo.ReloadOptions))
        {
            Reload();
        }
    }
}
