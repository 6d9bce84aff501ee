using System.CommandLine;
using System.Globalization;

namespace ScanArchive.Cli;

/// <summary>Options every command understands.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Data folder for everything ScanArchive stores (default: $SCANARCHIVE_DATA, else ~/.local/share/scanarchive). / 数据目录。",
        Recursive = true,
    };

    public static readonly Option<string?> UiLanguage = new("--ui-lang")
    {
        Description = "Language of messages: zh-CN or en (default: from LANG). / 界面语言。",
        Recursive = true,
    };

    public static string DataFolder(ParseResult result)
    {
        var explicitPath = result.GetValue(Data);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }

        if (Environment.GetEnvironmentVariable("SCANARCHIVE_DATA") is { Length: > 0 } fromEnv)
        {
            return Path.GetFullPath(fromEnv);
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var baseDir = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share") : xdg;
        return Path.Combine(baseDir, "scanarchive");
    }

    /// <summary>The UI culture: --ui-lang, else the process's (LANG), applied to the current thread.</summary>
    public static CultureInfo ApplyUiCulture(ParseResult result)
    {
        var requested = result.GetValue(UiLanguage);
        CultureInfo culture;
        try
        {
            culture = string.IsNullOrWhiteSpace(requested) ? CultureInfo.CurrentUICulture : CultureInfo.GetCultureInfo(requested);
        }
        catch (CultureNotFoundException)
        {
            culture = CultureInfo.InvariantCulture;
        }

        CultureInfo.CurrentUICulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        return culture;
    }
}
