using System.Text.Json;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Core.Analysis;

/// <summary>
/// Reads a document written by <see cref="AnalysisJson"/> back (pages, lines, words, fields, pairs, docType), so that
/// later steps such as field extraction can run on saved recognition results without recognizing the pages again.
/// </summary>
/// <remarks>
/// The schema does not carry the engine's layout blocks: every line read back is its own block, which
/// <see cref="ReadingOrder"/> treats as a free-standing line. Errors (<c>{"file","error"}</c>) read back as a document
/// without pages.
/// </remarks>
public static class AnalysisJsonReader
{
    /// <summary>Reads one document object.</summary>
    /// <param name="json">UTF-8 JSON of one document, as <see cref="AnalysisJson.Write"/> writes it.</param>
    /// <param name="path">The path to record as the input (defaults to the document's <c>file</c>).</param>
    /// <exception cref="JsonException">The JSON is not a document in the schema.</exception>
    public static DocumentAnalysis Read(ReadOnlySpan<byte> json, string? path = null)
    {
        var reader = new Utf8JsonReader(json);
        using var doc = JsonDocument.ParseValue(ref reader);
        return Read(doc.RootElement, path);
    }

    /// <summary>Reads one document object from a parsed element.</summary>
    /// <exception cref="JsonException">The element is not a document in the schema.</exception>
    public static DocumentAnalysis Read(JsonElement root, string? path = null)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("An analysis document must be a JSON object.");
        }

        var file = root.TryGetProperty("file", out var f) ? f.GetString() ?? string.Empty : string.Empty;
        var input = new AnalysisInput(path ?? file, file);
        if (!root.TryGetProperty("pages", out var pages) || pages.ValueKind != JsonValueKind.Array)
        {
            return new DocumentAnalysis { Input = input };
        }

        return new DocumentAnalysis
        {
            Input = input,
            Pages = pages.EnumerateArray().Select(ReadPage).ToList(),
            Fields = root.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Array
                ? fields.EnumerateArray().Select(ReadField).ToList()
                : [],
            Pairs = root.TryGetProperty("pairs", out var pairs) && pairs.ValueKind == JsonValueKind.Array
                ? pairs.EnumerateArray().Select(ReadPair).ToList()
                : [],
            DocType = root.TryGetProperty("docType", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null,
        };
    }

    private static OcrPage ReadPage(JsonElement page)
    {
        var lines = new List<OcrLine>();
        var block = 0;
        foreach (var line in page.GetProperty("lines").EnumerateArray())
        {
            var words = line.GetProperty("words").EnumerateArray()
                .Select(w => new OcrWord(w.GetProperty("text").GetString() ?? string.Empty, ReadBox(w.GetProperty("box")), (float)w.GetProperty("confidence").GetDouble()))
                .Where(w => !string.IsNullOrWhiteSpace(w.Text))
                .ToList();
            lines.Add(new OcrLine(line.GetProperty("text").GetString() ?? string.Empty, ReadBox(line.GetProperty("box")), words, block++));
        }

        var source = page.TryGetProperty("textSource", out var s) ? s.GetString() : "ocr";
        return new OcrPage(
            page.GetProperty("width").GetInt32(),
            page.GetProperty("height").GetInt32(),
            page.GetProperty("dpi").GetInt32(),
            (float)page.GetProperty("meanConfidence").GetDouble(),
            page.TryGetProperty("languages", out var l) ? l.GetString() ?? string.Empty : string.Empty,
            lines,
            source switch { "embedded" => TextSource.EmbeddedText, "none" => TextSource.None, _ => TextSource.Ocr })
        {
            SkewCorrectedDegrees = page.TryGetProperty("skewCorrectedDegrees", out var skew) ? skew.GetDouble() : 0,
            UpscaleFactor = page.TryGetProperty("upscaleFactor", out var up) ? up.GetDouble() : 1,
        };
    }

    private static ExtractedField ReadField(JsonElement field) =>
        new(
            field.GetProperty("key").GetString() ?? string.Empty,
            field.GetProperty("value").GetString() ?? string.Empty,
            field.TryGetProperty("raw", out var raw) ? raw.GetString() ?? string.Empty : string.Empty,
            field.TryGetProperty("confidence", out var c) ? c.GetDouble() : 0,
            field.TryGetProperty("page", out var p) ? p.GetInt32() : 1,
            field.TryGetProperty("box", out var b) ? ReadBox(b) : default)
        {
            Validation = field.TryGetProperty("validation", out var v) && Enum.TryParse<FieldValidation>(v.GetString(), ignoreCase: true, out var validation)
                ? validation : FieldValidation.Unchecked,
            Source = field.TryGetProperty("source", out var s) && Enum.TryParse<FieldSource>(s.GetString(), ignoreCase: true, out var source)
                ? source : FieldSource.Label,
            Label = field.TryGetProperty("label", out var label) ? label.GetString() : null,
        };

    private static ExtractedPair ReadPair(JsonElement pair) =>
        new(
            pair.GetProperty("label").GetString() ?? string.Empty,
            pair.GetProperty("value").GetString() ?? string.Empty,
            pair.TryGetProperty("confidence", out var c) ? c.GetDouble() : 0,
            pair.TryGetProperty("page", out var p) ? p.GetInt32() : 1,
            pair.TryGetProperty("labelBox", out var lb) ? ReadBox(lb) : default,
            pair.TryGetProperty("box", out var b) ? ReadBox(b) : default);

    private static PixelBox ReadBox(JsonElement box)
    {
        var v = box.EnumerateArray().Select(e => e.GetInt32()).ToArray();
        return v.Length == 4 ? new PixelBox(v[0], v[1], v[2], v[3]) : throw new JsonException("A box must be [x, y, width, height].");
    }
}
