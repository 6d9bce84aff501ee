using System.CommandLine;
using ScanArchive.Core.Capture;

namespace ScanArchive.Cli.Commands;

/// <summary>
/// The scanner options of <c>scan</c>: <c>--device D [--source flatbed|feeder|duplex] [--dpi N]
/// [--mode color|gray|lineart] [--option NAME=VALUE]... [--profile P]</c>. A profile (the built-in default when none
/// is named) supplies everything not given on the command line.
/// </summary>
internal sealed class ScanSettingsOptions
{
    private readonly Option<string?> device = new("--device", "-d")
    {
        Description = "SANE device name, e.g. test:0 (see `devices`). / 扫描仪名称。",
    };

    private readonly Option<string?> source = new("--source")
    {
        Description = "flatbed, feeder or duplex. / 纸张来源。",
    };

    private readonly Option<int?> dpi = new("--dpi")
    {
        Description = "Resolution; snapped to what the device allows. / 分辨率。",
    };

    private readonly Option<string?> mode = new("--mode")
    {
        Description = "color, gray or lineart. / 颜色模式。",
    };

    private readonly Option<string[]> options = new("--option")
    {
        Description = "Any device option by its SANE name, NAME=VALUE (repeatable), e.g. filename=/tmp/page.pnm. / 设备选项。",
    };

    private readonly Option<string?> profile = new("--profile")
    {
        Description = "Scan profile to start from (default: 'default'). / 扫描配置。",
    };

    public ScanSettingsOptions()
    {
        source.AcceptOnlyFromAmong("flatbed", "feeder", "duplex");
        mode.AcceptOnlyFromAmong("color", "gray", "lineart");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(device);
        command.Options.Add(source);
        command.Options.Add(dpi);
        command.Options.Add(mode);
        command.Options.Add(options);
        command.Options.Add(profile);
    }

    /// <summary>The profile named by <c>--profile</c> (or the default) with the command line's values laid over it, and the settings to scan with.</summary>
    /// <exception cref="ScanException"><see cref="ScanFault.InvalidOption"/> for an unknown profile, a malformed <c>--option</c>, or no device.</exception>
    public (ScanProfile Profile, ScanSettings Settings) Read(ParseResult result, IScanProfileStore profiles)
    {
        var name = result.GetValue(profile) ?? ScanProfile.DefaultName;
        var baseProfile = profiles.Find(name) ?? throw new ScanException(ScanFault.InvalidOption, $"no profile named '{name}' (see `profiles`)");
        List<DeviceOptionSetting> extra;
        try
        {
            extra = (result.GetValue(options) ?? []).Select(DeviceOptionSetting.Parse).ToList();
        }
        catch (FormatException ex)
        {
            throw new ScanException(ScanFault.InvalidOption, ex.Message);
        }

        var requestedSource = result.GetValue(source) is { } s ? Enum.Parse<ScanSource>(s, ignoreCase: true) : (ScanSource?)null;
        var merged = baseProfile with
        {
            Device = result.GetValue(device) ?? baseProfile.Device,
            Source = requestedSource switch
            {
                null => baseProfile.Source,
                ScanSource.Duplex => ScanSource.Feeder,
                var other => other.Value,
            },
            Duplex = requestedSource is null ? baseProfile.Duplex : requestedSource == ScanSource.Duplex,
            Dpi = result.GetValue(dpi) ?? baseProfile.Dpi,
            Mode = result.GetValue(mode) is { } m ? Enum.Parse<ColorMode>(m, ignoreCase: true) : baseProfile.Mode,
            Options = [.. baseProfile.Options, .. extra],
        };
        return (merged, merged.ToScanSettings());
    }
}
