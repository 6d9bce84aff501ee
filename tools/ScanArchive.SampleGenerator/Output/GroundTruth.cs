using System.Text.Encodings.Web;
using System.Text.Json;

namespace ScanArchive.SampleGenerator.Output;

/// <summary>Keys allowed in ground-truth fields (the scorer and the extractor share this vocabulary).</summary>
internal static class FieldKeys
{
    public const string CustomerName = "customer_name";
    public const string CustomerNo = "customer_no";
    public const string IdNumber = "id_number";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Address = "address";
    public const string DateOfBirth = "date_of_birth";
    public const string Gender = "gender";
    public const string DocumentDate = "document_date";
    public const string DocumentNo = "document_no";
    public const string Amount = "amount";
    public const string CompanyName = "company_name";
}

internal sealed record GroundTruthField(string Key, string Value);

internal sealed record QcTruth(bool Blank, bool Blurry, bool LowResolution, bool LowContrast, int Rotation, double SkewDegrees, int Dpi);

internal sealed record GroundTruth(string Text, IReadOnlyList<GroundTruthField> Fields, string DocType, QcTruth Qc, string Language, string Source)
{
    public const string License = "project-owned synthetic data";

    /// <summary>Indented UTF-8 JSON with literal CJK characters, "\n" line ends and a fixed property order.</summary>
    public byte[] ToJson()
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartObject();
            json.WriteString("text", Text);
            json.WriteStartArray("fields");
            foreach (var field in Fields)
            {
                json.WriteStartObject();
                json.WriteString("key", field.Key);
                json.WriteString("value", field.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("docType", DocType);
            json.WriteStartObject("qc");
            json.WriteBoolean("blank", Qc.Blank);
            json.WriteBoolean("blurry", Qc.Blurry);
            json.WriteBoolean("lowResolution", Qc.LowResolution);
            json.WriteBoolean("lowContrast", Qc.LowContrast);
            json.WriteNumber("rotation", Qc.Rotation);
            json.WriteNumber("skewDegrees", Qc.SkewDegrees);
            json.WriteNumber("dpi", Qc.Dpi);
            json.WriteEndObject();
            json.WriteString("language", Language);
            json.WriteString("source", Source);
            json.WriteString("license", License);
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
