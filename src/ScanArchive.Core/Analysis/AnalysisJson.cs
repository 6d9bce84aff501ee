using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Quality;

namespace ScanArchive.Core.Analysis;

/// <summary>
/// Writes analysis results in the documented <c>analyze</c> JSON schema (README, "analyze output"):
/// <c>{"file","text","docType","fields":[{"key","value","raw","confidence","page","box","validation","source","label"}],
/// "pairs":[{"label","value","confidence","page","labelBox","box"}],"pages":[{"number","width","height","dpi","meanConfidence","languages",
/// "textSource","skewCorrectedDegrees","upscaleFactor","qc":{...},"lines":[{"text","box":[x,y,w,h],"words":[{"text","box","confidence"}]}]}]}</c>,
/// or <c>{"file","error":{"code","message"}}</c> for a document that failed.
/// </summary>
public static class AnalysisJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // Chinese text stays readable in the file instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one document's result.</summary>
    public static void Write(Stream stream, DocumentAnalysis analysis, CultureInfo? uiCulture = null)
    {
        using var writer = new Utf8JsonWriter(stream, Options);
        WriteDocument(writer, analysis, uiCulture);
    }

    /// <summary>Writes several results as one JSON array.</summary>
    public static void WriteArray(Stream stream, IEnumerable<DocumentAnalysis> analyses, CultureInfo? uiCulture = null)
    {
        using var writer = new Utf8JsonWriter(stream, Options);
        writer.WriteStartArray();
        foreach (var analysis in analyses)
        {
            WriteDocument(writer, analysis, uiCulture);
        }

        writer.WriteEndArray();
    }

    /// <summary>The result as a JSON string.</summary>
    public static string ToJson(DocumentAnalysis analysis, CultureInfo? uiCulture = null)
    {
        using var buffer = new MemoryStream();
        Write(buffer, analysis, uiCulture);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A stable error code for scripts: the <see cref="DocumentProblem"/> name, or <c>OcrFailed</c>.</summary>
    public static string ErrorCode(Exception error) => error switch
    {
        DocumentReadException read => read.Problem.ToString(),
        OcrException => "OcrFailed",
        _ => "Failed",
    };

    /// <summary>The error's message for the user in a UI culture.</summary>
    public static string ErrorMessage(Exception error, CultureInfo? uiCulture) => error switch
    {
        DocumentReadException read => read.MessageIn(uiCulture ?? CultureInfo.CurrentUICulture),
        _ => error.Message,
    };

    private static void WriteDocument(Utf8JsonWriter writer, DocumentAnalysis analysis, CultureInfo? uiCulture)
    {
        writer.WriteStartObject();
        writer.WriteString("file", analysis.Input.RelativePath.Replace('\\', '/'));
        if (analysis.Error is { } error)
        {
            writer.WriteStartObject("error");
            writer.WriteString("code", ErrorCode(error));
            writer.WriteString("message", ErrorMessage(error, uiCulture));
            writer.WriteEndObject();
            writer.WriteEndObject();
            return;
        }

        writer.WriteString("text", analysis.Text);
        writer.WriteString("docType", analysis.DocType);
        WriteFields(writer, analysis.Fields);
        WritePairs(writer, analysis.Pairs);
        writer.WriteStartArray("pages");
        var number = 1;
        foreach (var page in analysis.Pages)
        {
            WritePage(writer, page, number++, uiCulture);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter writer, IReadOnlyList<ExtractedField> fields)
    {
        writer.WriteStartArray("fields");
        foreach (var field in fields)
        {
            writer.WriteStartObject();
            writer.WriteString("key", field.Key);
            writer.WriteString("value", field.Value);
            writer.WriteString("raw", field.Raw);
            writer.WriteNumber("confidence", Math.Round(field.Confidence, 3));
            writer.WriteNumber("page", field.Page);
            WriteBox(writer, "box", field.Box);
            writer.WriteString("validation", JsonName(field.Validation.ToString()));
            writer.WriteString("source", JsonName(field.Source.ToString()));
            if (field.Label is not null)
            {
                writer.WriteString("label", field.Label);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WritePairs(Utf8JsonWriter writer, IReadOnlyList<ExtractedPair> pairs)
    {
        writer.WriteStartArray("pairs");
        foreach (var pair in pairs)
        {
            writer.WriteStartObject();
            writer.WriteString("label", pair.Label);
            writer.WriteString("value", pair.Value);
            writer.WriteNumber("confidence", Math.Round(pair.Confidence, 3));
            writer.WriteNumber("page", pair.Page);
            WriteBox(writer, "labelBox", pair.LabelBox);
            WriteBox(writer, "box", pair.ValueBox);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>An enum member's name as the schema spells it (<c>Valid</c> → <c>valid</c>).</summary>
    private static string JsonName(string member) => char.ToLowerInvariant(member[0]) + member[1..];

    private static void WritePage(Utf8JsonWriter writer, OcrPage page, int number, CultureInfo? uiCulture)
    {
        writer.WriteStartObject();
        writer.WriteNumber("number", number);
        writer.WriteNumber("width", page.Width);
        writer.WriteNumber("height", page.Height);
        writer.WriteNumber("dpi", page.Dpi);
        writer.WriteNumber("meanConfidence", Math.Round(page.MeanConfidence, 2));
        writer.WriteString("languages", page.Languages);
        writer.WriteString("textSource", page.Source switch
        {
            TextSource.Ocr => "ocr",
            TextSource.EmbeddedText => "embedded",
            _ => "none",
        });
        writer.WriteNumber("skewCorrectedDegrees", Math.Round(page.SkewCorrectedDegrees, 2));
        writer.WriteNumber("upscaleFactor", page.UpscaleFactor);
        if (page.Quality is { } quality)
        {
            writer.WritePropertyName("qc");
            WriteQuality(writer, quality, uiCulture);
        }
        else
        {
            writer.WriteNull("qc");
        }

        writer.WriteStartArray("lines");
        foreach (var row in ReadingOrder.Rows(page.Lines))
        {
            foreach (var line in row)
            {
                writer.WriteStartObject();
                writer.WriteString("text", line.Text);
                WriteBox(writer, "box", line.Box);
                writer.WriteStartArray("words");
                foreach (var word in line.Words)
                {
                    writer.WriteStartObject();
                    writer.WriteString("text", word.Text);
                    WriteBox(writer, "box", word.Box);
                    writer.WriteNumber("confidence", Math.Round(word.Confidence, 2));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a page's quality check as a JSON object (README, "qc"): verdict, reason codes, the reviewer sentence in
    /// the UI culture, the defect flags, the measurements and what cleanup did. For batches and the review screen too.
    /// </summary>
    public static void WriteQuality(Utf8JsonWriter writer, PageQuality quality, CultureInfo? uiCulture = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(quality);
        var m = quality.Metrics;
        writer.WriteStartObject();
        writer.WriteString("verdict", CamelCase(quality.Verdict.ToString()));
        writer.WriteStartArray("reasons");
        foreach (var issue in quality.Issues)
        {
            writer.WriteStringValue(CamelCase(issue.Reason.ToString()));
        }

        writer.WriteEndArray();
        writer.WriteString("message", quality.Describe(uiCulture));
        writer.WriteBoolean("blank", quality.Blank);
        writer.WriteBoolean("blurry", quality.Blurry);
        writer.WriteBoolean("lowResolution", quality.LowResolution);
        writer.WriteBoolean("lowContrast", quality.LowContrast);
        writer.WriteNumber("rotation", m.Rotation);
        writer.WriteNumber("skewDegrees", Math.Round(m.SkewDegrees, 2));
        WriteNumberOrNull(writer, "dpi", m.Dpi);
        writer.WriteString("dpiSource", m.DpiSource == DpiSource.Header ? "header" : "estimated");
        WriteNumberOrNull(writer, "textHeight", m.TextHeightPixels is { } h ? Math.Round(h, 1) : null);
        WriteNumberOrNull(writer, "sharpness", m.Sharpness is { } sharp ? Math.Round(sharp, 3) : null);
        writer.WriteNumber("contrast", Math.Round(m.Contrast, 1));
        writer.WriteNumber("brightness", Math.Round(m.Brightness, 1));
        writer.WriteNumber("inkCoverage", Math.Round(m.InkCoverage, 5));
        writer.WriteNumber("orientationConfidence", Math.Round(m.OrientationConfidence, 2));
        writer.WriteString("orientationMethod", m.OrientationMethod);
        writer.WriteStartArray("cutOffSides");
        foreach (var side in new[] { PageSides.Left, PageSides.Top, PageSides.Right, PageSides.Bottom })
        {
            if (m.CutOffSides.HasFlag(side))
            {
                writer.WriteStringValue(CamelCase(side.ToString()));
            }
        }

        writer.WriteEndArray();
        WriteNumberOrNull(writer, "colourFraction", m.ColourFraction is { } colour ? Math.Round(colour, 5) : null);
        writer.WriteStartObject("cleanup");
        writer.WriteNumber("rotatedClockwise", quality.Cleanup.RotatedClockwise);
        writer.WriteNumber("deskewedDegrees", Math.Round(quality.Cleanup.DeskewedDegrees, 2));
        if (quality.Cleanup.Crop is { } crop)
        {
            WriteBox(writer, "crop", crop);
        }
        else
        {
            writer.WriteNull("crop");
        }

        WriteNumberOrNull(writer, "restoredBlurSigma", quality.Cleanup.RestoredBlurSigma);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static void WriteBox(Utf8JsonWriter writer, string name, PixelBox box)
    {
        writer.WriteStartArray(name);
        writer.WriteNumberValue(box.X);
        writer.WriteNumberValue(box.Y);
        writer.WriteNumberValue(box.Width);
        writer.WriteNumberValue(box.Height);
        writer.WriteEndArray();
    }
}
