using ScanArchive.Core.Ocr;

namespace ScanArchive.Core.Archive;

/// <summary>
/// The archive's records and files: batches in progress, committed entries, the audit trail and the
/// search outbox. One process owns a store at a time.
/// </summary>
public interface IArchiveStore : IDisposable
{
    /// <summary>How archive numbers are formed.</summary>
    ArchiveNumberFormat NumberFormat { get; }

    /// <summary>Creates an empty batch.</summary>
    /// <exception cref="ArchiveException">A batch with that name exists.</exception>
    Batch CreateBatch(string name, string user, string? profile = null);

    /// <summary>Finds a batch by name or id.</summary>
    Batch? FindBatch(string nameOrId);

    /// <summary>All batches, newest first.</summary>
    IReadOnlyList<Batch> Batches();

    /// <summary>Moves a batch to another state.</summary>
    /// <exception cref="ArchiveException">The move is not allowed from the batch's state.</exception>
    Batch MoveBatch(string batchId, BatchState next, string user, string? note = null);

    /// <summary>Copies a file into the store (unmodified) and adds it to the batch as a pending document.</summary>
    BatchDocument AddDocument(string batchId, string sourcePath, string sourceName, string user);

    /// <summary>Stores an in-memory original (e.g. a scanned page) as a new pending document.</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="content">The original's bytes.</param>
    /// <param name="extension">File extension naming its format.</param>
    /// <param name="sourceName">Name shown for it.</param>
    /// <param name="user">Who captured it.</param>
    /// <param name="group">Scan session it belongs to (see <see cref="BatchDocument.Group"/>).</param>
    /// <param name="blankPagesSeparate">Its blank pages separate archive entries (see <see cref="BatchDocument.BlankPagesSeparate"/>).</param>
    BatchDocument AddDocument(string batchId, ReadOnlySpan<byte> content, string extension, string sourceName, string user, string? group = null, bool blankPagesSeparate = false);

    /// <summary>Documents (in any batch) whose stored original has this SHA-256: finds what was already imported.</summary>
    IReadOnlyList<BatchDocument> DocumentsWithContent(string sha256);

    /// <summary>The batch's documents in order.</summary>
    IReadOnlyList<BatchDocument> Documents(string batchId);

    /// <summary>Records a document's progress, outcome or extraction results.</summary>
    void UpdateDocument(BatchDocument document);

    /// <summary>The batch's recognized pages, in document then page order.</summary>
    IReadOnlyList<BatchPage> Pages(string batchId);

    /// <summary>One page by id (without reading the rest of the batch), or null.</summary>
    BatchPage? FindPage(string pageId);

    /// <summary>One document's recognized pages in page order (without reading the rest of the batch).</summary>
    IReadOnlyList<BatchPage> DocumentPages(string documentId);

    /// <summary>
    /// Persists a recognized page: its files first (written whole, then renamed into place), then the record,
    /// so that a crash leaves either the complete page or nothing.
    /// </summary>
    BatchPage SavePage(PageResult result);

    /// <summary>Sets the review verdict of some pages (all pages when <paramref name="pageIds"/> is null), in any state (tests, migrations).</summary>
    void SetReview(string batchId, ReviewStatus status, string user, IEnumerable<string>? pageIds = null);

    /// <summary>
    /// A reviewer's verdict on pages of a batch ready for review: pages, batch version and audit record in one write.
    /// </summary>
    /// <exception cref="ArchiveException">Wrong state, unknown page, or <paramref name="expectedVersion"/> is stale (<see cref="ArchiveProblem.Conflict"/>).</exception>
    Batch ReviewPages(string batchId, IReadOnlyCollection<string> pageIds, ReviewStatus status, string user, string? reason = null, int? expectedVersion = null);

    /// <summary>
    /// Approves a batch ready for review in one write. Refused (<see cref="ArchiveProblem.ReviewOpen"/>, listing what is
    /// open) while pages are unreviewed, unless <paramref name="overrideReason"/> is given: then the reviewer approves
    /// them too, and the override is audited with its reason. <paramref name="fieldProblems"/> are the required fields the
    /// application's review rules found missing or invalid; they keep the batch open the same way.
    /// </summary>
    Batch ApproveBatch(string batchId, string user, string? overrideReason = null, int? expectedVersion = null, IReadOnlyList<string>? fieldProblems = null);

    /// <summary>Sets a document's field to a reviewer's value; refused with <see cref="ArchiveProblem.Conflict"/> when the document changed since <paramref name="expectedVersion"/>.</summary>
    BatchDocument UpdateField(string documentId, string key, string value, int expectedVersion, string user);

    /// <summary>
    /// Sets a field; with <paramref name="page"/>, only the field of that key whose evidence is on that page of the
    /// document (or a new one there): after a split, the parts of one file each keep their own value for a key.
    /// </summary>
    BatchDocument UpdateField(string documentId, string key, string value, int expectedVersion, string user, int? page);

    /// <summary>Marks the batch as opened for review by <paramref name="user"/> (audited; the version does not change: nobody is locked out).</summary>
    Batch OpenReview(string batchId, string user);

    /// <summary>Marks a page blank or not blank, with its audit record and the batch's new version.</summary>
    Batch SetBlank(string batchId, string pageId, bool blank, string user, int? expectedVersion = null);

    /// <summary>Stores the batch's review documents as a reviewer arranged them (<see cref="ReviewLayout"/>), with the audit record.</summary>
    /// <exception cref="ArchiveException">Wrong state, or <paramref name="expectedVersion"/> is stale.</exception>
    Batch SaveLayout(string batchId, IReadOnlyList<ReviewDocument> layout, string user, string action, string details, int expectedVersion);

    /// <summary>Marks a page as being turned or replaced in the background (storing a new sheet's original first), with the audit record.</summary>
    Batch StartRework(string batchId, string pageId, PageRework rework, int? expectedVersion = null);

    /// <summary>
    /// Stores a page's new image and recognition in place: the old image goes into the page's history, the rework
    /// mark is cleared, the document's machine-read fields are replaced (confirmed ones stay), an open rescan
    /// request for the page is closed, all in one write with the audit record and the batch's new version.
    /// </summary>
    BatchPage ReplacePage(string pageId, PageReplacement replacement, string user);

    /// <summary>
    /// Stores pages' recognitions corrected by a reviewer (the character check: characters confirmed or fixed), keeping
    /// images, text layers and verdicts, in one write with the audit record and the batch's new version.
    /// </summary>
    /// <exception cref="ArchiveException">Wrong state, a page of another batch, or <paramref name="expectedVersion"/> is stale.</exception>
    Batch CorrectPageText(string batchId, IReadOnlyDictionary<string, Ocr.OcrPage> pages, string user, string details, int? expectedVersion = null);

    /// <summary>Stores an original (a sheet scanned again) unmodified in the file store.</summary>
    StoredFile StoreOriginal(ReadOnlySpan<byte> content, string extension);

    /// <summary>Records a reviewer's request to scan a page again (audited, batch version raised).</summary>
    RescanRequest RequestRescan(string batchId, string pageId, string? reason, string user, int? expectedVersion = null);

    /// <summary>Rescan requests, newest first (only open ones unless <paramref name="openOnly"/> is false).</summary>
    IReadOnlyList<RescanRequest> RescanRequests(bool openOnly = true);

    /// <summary>
    /// Turns an approved batch into numbered archive entries in one transaction: numbers are drawn, PDFs written,
    /// entries recorded and queued for indexing together, or not at all.
    /// </summary>
    /// <exception cref="ArchiveException">The batch is not approved or has nothing to commit.</exception>
    IReadOnlyList<ArchiveEntry> Commit(string batchId, string user, CommitOptions? options = null);

    /// <summary>Committed entries in number order.</summary>
    IReadOnlyList<ArchiveEntry> Entries(int skip = 0, int take = int.MaxValue);

    /// <summary>Number of committed entries.</summary>
    int EntryCount { get; }

    /// <summary>Finds an entry by archive number (case-insensitive).</summary>
    ArchiveEntry? FindEntry(string number);

    /// <summary>All customer files.</summary>
    IReadOnlyList<Customer> Customers();

    /// <summary>Finds a customer file by its id, ID number or customer number.</summary>
    Customer? FindCustomer(string key);

    /// <summary>
    /// Settles an entry's customer conflict in one write with its audit record: links it to
    /// <paramref name="customerId"/>, or (null) keeps it apart in a new customer file of its own; the entry is indexed again.
    /// </summary>
    /// <exception cref="ArchiveException">The entry or customer is unknown, or the entry has no conflict.</exception>
    ArchiveEntry ResolveCustomerConflict(string number, string? customerId, string user, string? note = null);

    /// <summary>Opens a stored file for reading.</summary>
    /// <exception cref="ArchiveException">The file is missing.</exception>
    Stream OpenFile(StoredFile file);

    /// <summary>The stored file's full path (for readers that need a path).</summary>
    string PathOf(StoredFile file);

    /// <summary>Re-hashes every file the records refer to.</summary>
    VerifyReport Verify(IProgress<int>? filesChecked = null, CancellationToken cancellationToken = default);

    /// <summary>Entries committed but not yet confirmed in the search index (the durable outbox).</summary>
    IReadOnlyList<ArchiveEntry> PendingIndexing();

    /// <summary>Confirms that these entries are in the search index.</summary>
    void MarkIndexed(IEnumerable<string> numbers);

    /// <summary>Writes an audit record.</summary>
    void Audit(string user, string action, string target, string? details = null);

    /// <summary>Writes an audit record (with the address it came from).</summary>
    void Audit(AuditEvent audit);

    /// <summary>Audit records, newest first.</summary>
    IReadOnlyList<AuditRecord> AuditTrail(int take = 100, string? target = null);

    /// <summary>Audit records matching a filter, newest first.</summary>
    IReadOnlyList<AuditRecord> AuditTrail(AuditQuery query);
}

/// <summary>A page ready to be stored.</summary>
/// <param name="BatchId">The batch.</param>
/// <param name="DocumentId">The document.</param>
/// <param name="PageNumber">1-based page within the document.</param>
/// <param name="Ocr">Recognition result.</param>
/// <param name="Image">Encoded page image for the PDF, or null for a page copied from a text PDF.</param>
/// <param name="TextLayerPdf">One-page invisible text layer, or null.</param>
/// <param name="Blank">True for a page without content.</param>
public sealed record PageResult(string BatchId, string DocumentId, int PageNumber, OcrPage Ocr, EncodedPageImage? Image, byte[]? TextLayerPdf, bool Blank = false);

/// <summary>An encoded page image not yet stored.</summary>
/// <param name="Bytes">Encoded bytes.</param>
/// <param name="Kind">Encoding.</param>
/// <param name="Width">Pixels.</param>
/// <param name="Height">Pixels.</param>
/// <param name="Dpi">Resolution.</param>
public sealed record EncodedPageImage(byte[] Bytes, PageImageKind Kind, int Width, int Height, int Dpi);

/// <summary>Choices made at commit.</summary>
/// <param name="SplitAtBlankPages">Start a new entry after each blank page (separator sheets) instead of one entry per file.</param>
public sealed record CommitOptions(bool SplitAtBlankPages = false);

/// <summary>One audit record.</summary>
/// <param name="At">When.</param>
/// <param name="User">Who.</param>
/// <param name="Action">What, e.g. <c>batch.commit</c>.</param>
/// <param name="Target">On what (batch name, archive number).</param>
/// <param name="Details">More.</param>
/// <param name="Address">From which network address (null for local commands).</param>
public sealed record AuditRecord(DateTimeOffset At, string User, string Action, string Target, string? Details, string? Address = null);

/// <summary>Which audit records to read.</summary>
public sealed record AuditQuery
{
    /// <summary>Only this user's.</summary>
    public string? User { get; init; }

    /// <summary>Only this action, or actions under it (<c>auth</c> matches <c>auth.login</c>).</summary>
    public string? Action { get; init; }

    /// <summary>Only records about this target.</summary>
    public string? Target { get; init; }

    /// <summary>From this moment (inclusive).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Before this moment.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Records to skip (paging).</summary>
    public int Skip { get; init; }

    /// <summary>Records to return at most.</summary>
    public int Take { get; init; } = 100;
}

/// <summary>What <see cref="IArchiveStore.Verify"/> found.</summary>
/// <param name="FilesChecked">Files re-hashed.</param>
/// <param name="Missing">Referenced files that are gone (with the record referring to them).</param>
/// <param name="Altered">Files whose content no longer matches the recorded hash.</param>
/// <param name="Unreferenced">Files no record refers to (left by an interrupted write; harmless).</param>
public sealed record VerifyReport(int FilesChecked, IReadOnlyList<FileProblem> Missing, IReadOnlyList<FileProblem> Altered, IReadOnlyList<string> Unreferenced)
{
    /// <summary>True when every referenced file is present and intact.</summary>
    public bool Intact => Missing.Count == 0 && Altered.Count == 0;
}

/// <summary>A file that failed verification.</summary>
/// <param name="Owner">The record it belongs to (archive number or batch name).</param>
/// <param name="File">The file.</param>
public sealed record FileProblem(string Owner, StoredFile File);
