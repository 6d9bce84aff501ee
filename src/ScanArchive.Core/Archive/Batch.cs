namespace ScanArchive.Core.Archive;

/// <summary>
/// Where a batch is in its life. Batches only move forward, except that a rejected batch can be
/// processed again after the clerk rescans or fixes it.
/// </summary>
public enum BatchState
{
    /// <summary>Pages are being imported or scanned.</summary>
    Capturing,

    /// <summary>Pages are being recognized.</summary>
    Processing,

    /// <summary>Every page is recognized; waiting for a QC reviewer.</summary>
    ReadyForReview,

    /// <summary>A reviewer approved it; it can be committed.</summary>
    Approved,

    /// <summary>A reviewer rejected it (see <see cref="Batch.Note"/>).</summary>
    Rejected,

    /// <summary>Its documents are numbered archive entries. Final.</summary>
    Committed,
}

/// <summary>One capture session, typically one customer folder.</summary>
public sealed record Batch
{
    /// <summary>Stable identifier (short, URL-safe).</summary>
    public required string Id { get; init; }

    /// <summary>Name the clerk gave the batch; unique.</summary>
    public required string Name { get; init; }

    /// <summary>Current state.</summary>
    public BatchState State { get; init; }

    /// <summary>When the batch was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who created it.</summary>
    public string CreatedBy { get; init; } = "";

    /// <summary>Last state change.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who made the last state change.</summary>
    public string UpdatedBy { get; init; } = "";

    /// <summary>Reviewer's note, e.g. the reason for a rejection.</summary>
    public string? Note { get; init; }

    /// <summary>Archive numbers of the entries this batch became (empty until committed).</summary>
    public IReadOnlyList<string> EntryNumbers { get; init; } = [];

    /// <summary>
    /// Rises with every change to the batch, its pages' review or its documents' fields. A change sent with an older
    /// version than the stored one was made on a stale screen and is refused, so nobody overwrites another silently.
    /// </summary>
    public int Version { get; init; }

    /// <summary>The profile the batch is scanned and judged with (null for the default).</summary>
    public string? Profile { get; init; }

    /// <summary>
    /// The review documents as a reviewer arranged them (split, merged, pages moved); null until the first such change,
    /// while they follow the imported files and scan sessions (<see cref="ReviewLayout"/>). Commit follows it.
    /// </summary>
    public IReadOnlyList<ReviewDocument>? Layout { get; init; }

    /// <summary>The reviewer who last opened the batch for review (others see it; nobody is locked out).</summary>
    public string? InReviewBy { get; init; }

    /// <summary>When <see cref="InReviewBy"/> opened it.</summary>
    public DateTimeOffset? InReviewSince { get; init; }

    /// <summary>True when <paramref name="next"/> is a legal move from the current state.</summary>
    public bool CanMoveTo(BatchState next) => (State, next) switch
    {
        (BatchState.Capturing, BatchState.Processing) => true,
        (BatchState.Processing, BatchState.Capturing) => true,
        (BatchState.Processing, BatchState.ReadyForReview) => true,
        (BatchState.ReadyForReview, BatchState.Approved or BatchState.Rejected or BatchState.Capturing or BatchState.Processing) => true,
        (BatchState.Rejected, BatchState.Capturing or BatchState.Processing or BatchState.ReadyForReview) => true,
        (BatchState.Approved, BatchState.Committed or BatchState.Rejected or BatchState.ReadyForReview) => true,
        _ => false,
    };
}

/// <summary>How far a document (one imported file) has been read.</summary>
public enum DocumentStatus
{
    /// <summary>Stored, pages not all recognized yet.</summary>
    Pending,

    /// <summary>Every page is recognized.</summary>
    Done,

    /// <summary>The file could not be read (see <see cref="BatchDocument.Error"/>); other documents go on.</summary>
    Failed,
}

/// <summary>One imported file (or one scanned sheet stack) in a batch; by default it becomes one archive entry.</summary>
public sealed record BatchDocument
{
    /// <summary>Identifier, unique within the archive.</summary>
    public required string Id { get; init; }

    /// <summary>The batch it belongs to.</summary>
    public required string BatchId { get; init; }

    /// <summary>Position in the batch (1-based, import order).</summary>
    public int Order { get; init; }

    /// <summary>Name as imported (path relative to the imported folder).</summary>
    public string SourceName { get; init; } = "";

    /// <summary>The original file, stored unmodified.</summary>
    public required StoredFile Original { get; init; }

    /// <summary>Reading progress.</summary>
    public DocumentStatus Status { get; init; }

    /// <summary>Number of pages, once the whole file has been read.</summary>
    public int? PageCount { get; init; }

    /// <summary>Why the file could not be read, in the user's words.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// Scan session the document belongs to. A scanner delivers one stored original per sheet side; consecutive
    /// documents of one group become one archive entry (or several, split at blank separator pages).
    /// </summary>
    public string? Group { get; init; }

    /// <summary>
    /// The document was scanned with a profile that uses blank sheets as separators
    /// (<see cref="Capture.BlankPageHandling.Separate"/>): at commit each of its blank pages ends an archive entry, as
    /// <see cref="CommitOptions.SplitAtBlankPages"/> does for a whole batch.
    /// </summary>
    public bool BlankPagesSeparate { get; init; }

    /// <summary>Document type found by extraction (<c>other</c> when unknown; null before extraction).</summary>
    public string? DocumentType { get; init; }

    /// <summary>Fields found by extraction, with their evidence.</summary>
    public IReadOnlyList<Analysis.ExtractedField> Fields { get; init; } = [];

    /// <summary>Rises with every change to the document's fields (see <see cref="Batch.Version"/>).</summary>
    public int Version { get; init; }
}

/// <summary>A reviewer's verdict on a page.</summary>
public enum ReviewStatus
{
    /// <summary>Not reviewed yet.</summary>
    Unreviewed,

    /// <summary>Clear enough and correctly entered.</summary>
    Approved,

    /// <summary>Must be rescanned or corrected.</summary>
    Rejected,
}

/// <summary>One recognized page of a batch document.</summary>
public sealed record BatchPage
{
    /// <summary>Identifier: <c>{documentId}-p{page}</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The batch.</summary>
    public required string BatchId { get; init; }

    /// <summary>The document.</summary>
    public required string DocumentId { get; init; }

    /// <summary>1-based page number within the document.</summary>
    public int PageNumber { get; init; }

    /// <summary>Recognized text, words and boxes.</summary>
    public required Ocr.OcrPage Ocr { get; init; }

    /// <summary>The page image the PDF shows (cleaned, encoded); null for pages copied from a text PDF.</summary>
    public PageImage? Image { get; init; }

    /// <summary>Tesseract's invisible text layer for this page (a one-page PDF); null when there is no text.</summary>
    public StoredFile? TextLayer { get; init; }

    /// <summary>True when the page carries no content; kept, flagged, and usable as a document separator.</summary>
    public bool Blank { get; init; }

    /// <summary>Reviewer's verdict.</summary>
    public ReviewStatus Review { get; init; }

    /// <summary>Why the reviewer rejected the page (null otherwise).</summary>
    public string? ReviewReason { get; init; }

    /// <summary>Who gave the verdict (null while unreviewed or when the batch was approved as a whole).</summary>
    public string? ReviewedBy { get; init; }

    /// <summary>When the page was recognized.</summary>
    public DateTimeOffset ProcessedAt { get; init; }

    /// <summary>The original of the sheet that replaced the page's first one (a rescan); null while it is the document's own.</summary>
    public StoredFile? Original { get; init; }

    /// <summary>Images the page showed before (turned, scanned again), oldest first; kept, never deleted.</summary>
    public IReadOnlyList<PageRevision> History { get; init; } = [];

    /// <summary>A change being carried out in the background (the page is recognized again); null when none.</summary>
    public PageRework? Rework { get; init; }

    /// <summary>
    /// True once a person corrected the recognized characters (the review screen's character check): the engine's
    /// <see cref="TextLayer"/> then no longer says what <see cref="Ocr"/> says, and the PDF's invisible text is
    /// written from <see cref="Ocr"/> instead. A new recognition of the page clears it.
    /// </summary>
    public bool TextCorrected { get; init; }
}

/// <summary>An encoded page image in the file store.</summary>
/// <param name="File">The stored bytes.</param>
/// <param name="Kind">Encoding.</param>
/// <param name="Width">Pixels.</param>
/// <param name="Height">Pixels.</param>
/// <param name="Dpi">Resolution, for the PDF page size.</param>
public sealed record PageImage(StoredFile File, PageImageKind Kind, int Width, int Height, int Dpi);

/// <summary>How a page image is encoded for the PDF.</summary>
public enum PageImageKind
{
    /// <summary>JPEG (grey or colour pages).</summary>
    Jpeg,

    /// <summary>CCITT Group 4 (bilevel pages).</summary>
    CcittG4,

    /// <summary>PNG (lossless, used when neither fits).</summary>
    Png,
}

/// <summary>A file kept by the archive, named by its content.</summary>
/// <param name="Path">Path relative to the data folder, with '/' separators.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content.</param>
/// <param name="Length">Bytes.</param>
public sealed record StoredFile(string Path, string Sha256, long Length);
