namespace ScanArchive.Application.Keys;

/// <summary>
/// Where the key-encryption key (the key that unlocks a data folder's data key) is kept: never inside the data
/// folder, so a copied data folder or backup alone opens nothing.
/// </summary>
public sealed record KeyOptions
{
    /// <summary>Environment variable holding the key itself (base64 of 32 bytes), for containers and secret stores.</summary>
    public const string KeyVariable = "SCANARCHIVE_KEY";

    /// <summary>Environment variable naming the key file (a 0600 file outside the data folder).</summary>
    public const string KeyFileVariable = "SCANARCHIVE_KEY_FILE";

    /// <summary>Environment variable naming the folder of per-data-folder key files (default <c>$XDG_CONFIG_HOME/scanarchive/keys</c>).</summary>
    public const string KeyFolderVariable = "SCANARCHIVE_KEY_DIR";

    /// <summary>The key itself, base64 (takes precedence over files).</summary>
    public string? Key { get; init; }

    /// <summary>One key file for this data folder.</summary>
    public string? KeyFile { get; init; }

    /// <summary>The folder holding <c>&lt;key id&gt;.key</c> files, one per data folder.</summary>
    public required string KeyFolder { get; init; }

    /// <summary>Whether a new data folder is encrypted (it is, unless a host explicitly says otherwise).</summary>
    public bool EncryptNewFolders { get; init; } = true;

    /// <summary>From the environment: <see cref="KeyVariable"/>, <see cref="KeyFileVariable"/>, <see cref="KeyFolderVariable"/>, else the default folder.</summary>
    public static KeyOptions FromEnvironment() => new()
    {
        Key = NonEmpty(KeyVariable),
        KeyFile = NonEmpty(KeyFileVariable) is { } file ? Path.GetFullPath(file) : null,
        KeyFolder = NonEmpty(KeyFolderVariable) is { } folder ? Path.GetFullPath(folder) : DefaultFolder(),
    };

    /// <summary><c>$XDG_CONFIG_HOME/scanarchive/keys</c>, else <c>~/.config/scanarchive/keys</c>.</summary>
    public static string DefaultFolder()
    {
        var config = NonEmpty("XDG_CONFIG_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(config, "scanarchive", "keys");
    }

    private static string? NonEmpty(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}
