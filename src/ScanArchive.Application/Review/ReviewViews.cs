using ScanArchive.Application.Batches;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Extraction;

namespace ScanArchive.Application.Review;

/// <summary>A document as the reviewer sees it, and as it will become one archive entry.</summary>
/// <param name="Id">Review document id (for split, merge, move-page).</param>
/// <param name="Number">1-based position in the batch.</param>
/// <param name="Title">The file (or scan session) its first page came from.</param>
/// <param name="DocumentType">Document type of its first classified source document (<c>other</c> when none).</param>
/// <param name="Version">The batch's version (every page, document and layout change raises it).</param>
/// <param name="Pages">Its pages in order.</param>
/// <param name="Fields">Its fields, required ones that were not found included (state <see cref="FieldReviewState.Missing"/>).</param>
public sealed record ReviewDocumentView(string Id, int Number, string Title, string DocumentType, int Version, IReadOnlyList<ReviewPageView> Pages, IReadOnlyList<ReviewFieldView> Fields);

/// <summary>A page in a review document.</summary>
/// <param name="Id">Page id (for the page routes).</param>
/// <param name="Number">1-based position in its review document.</param>
/// <param name="DocumentId">The source document (imported file or scanned sheet) it belongs to.</param>
/// <param name="PageNumber">Its page number in that source document (fields' <c>page</c> refers to it).</param>
/// <param name="Page">Everything else about the page (QC, review state, size).</param>
/// <param name="Rework">A turn or rescan being carried out (<c>rotate 90</c>, <c>rescan</c>), or null.</param>
/// <param name="Revisions">How many earlier images the page has kept.</param>
public sealed record ReviewPageView(string Id, int Number, string DocumentId, int PageNumber, PageView Page, string? Rework, int Revisions);

/// <summary>A field of a review document, with the state the screen colours it by.</summary>
/// <param name="Key">Canonical key.</param>
/// <param name="Value">Normalized value ("" when missing).</param>
/// <param name="Raw">As printed.</param>
/// <param name="Confidence">0–1.</param>
/// <param name="Validation">What extraction's validation said.</param>
/// <param name="Source">How it was found.</param>
/// <param name="Page">Page number in its source document (see <see cref="ReviewPageView.PageNumber"/>).</param>
/// <param name="PageId">The page its evidence is on (null for a missing field).</param>
/// <param name="Box">Evidence box <c>[x, y, w, h]</c> in that page image's pixels.</param>
/// <param name="ConfirmedBy">Who typed or confirmed it.</param>
/// <param name="State">valid, attention, invalid, missing or confirmed.</param>
/// <param name="Required">The document type requires it.</param>
/// <param name="DocumentId">The source document to send corrections to (<c>PUT …/documents/{documentId}/fields/{key}</c>).</param>
/// <param name="Version">That source document's version (send it with the correction).</param>
public sealed record ReviewFieldView(
    string Key,
    string Value,
    string Raw,
    double Confidence,
    FieldValidation Validation,
    FieldSource Source,
    int Page,
    string? PageId,
    int[] Box,
    string? ConfirmedBy,
    FieldReviewState State,
    bool Required,
    string DocumentId,
    int Version);

/// <summary>A recognized word on a page image.</summary>
/// <param name="Text">The word.</param>
/// <param name="Box"><c>[x, y, w, h]</c> in the page image's pixels.</param>
/// <param name="Confidence">0–100.</param>
/// <param name="Line">Index of its line in reading order (Shift-click extends in this order).</param>
/// <param name="Chars">Its characters with their boxes and confidences (Chinese words), or null.</param>
public sealed record WordView(string Text, int[] Box, double Confidence, int Line, IReadOnlyList<CharView>? Chars);

/// <summary>A recognized character.</summary>
public sealed record CharView(string Text, int[] Box, double Confidence);

/// <summary>A line read on the spot from a box drawn on the page.</summary>
public sealed record LineReading(string Text, double Confidence);

/// <summary>A page image ready to send, or "not modified".</summary>
/// <param name="Bytes">The image (null when not modified).</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="ETag">Strong entity tag (quoted).</param>
public sealed record PageImageContent(byte[]? Bytes, string ContentType, string ETag)
{
    /// <summary>True when the caller's copy is current.</summary>
    public bool NotModified => Bytes is null;
}

/// <summary>A batch in the review queue.</summary>
public sealed record ReviewQueueItem(
    string Id,
    string Name,
    BatchState State,
    int Version,
    string Clerk,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    double AgeHours,
    int Pages,
    int Documents,
    int QcWarnings,
    int QcFailures,
    int FieldsInvalid,
    int FieldsMissing,
    int PagesUnreviewed,
    string? InReviewBy,
    DateTimeOffset? InReviewSince,
    int FieldsFromTemplate);

/// <summary>One label of the label sheet for the paper folders.</summary>
/// <param name="Number">Archive number (as text and in the QR code).</param>
/// <param name="DocumentType">Document type.</param>
/// <param name="Customer">Customer name (or number) on the entry, if any.</param>
/// <param name="CustomerId">The customer file it was filed under.</param>
/// <param name="Pages">Page count.</param>
/// <param name="QrSvg">The archive number as a QR code, SVG markup.</param>
public sealed record EntryLabel(string Number, string DocumentType, string? Customer, string? CustomerId, int Pages, string QrSvg);
