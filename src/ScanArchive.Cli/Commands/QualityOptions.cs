using System.CommandLine;
using System.Globalization;
using ScanArchive.Capture.Profiles;
using ScanArchive.Core.Capture;
using ScanArchive.Core.Quality;
using ScanArchive.Core.Text;

namespace ScanArchive.Cli.Commands;

/// <summary>How pages of files (not scanned here) are judged: a scan profile's quality settings, and lineart.</summary>
internal sealed class QualityOptions
{
    private readonly Option<string?> _profile = new("--profile")
    {
        Description = "Judge pages with this scan profile's quality settings (see `profiles`). / 使用该扫描配置的质量设置检查页面。",
    };

    private readonly Option<bool> _lineart = new("--lineart")
    {
        // A scanner set to lineart delivers no colour to judge: folders with seals are best scanned in colour.
        Description = "Judge pages for a black-and-white archive: colour such as a red seal is flagged. / 按黑白归档检查：彩色内容（如红色印章）会被标记。",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_profile);
        command.Options.Add(_lineart);
    }

    /// <summary>The quality profile asked for, or null (after saying why) when the named scan profile does not exist or cannot be read.</summary>
    public QualityProfile? Read(ParseResult result, string dataFolder, CultureInfo culture)
    {
        var quality = QualityProfile.Default;
        if (result.GetValue(_profile) is { } name)
        {
            if (FindProfile(dataFolder, name, culture) is not { } profile)
            {
                return null;
            }

            quality = profile.EffectiveQuality();
        }

        return result.GetValue(_lineart) ? quality with { Lineart = true } : quality;
    }

    /// <summary>The saved scan profile of that name, or null after telling the user it does not exist or cannot be read.</summary>
    public static ScanProfile? FindProfile(string dataFolder, string name, CultureInfo culture)
    {
        ScanProfile? profile;
        try
        {
            profile = new ScanProfileStore(dataFolder).Find(name);
        }
        catch (InvalidDataException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return null;
        }

        if (profile is null)
        {
            Console.Error.WriteLine(UserMessages.Pick($"找不到扫描配置“{name}”。", $"There is no scan profile named \"{name}\".", culture));
        }

        return profile;
    }
}
