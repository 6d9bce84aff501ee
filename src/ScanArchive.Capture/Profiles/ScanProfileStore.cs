using System.Text.Json;
using System.Text.Json.Serialization;
using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Profiles;

/// <summary>
/// Scan profiles saved as <c>DATA/profiles.json</c>. The file is rewritten atomically (temporary file, then rename),
/// so a crash leaves the old or the new list, never half of one. The built-in <see cref="ScanProfile.Default"/> is
/// listed unless a saved profile named <c>default</c> overrides it.
/// </summary>
public sealed class ScanProfileStore : IScanProfileStore
{
    /// <summary>File name inside the data folder.</summary>
    public const string FileName = "profiles.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new BlankPagesConverter(), new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Lock gate = new();

    /// <summary>Creates a store over <c>DATA/profiles.json</c>.</summary>
    public ScanProfileStore(string dataFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        FilePath = Path.Combine(dataFolder, FileName);
    }

    /// <summary>The profiles file.</summary>
    public string FilePath { get; }

    /// <inheritdoc/>
    public IReadOnlyList<ScanProfile> List()
    {
        lock (gate)
        {
            var saved = Load();
            var all = new List<ScanProfile>();
            if (!saved.Any(p => IsNamed(p, ScanProfile.DefaultName)))
            {
                all.Add(ScanProfile.Default);
            }

            all.AddRange(saved.OrderBy(p => !IsNamed(p, ScanProfile.DefaultName)).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase));
            return all;
        }
    }

    /// <inheritdoc/>
    public ScanProfile? Find(string name) => List().FirstOrDefault(p => IsNamed(p, name));

    /// <inheritdoc/>
    public void Save(ScanProfile profile, bool replace = false)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problems = profile.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(profile));
        }

        lock (gate)
        {
            var saved = Load();
            var existing = saved.FindIndex(p => IsNamed(p, profile.Name));
            if (existing >= 0 && !replace)
            {
                throw new InvalidOperationException($"A profile named '{profile.Name}' exists.");
            }

            if (existing >= 0)
            {
                saved[existing] = profile;
            }
            else
            {
                saved.Add(profile);
            }

            Write(saved);
        }
    }

    /// <inheritdoc/>
    public bool Remove(string name)
    {
        lock (gate)
        {
            var saved = Load();
            if (saved.RemoveAll(p => IsNamed(p, name)) == 0)
            {
                return false;
            }

            Write(saved);
            return true;
        }
    }

    private static bool IsNamed(ScanProfile profile, string name) => string.Equals(profile.Name, name, StringComparison.OrdinalIgnoreCase);

    private List<ScanProfile> Load()
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<ProfilesFile>(File.ReadAllBytes(FilePath), Json)?.Profiles.ToList() ?? [];
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{FilePath} is not a valid profiles file: {ex.Message}", ex);
        }
    }

    private void Write(List<ScanProfile> profiles)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var temp = $"{FilePath}.{Environment.ProcessId}.tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, new ProfilesFile(profiles), Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, FilePath, overwrite: true);
    }

    private sealed record ProfilesFile(IReadOnlyList<ScanProfile> Profiles);
}

/// <summary>
/// Reads <see cref="BlankPageHandling"/> as written, and the values of earlier versions: <c>keep</c> and <c>remove</c>
/// were never acted on (every blank page was kept and flagged), so they read as <see cref="BlankPageHandling.Flag"/>.
/// </summary>
internal sealed class BlankPagesConverter : JsonConverter<BlankPageHandling>
{
    public override BlankPageHandling Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString()?.ToLowerInvariant() switch
        {
            "separate" => BlankPageHandling.Separate,
            "flag" or "keep" or "remove" => BlankPageHandling.Flag,
            var other => throw new JsonException($"Unknown blank page handling '{other}' (flag or separate)."),
        };

    public override void Write(Utf8JsonWriter writer, BlankPageHandling value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value == BlankPageHandling.Separate ? "separate" : "flag");
}
