using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Extraction.Templates;

/// <summary>
/// Reads and writes zone templates as JSON files (one <c>NAME.json</c> per template in a folder):
/// <c>{"name","docType","pageWidth","pageHeight","anchors":[{"text","box":[x,y,w,h]}],"zones":[{"key","region":[x,y,w,h],"label"}]}</c>.
/// </summary>
public static class FormTemplateStore
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new BoxConverter() },
    };

    /// <summary>The template as JSON.</summary>
    public static string ToJson(FormTemplate template) => JsonSerializer.Serialize(template, Options);

    /// <summary>A template from JSON.</summary>
    /// <exception cref="InvalidDataException">The JSON is not a template.</exception>
    public static FormTemplate FromJson(string json)
    {
        try
        {
            var template = JsonSerializer.Deserialize<FormTemplate>(json, Options) ?? throw new InvalidDataException("The template file is empty.");
            if (string.IsNullOrWhiteSpace(template.Name) || template.Anchors is null || template.Zones is null)
            {
                throw new InvalidDataException("A template needs a name, anchors and zones.");
            }

            return template;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("The template file is not valid: " + ex.Message, ex);
        }
    }

    /// <summary>Writes <c>DIRECTORY/NAME.json</c> (atomically) and returns its path.</summary>
    public static string Save(FormTemplate template, string directory)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || template.Name.StartsWith('.'))
        {
            throw new ArgumentException($"'{template.Name}' cannot be used as a file name.", nameof(template));
        }

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, template.Name + ".json");
        var temp = path + ".tmp";
        File.WriteAllText(temp, ToJson(template));
        File.Move(temp, path, overwrite: true);
        return path;
    }

    /// <summary>Reads one template file.</summary>
    /// <exception cref="InvalidDataException">The file is not a template.</exception>
    public static FormTemplate Load(string path) => FromJson(File.ReadAllText(path));

    /// <summary>Every template in a folder (none when the folder does not exist).</summary>
    /// <exception cref="InvalidDataException">A file in the folder is not a template (its name is in the message).</exception>
    public static IReadOnlyList<FormTemplate> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var templates = new List<FormTemplate>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                templates.Add(Load(file));
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidDataException($"{file}: {ex.Message}", ex);
            }
        }

        return templates;
    }

    /// <summary>Boxes as <c>[x, y, width, height]</c>, like the analyze schema.</summary>
    private sealed class BoxConverter : JsonConverter<PixelBox>
    {
        public override PixelBox Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var values = JsonSerializer.Deserialize<int[]>(ref reader, options);
            return values is { Length: 4 } ? new PixelBox(values[0], values[1], values[2], values[3]) : throw new JsonException("A box is [x, y, width, height].");
        }

        public override void Write(Utf8JsonWriter writer, PixelBox value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.X);
            writer.WriteNumberValue(value.Y);
            writer.WriteNumberValue(value.Width);
            writer.WriteNumberValue(value.Height);
            writer.WriteEndArray();
        }
    }
}
