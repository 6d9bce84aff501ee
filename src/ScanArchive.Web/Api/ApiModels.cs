using ScanArchive.Core.Archive;
using ScanArchive.Core.Capture;

namespace ScanArchive.Web.Api;

/// <summary>User name and password.</summary>
public sealed record Credentials(string UserName, string Password);

/// <summary>The signed-in person, and the anti-forgery token for their cookie-authenticated calls.</summary>
public sealed record SignedIn(string UserName, string DisplayName, string Role, string AntiforgeryHeader, string? AntiforgeryToken);

/// <summary>A bearer token for <c>Authorization: Bearer</c>.</summary>
public sealed record TokenResponse(string Token, DateTimeOffset Expires);

/// <summary>The anti-forgery token to send in <see cref="HeaderName"/> with cookie-authenticated calls.</summary>
public sealed record AntiforgeryToken(string HeaderName, string? Token);

/// <summary>The server is up.</summary>
public sealed record Health(string Status, DateTimeOffset Time);

/// <summary>A new batch.</summary>
public sealed record CreateBatchRequest(string Name, string? Profile = null);

/// <summary>Where a batch stands after a change.</summary>
public sealed record BatchStatusView(string Id, string Name, BatchState State, int Version, DateTimeOffset UpdatedAt, string UpdatedBy, string? Note, IReadOnlyList<string> EntryNumbers)
{
    public static BatchStatusView Of(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new(batch.Id, batch.Name, batch.State, batch.Version, batch.UpdatedAt, batch.UpdatedBy, batch.Note, batch.EntryNumbers);
    }
}

/// <summary>What an upload stored and refused; <see cref="Events"/> streams the recognition's progress.</summary>
/// <param name="Skipped">Files passed over because the batch already holds the same content.</param>
/// <param name="Duplicates">Files stored although the same content is elsewhere in the archive (named in the message).</param>
public sealed record UploadResponse(string Batch, IReadOnlyList<UploadedDocument> Imported, IReadOnlyList<UploadRefusal> Refused, IReadOnlyList<UploadRefusal> Skipped, IReadOnlyList<UploadRefusal> Duplicates, string Events)
{
    public static UploadResponse Of(Application.Capture.UploadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Batch, result.Imported.Select(d => new UploadedDocument(d.Id, d.SourceName)).ToList(),
            result.Refused.Select(r => new UploadRefusal(r.DisplayName, r.Message)).ToList(),
            result.AlreadyInBatch.Select(s => new UploadRefusal(s.DisplayName, s.Message)).ToList(),
            result.FoundElsewhere.Select(d => new UploadRefusal(d.DisplayName, d.Message)).ToList(),
            $"/api/batches/{Uri.EscapeDataString(result.Batch)}/events");
    }
}

/// <summary>A document stored from an upload.</summary>
public sealed record UploadedDocument(string Id, string SourceName);

/// <summary>A file refused, with the reason in the caller's language.</summary>
public sealed record UploadRefusal(string Name, string Message);

/// <summary>Scan settings for a batch.</summary>
public sealed record ScanRequest(string Device, ScanSource? Source = null, int? Dpi = null, ColorMode? Mode = null, string? Profile = null, IReadOnlyDictionary<string, string>? Options = null, int? MaxPages = null);

/// <summary>A scan started in the background.</summary>
public sealed record ScanStarted(string Batch, string Device, string Events);

/// <summary>A reviewer's value for a field, against the document version they saw; <c>page</c> (the field's page in its document) keeps the other pages' values of the key.</summary>
public sealed record FieldUpdateRequest(string Value, int Version, int? Page = null);

/// <summary>Approve a page (optionally only if the batch is still at <see cref="Version"/>).</summary>
public sealed record PageApproveRequest(int? Version = null);

/// <summary>Reject a page with a reason.</summary>
public sealed record PageRejectRequest(string Reason, int? Version = null);

/// <summary>Approve a batch; an override reason approves despite open items (audited).</summary>
public sealed record BatchApproveRequest(string? OverrideReason = null, int? Version = null);

/// <summary>Send a batch back with a reason.</summary>
public sealed record BatchRejectRequest(string Reason);

/// <summary>Commit options.</summary>
public sealed record CommitRequest(bool SplitAtBlank = false);

/// <summary>The entries a commit created.</summary>
public sealed record CommitResponse(string Batch, IReadOnlyList<string> Numbers, IReadOnlyList<EntryView> Entries);

/// <summary>An archive entry as the API shows it (stored paths stay inside).</summary>
public sealed record EntryView(
    string Number,
    string Series,
    long Sequence,
    string BatchName,
    string Title,
    string DocumentType,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<EntryPageView> Pages,
    string? CustomerId,
    string? CustomerConflict,
    string CommittedBy,
    DateTimeOffset CommittedAt,
    string Pdf,
    long PdfBytes,
    string PdfSha256)
{
    public static EntryView Of(ArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Number, entry.Series, entry.Sequence, entry.BatchName, entry.Title, entry.DocumentType, entry.Fields,
            entry.Pages.Select(p => new EntryPageView(p.Number, p.Text)).ToList(), entry.CustomerId, entry.CustomerConflict,
            entry.CommittedBy, entry.CommittedAt, $"/api/entries/{Uri.EscapeDataString(entry.Number)}/pdf", entry.Pdf.Length, entry.Pdf.Sha256);
    }
}

/// <summary>A page of an entry: its number and recognized text.</summary>
public sealed record EntryPageView(int Number, string Text);

/// <summary>A page of entries.</summary>
public sealed record EntryList(int Total, int Skip, int Take, IReadOnlyList<EntryView> Items);

/// <summary>A customer file.</summary>
public sealed record CustomerView(Customer Customer, IReadOnlyList<EntryView> Entries);
