using System.IO.Compression;
using System.Text.Json;
using JsonSerializer = System.Text.Json.JsonSerializer;
using LiteDB;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Archive.Storage;

/// <summary>
/// Explicit record ↔ BSON mapping. Written out by hand rather than left to LiteDB's reflection mapper so that the
/// stored shape is visible, stable across refactorings of the domain types, and free of mapper surprises with
/// records, interfaces and DateTimeOffset.
/// </summary>
internal static class BsonMapping
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = false };

    public static BsonDocument ToBson(Batch b) => new()
    {
        ["_id"] = b.Id,
        ["Name"] = b.Name,
        ["NameKey"] = NameKey(b.Name),
        ["State"] = b.State.ToString(),
        ["CreatedAt"] = b.CreatedAt.UtcDateTime,
        ["CreatedBy"] = b.CreatedBy,
        ["UpdatedAt"] = b.UpdatedAt.UtcDateTime,
        ["UpdatedBy"] = b.UpdatedBy,
        ["Note"] = b.Note is null ? BsonValue.Null : b.Note,
        ["EntryNumbers"] = new BsonArray(b.EntryNumbers.Select(n => new BsonValue(n))),
        ["Version"] = b.Version,
        ["Profile"] = b.Profile is null ? BsonValue.Null : b.Profile,
        ["Layout"] = b.Layout is null ? BsonValue.Null : new BsonArray(b.Layout.Select(r => (BsonValue)new BsonDocument
        {
            ["Id"] = r.Id,
            ["Pages"] = new BsonArray(r.PageIds.Select(id => new BsonValue(id))),
        })),
        ["InReviewBy"] = b.InReviewBy is null ? BsonValue.Null : b.InReviewBy,
        ["InReviewSince"] = b.InReviewSince is { } since ? since.UtcDateTime : BsonValue.Null,
    };

    public static Batch ToBatch(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        Name = d["Name"].AsString,
        State = Enum.Parse<BatchState>(d["State"].AsString),
        CreatedAt = Utc(d["CreatedAt"]),
        CreatedBy = d["CreatedBy"].AsString,
        UpdatedAt = Utc(d["UpdatedAt"]),
        UpdatedBy = d["UpdatedBy"].AsString,
        Note = d["Note"].IsNull ? null : d["Note"].AsString,
        EntryNumbers = d["EntryNumbers"].AsArray.Select(v => v.AsString).ToList(),

        // Absent in batches stored before versions and profiles were kept.
        Version = d["Version"].IsInt32 ? d["Version"].AsInt32 : 0,
        Profile = d["Profile"].IsString ? d["Profile"].AsString : null,

        // Absent in batches stored before reviewers could arrange documents and open batches for review.
        Layout = d["Layout"].IsArray
            ? d["Layout"].AsArray.Select(v => new ReviewDocument(v["Id"].AsString, v["Pages"].AsArray.Select(p => p.AsString).ToList())).ToList()
            : null,
        InReviewBy = d["InReviewBy"].IsString ? d["InReviewBy"].AsString : null,
        InReviewSince = d["InReviewSince"].IsDateTime ? Utc(d["InReviewSince"]) : null,
    };

    public static string NameKey(string name) => name.Trim().ToUpperInvariant();

    public static BsonDocument ToBson(BatchDocument d) => new()
    {
        ["_id"] = d.Id,
        ["BatchId"] = d.BatchId,
        ["Order"] = d.Order,
        ["SourceName"] = d.SourceName,
        ["Original"] = ToBson(d.Original),
        ["Status"] = d.Status.ToString(),
        ["PageCount"] = d.PageCount is { } n ? n : BsonValue.Null,
        ["Error"] = d.Error is null ? BsonValue.Null : d.Error,
        ["DocumentType"] = d.DocumentType is null ? BsonValue.Null : d.DocumentType,
        ["Group"] = d.Group is null ? BsonValue.Null : d.Group,
        ["BlankPagesSeparate"] = d.BlankPagesSeparate,
        ["Fields"] = JsonSerializer.Serialize(d.Fields, Json),
        ["Version"] = d.Version,
    };

    public static BatchDocument ToDocument(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        BatchId = d["BatchId"].AsString,
        Order = d["Order"].AsInt32,
        SourceName = d["SourceName"].AsString,
        Original = ToStoredFile(d["Original"].AsDocument),
        Status = Enum.Parse<DocumentStatus>(d["Status"].AsString),
        PageCount = d["PageCount"].IsNull ? null : d["PageCount"].AsInt32,
        Error = d["Error"].IsNull ? null : d["Error"].AsString,
        DocumentType = d["DocumentType"].IsNull ? null : d["DocumentType"].AsString,
        Group = d["Group"].IsNull ? null : d["Group"].AsString,

        // Absent in documents stored before separator sheets could be set per scan profile.
        BlankPagesSeparate = d["BlankPagesSeparate"].IsBoolean && d["BlankPagesSeparate"].AsBoolean,
        Fields = JsonSerializer.Deserialize<List<ExtractedField>>(d["Fields"].AsString, Json) ?? [],
        Version = d["Version"].IsInt32 ? d["Version"].AsInt32 : 0,
    };

    public static BsonDocument ToBson(BatchPage p) => new()
    {
        ["_id"] = p.Id,
        ["BatchId"] = p.BatchId,
        ["DocumentId"] = p.DocumentId,
        ["PageNumber"] = p.PageNumber,
        ["Ocr"] = CompressOcr(p.Ocr),
        ["Image"] = p.Image is null ? BsonValue.Null : ToBson(p.Image),
        ["TextLayer"] = p.TextLayer is null ? BsonValue.Null : ToBson(p.TextLayer),
        ["Blank"] = p.Blank,
        ["Review"] = p.Review.ToString(),
        ["ReviewReason"] = p.ReviewReason is null ? BsonValue.Null : p.ReviewReason,
        ["ReviewedBy"] = p.ReviewedBy is null ? BsonValue.Null : p.ReviewedBy,
        ["ProcessedAt"] = p.ProcessedAt.UtcDateTime,
        ["Original"] = p.Original is null ? BsonValue.Null : ToBson(p.Original),
        ["History"] = new BsonArray(p.History.Select(h => (BsonValue)new BsonDocument
        {
            ["Image"] = h.Image is null ? BsonValue.Null : ToBson(h.Image),
            ["TextLayer"] = h.TextLayer is null ? BsonValue.Null : ToBson(h.TextLayer),
            ["Original"] = h.Original is null ? BsonValue.Null : ToBson(h.Original),
            ["Change"] = h.Change,
            ["User"] = h.User,
            ["At"] = h.At.UtcDateTime,
        })),
        ["Rework"] = p.Rework is null ? BsonValue.Null : ToBson(p.Rework),
        ["TextCorrected"] = p.TextCorrected,
    };

    public static BsonDocument ToBson(PageRework r) => new()
    {
        ["Change"] = r.Change,
        ["User"] = r.User,
        ["At"] = r.At.UtcDateTime,
        ["Original"] = r.Original is null ? BsonValue.Null : ToBson(r.Original),
    };

    public static PageRework ToRework(BsonDocument d) =>
        new(d["Change"].AsString, d["User"].AsString, Utc(d["At"])) { Original = d["Original"].IsDocument ? ToStoredFile(d["Original"].AsDocument) : null };

    public static BsonDocument ToBson(RescanRequest r) => new()
    {
        ["_id"] = r.Id,
        ["BatchId"] = r.BatchId,
        ["BatchName"] = r.BatchName,
        ["PageId"] = r.PageId,
        ["Reason"] = r.Reason is null ? BsonValue.Null : r.Reason,
        ["RequestedBy"] = r.RequestedBy,
        ["RequestedAt"] = r.RequestedAt.UtcDateTime,
        ["DoneBy"] = r.DoneBy is null ? BsonValue.Null : r.DoneBy,
        ["DoneAt"] = r.DoneAt is { } at ? at.UtcDateTime : BsonValue.Null,
        ["Open"] = r.IsOpen,
    };

    public static RescanRequest ToRescan(BsonDocument d) => new(
        d["_id"].AsString, d["BatchId"].AsString, d["BatchName"].AsString, d["PageId"].AsString,
        d["Reason"].IsString ? d["Reason"].AsString : null, d["RequestedBy"].AsString, Utc(d["RequestedAt"]))
    {
        DoneBy = d["DoneBy"].IsString ? d["DoneBy"].AsString : null,
        DoneAt = d["DoneAt"].IsDateTime ? Utc(d["DoneAt"]) : null,
    };

    public static BatchPage ToPage(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        BatchId = d["BatchId"].AsString,
        DocumentId = d["DocumentId"].AsString,
        PageNumber = d["PageNumber"].AsInt32,
        Ocr = DecompressOcr(d["Ocr"].AsBinary),
        Image = d["Image"].IsNull ? null : ToPageImage(d["Image"].AsDocument),
        TextLayer = d["TextLayer"].IsNull ? null : ToStoredFile(d["TextLayer"].AsDocument),
        Blank = d["Blank"].AsBoolean,
        Review = Enum.Parse<ReviewStatus>(d["Review"].AsString),
        ReviewReason = d["ReviewReason"].IsString ? d["ReviewReason"].AsString : null,
        ReviewedBy = d["ReviewedBy"].IsString ? d["ReviewedBy"].AsString : null,
        ProcessedAt = Utc(d["ProcessedAt"]),

        // Absent in pages stored before pages could be turned and scanned again in place.
        Original = d["Original"].IsDocument ? ToStoredFile(d["Original"].AsDocument) : null,
        History = d["History"].IsArray
            ? d["History"].AsArray.Select(v => v.AsDocument).Select(h => new PageRevision(
                h["Image"].IsDocument ? ToPageImage(h["Image"].AsDocument) : null,
                h["TextLayer"].IsDocument ? ToStoredFile(h["TextLayer"].AsDocument) : null,
                h["Original"].IsDocument ? ToStoredFile(h["Original"].AsDocument) : null,
                h["Change"].AsString,
                h["User"].AsString,
                Utc(h["At"]))).ToList()
            : [],
        Rework = d["Rework"].IsDocument ? ToRework(d["Rework"].AsDocument) : null,
        TextCorrected = d["TextCorrected"].IsBoolean && d["TextCorrected"].AsBoolean,
    };

    public static BsonDocument ToBson(ArchiveEntry e) => new()
    {
        ["_id"] = e.Number,
        ["Series"] = e.Series,
        ["Sequence"] = e.Sequence,
        ["BatchId"] = e.BatchId,
        ["BatchName"] = e.BatchName,
        ["Title"] = e.Title,
        ["DocumentType"] = e.DocumentType,
        ["Fields"] = new BsonDocument(e.Fields.ToDictionary(kv => kv.Key, kv => new BsonValue(kv.Value))),
        ["Pages"] = new BsonArray(e.Pages.Select(p => (BsonValue)new BsonDocument
        {
            ["Number"] = p.Number,
            ["PageId"] = p.PageId,
            ["Text"] = p.Text,
            ["Image"] = p.Image is null ? BsonValue.Null : ToBson(p.Image),
            ["TextLayer"] = p.TextLayer is null ? BsonValue.Null : ToBson(p.TextLayer),
        })),
        ["Pdf"] = ToBson(e.Pdf),
        ["CustomerId"] = e.CustomerId is null ? BsonValue.Null : e.CustomerId,
        ["CustomerConflict"] = e.CustomerConflict is null ? BsonValue.Null : e.CustomerConflict,
        ["Originals"] = new BsonArray(e.Originals.Select(f => (BsonValue)ToBson(f))),
        ["CommittedBy"] = e.CommittedBy,
        ["CommittedAt"] = e.CommittedAt.UtcDateTime,
    };

    public static ArchiveEntry ToEntry(BsonDocument d) => new()
    {
        Number = d["_id"].AsString,
        Series = d["Series"].AsString,
        Sequence = d["Sequence"].AsInt64,
        BatchId = d["BatchId"].AsString,
        BatchName = d["BatchName"].AsString,
        Title = d["Title"].AsString,
        DocumentType = d["DocumentType"].AsString,
        Fields = d["Fields"].AsDocument.ToDictionary(kv => kv.Key, kv => kv.Value.AsString),
        Pages = d["Pages"].AsArray.Select(v => v.AsDocument).Select(p => new EntryPage(
            p["Number"].AsInt32,
            p["PageId"].AsString,
            p["Text"].AsString,
            p["Image"].IsNull ? null : ToStoredFile(p["Image"].AsDocument),
            p["TextLayer"].IsNull ? null : ToStoredFile(p["TextLayer"].AsDocument))).ToList(),
        Pdf = ToStoredFile(d["Pdf"].AsDocument),
        CustomerId = d["CustomerId"].IsNull ? null : d["CustomerId"].AsString,
        CustomerConflict = d["CustomerConflict"].IsNull ? null : d["CustomerConflict"].AsString,
        Originals = d["Originals"].AsArray.Select(v => ToStoredFile(v.AsDocument)).ToList(),
        CommittedBy = d["CommittedBy"].AsString,
        CommittedAt = Utc(d["CommittedAt"]),
    };

    public static BsonDocument ToBson(Customer c) => new()
    {
        ["_id"] = c.Id,
        ["IdNumber"] = c.IdNumber is null ? BsonValue.Null : c.IdNumber,
        ["CustomerNo"] = c.CustomerNo is null ? BsonValue.Null : c.CustomerNo,
        ["Name"] = c.Name is null ? BsonValue.Null : c.Name,
        ["Phone"] = c.Phone is null ? BsonValue.Null : c.Phone,
        ["Entries"] = new BsonArray(c.Entries.Select(n => new BsonValue(n))),
        ["CreatedAt"] = c.CreatedAt.UtcDateTime,
    };

    public static Customer ToCustomer(BsonDocument d) => new(
        d["_id"].AsString,
        d["IdNumber"].IsNull ? null : d["IdNumber"].AsString,
        d["CustomerNo"].IsNull ? null : d["CustomerNo"].AsString,
        d["Name"].IsNull ? null : d["Name"].AsString,
        d["Phone"].IsNull ? null : d["Phone"].AsString,
        d["Entries"].AsArray.Select(v => v.AsString).ToList(),
        Utc(d["CreatedAt"]));

    public static BsonDocument ToBson(StoredFile f) => new()
    {
        ["Path"] = f.Path,
        ["Sha256"] = f.Sha256,
        ["Length"] = f.Length,
    };

    public static StoredFile ToStoredFile(BsonDocument d) => new(d["Path"].AsString, d["Sha256"].AsString, d["Length"].AsInt64);

    public static BsonDocument ToBson(PageImage i)
    {
        var d = ToBson(i.File);
        d["Kind"] = i.Kind.ToString();
        d["Width"] = i.Width;
        d["Height"] = i.Height;
        d["Dpi"] = i.Dpi;
        return d;
    }

    public static PageImage ToPageImage(BsonDocument d) =>
        new(ToStoredFile(d), Enum.Parse<PageImageKind>(d["Kind"].AsString), d["Width"].AsInt32, d["Height"].AsInt32, d["Dpi"].AsInt32);

    private static DateTimeOffset Utc(BsonValue v) => new(DateTime.SpecifyKind(v.AsDateTime.ToUniversalTime(), DateTimeKind.Utc));

    // OCR results are the bulk of a page record (every word with its box); compressed JSON keeps them ~10× smaller.
    internal static byte[] CompressOcr(OcrPage page)
    {
        using var buffer = new MemoryStream();
        using (var zip = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(zip, page, Json);
        }

        return buffer.ToArray();
    }

    internal static OcrPage DecompressOcr(byte[] bytes)
    {
        using var zip = new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<OcrPage>(zip, Json) ?? throw new InvalidDataException("Empty OCR record.");
    }
}
