using System.Text.Json;

namespace ScanArchive.TestSupport;

/// <summary>A page of sample-scans/ with its ground truth.</summary>
/// <param name="ImagePath">The page file (image or PDF).</param>
/// <param name="Text">Ground-truth text in reading order.</param>
/// <param name="Fields">Ground-truth fields, key → normalized value.</param>
/// <param name="DocType">Document type label.</param>
/// <param name="Language">"zh" or "en".</param>
/// <param name="Qc">The page's QC labels (blank, blurry, rotation, skewDegrees, dpi, ...).</param>
public sealed record SamplePage(string ImagePath, string Text, IReadOnlyDictionary<string, string> Fields, string DocType, string Language, JsonElement Qc)
{
    /// <summary>True for an ordinary document page (not one of the deliberately degraded QC cases).</summary>
    public bool IsCleanDocument =>
        !Flag("blank") && !Flag("blurry") && !Flag("lowResolution") && !Flag("lowContrast") &&
        Number("rotation") == 0 && Math.Abs(Number("skewDegrees")) <= 5;

    /// <summary>A boolean QC label (false when absent).</summary>
    public bool Flag(string name) => Qc.ValueKind == JsonValueKind.Object && Qc.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    /// <summary>A numeric QC label (0 when absent).</summary>
    public double Number(string name) => Qc.ValueKind == JsonValueKind.Object && Qc.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;

    /// <inheritdoc/>
    public override string ToString() => System.IO.Path.GetFileName(ImagePath);
}

/// <summary>Reads the ground truth of sample-scans/.</summary>
public static class SamplePages
{
    private static readonly Lazy<IReadOnlyList<SamplePage>> Pages = new(Load);

    /// <summary>Every sample page.</summary>
    public static IReadOnlyList<SamplePage> All => Pages.Value;

    /// <summary>The first page matching a condition; fails clearly when sample-scans has none.</summary>
    public static SamplePage First(Func<SamplePage, bool> match, string description) =>
        All.FirstOrDefault(match) ?? throw new InvalidOperationException($"sample-scans/ has no page that is {description}.");

    private static IReadOnlyList<SamplePage> Load()
    {
        var pages = new List<SamplePage>();
        foreach (var json in Directory.EnumerateFiles(TestPaths.SampleScans, "*.json").Order(StringComparer.Ordinal))
        {
            var image = Directory.EnumerateFiles(TestPaths.SampleScans, System.IO.Path.GetFileNameWithoutExtension(json) + ".*")
                .FirstOrDefault(f => !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
            if (image is null)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var root = doc.RootElement;
            var fields = new Dictionary<string, string>();
            foreach (var field in root.GetProperty("fields").EnumerateArray())
            {
                fields.TryAdd(field.GetProperty("key").GetString()!, field.GetProperty("value").GetString()!);
            }

            pages.Add(new SamplePage(
                image,
                root.GetProperty("text").GetString() ?? string.Empty,
                fields,
                root.TryGetProperty("docType", out var type) ? type.GetString() ?? "other" : "other",
                root.TryGetProperty("language", out var lang) ? lang.GetString() ?? "en" : "en",
                root.TryGetProperty("qc", out var qc) ? qc.Clone() : default));
        }

        return pages;
    }
}
