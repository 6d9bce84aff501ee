namespace ScanArchive.Web.Hosting;

/// <summary>What the command line and environment say about where the workstation keeps its data and listens.</summary>
public static class WorkstationSettings
{
    /// <summary>The address the server listens on when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Environment variable naming the data folder.</summary>
    public const string DataVariable = "SCANARCHIVE_DATA";

    /// <summary>Configuration key of the idle time after which a browser session ends (a TimeSpan, e.g. <c>00:30:00</c>).</summary>
    public const string IdleTimeoutKey = "Workstation:IdleTimeout";

    /// <summary>
    /// The configured idle timeout (<c>--Workstation:IdleTimeout=00:10:00</c>, <c>Workstation__IdleTimeout</c>, appsettings);
    /// null when not set, so the default applies.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is not a positive time span.</exception>
    public static TimeSpan? IdleTimeout(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[IdleTimeoutKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw new InvalidOperationException($"{IdleTimeoutKey} must be a positive time span such as 00:30:00, not '{text}'.");
    }

    /// <summary>
    /// The data folder: <c>--data DIR</c> (or <c>--data=DIR</c>), else <c>$SCANARCHIVE_DATA</c>, else
    /// <c>~/.local/share/scanarchive</c>.
    /// </summary>
    public static string DataFolder(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--data" && i + 1 < args.Count)
            {
                return Path.GetFullPath(args[i + 1]);
            }

            if (args[i].StartsWith("--data=", StringComparison.Ordinal))
            {
                return Path.GetFullPath(args[i]["--data=".Length..]);
            }
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(DataVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".local", "share", "scanarchive");
    }
}
