namespace ScanArchive.Web.Hosting;

/// <summary>What the command line and environment say about where the workstation keeps its data and listens.</summary>
public static class WorkstationSettings
{
    /// <summary>The address the server listens on when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The address the server listens on with <c>--https</c> when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says.</summary>
    public const string DefaultHttpsUrl = "https://127.0.0.1:5443";

    /// <summary>Serve over HTTPS.</summary>
    public const string HttpsOption = "--https";

    /// <summary>The certificate (PKCS#12) for <see cref="HttpsOption"/>.</summary>
    public const string CertificateOption = "--cert";

    /// <summary>A file holding the certificate's password.</summary>
    public const string CertificatePasswordFileOption = "--cert-password-file";

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

    /// <summary>
    /// Takes <c>--https</c>, <c>--cert FILE</c> and <c>--cert-password-file FILE</c> out of <paramref name="args"/>
    /// (the configuration's command-line parser would read <c>--https --cert</c> as one key and value).
    /// </summary>
    /// <returns>The other arguments, and the HTTPS settings (null without <c>--https</c>).</returns>
    /// <exception cref="InvalidOperationException">A certificate option lacks its file, or is given without <c>--https</c>.</exception>
    public static (string[] Others, HttpsSettings? Https) SplitHttps(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = new List<string>();
        var https = false;
        string? certificate = null;
        string? passwordFile = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case HttpsOption:
                    https = true;
                    break;
                case CertificateOption:
                    certificate = Path.GetFullPath(ValueAfter(args, ref i));
                    break;
                case CertificatePasswordFileOption:
                    passwordFile = Path.GetFullPath(ValueAfter(args, ref i));
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        if (!https && (certificate is not null || passwordFile is not null))
        {
            throw new InvalidOperationException($"{CertificateOption} and {CertificatePasswordFileOption} need {HttpsOption}.");
        }

        return ([.. rest], https ? new HttpsSettings(certificate, passwordFile) : null);
    }

    private static string ValueAfter(IReadOnlyList<string> args, ref int i) =>
        i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
            ? args[++i]
            : throw new InvalidOperationException($"{args[i]} needs a file name.");
}
