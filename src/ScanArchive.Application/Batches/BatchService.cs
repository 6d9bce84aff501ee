using System.Globalization;
using ScanArchive.Application.Searching;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Ocr;
using ScanArchive.Imaging;

namespace ScanArchive.Application.Batches;

/// <summary>
/// The batch use cases: create, list, show, import into, review, approve, reject, commit. Every one checks the
/// actor's permission; every change is one store write that carries its own audit record.
/// </summary>
public sealed class BatchService(ArchiveHost host, SearchService search, Review.ReviewRules rules)
{
    private IArchiveStore Store => host.Store;

    /// <summary>Batches the actor may see (a clerk: their own), newest first.</summary>
    public IReadOnlyList<BatchSummary> List(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Store.Batches().Where(b => MaySee(actor, b)).Select(Summary).ToList();
    }

    /// <summary>One batch in full; the view is audited.</summary>
    public BatchDetails Get(Actor actor, string nameOrId)
    {
        var batch = Visible(actor, nameOrId);
        var details = Details(batch);
        Store.Audit(new AuditEvent(actor.UserName, "batch.view", batch.Name, null, actor.Address));
        return details;
    }

    /// <summary>The batch record (no audit; for hosts that only need its state).</summary>
    public Batch Find(Actor actor, string nameOrId) => Visible(actor, nameOrId);

    /// <summary>Creates an empty batch to capture into.</summary>
    public Batch Create(Actor actor, string name, string? profile = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Capture);
        using var scope = actor.AuditScope();
        return Store.CreateBatch(name, actor.UserName, profile);
    }

    /// <summary>
    /// The named batch (created when new), opened so that new sheets can join it: a batch waiting for review or
    /// sent back goes back to capturing. Import, scan and watch all open batches this one way.
    /// </summary>
    public Batch OpenForCapture(Actor actor, string name)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Capture);
        using var scope = actor.AuditScope();
        var batch = Store.FindBatch(name) ?? Store.CreateBatch(name, actor.UserName);
        RequireVisible(actor, batch);
        return batch.State switch
        {
            BatchState.Capturing or BatchState.Processing => batch,
            BatchState.ReadyForReview or BatchState.Rejected => Store.MoveBatch(batch.Id, BatchState.Capturing, actor.UserName),
            _ => throw new ArchiveException(ArchiveProblem.InvalidState, batch.Name, BatchStateNames.Of(batch.State, CultureInfo.CurrentUICulture)),
        };
    }

    /// <summary>
    /// Stores files in a batch opened for capture. A file that is not an image or PDF is refused by name; a file whose
    /// content the batch already holds is skipped (re-running an interrupted import stores nothing twice); a file whose
    /// content is already in another batch or archive entry is stored, with a note naming where, for the user to decide.
    /// Recognition is started separately (<see cref="Processing.ProcessingService"/>).
    /// </summary>
    public ImportResult Import(Actor actor, Batch batch, IEnumerable<ImportFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(files);
        actor.Require(Permission.Capture);
        using var scope = actor.AuditScope();
        var culture = CultureInfo.CurrentUICulture;
        var reader = new DocumentReader();
        var imported = new List<BatchDocument>();
        var refused = new List<ImportRefusal>();
        var skipped = new List<ImportSkip>();
        var elsewhere = new List<ImportDuplicate>();

        // The batch's own originals by content, read once (the batch's documents are indexed; content hashes are not).
        var inBatch = new Dictionary<string, BatchDocument>(StringComparer.Ordinal);
        foreach (var existing in Store.Documents(batch.Id))
        {
            inBatch.TryAdd(existing.Original.Sha256, existing);
        }

        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = PrintableName.Of(file.DisplayName);
            try
            {
                if (reader.Identify(file.Path) == DocumentFormat.NotADocument)
                {
                    throw new DocumentReadException(file.DisplayName, DocumentProblem.UnsupportedFormat);
                }

                var sha256 = ContentHash(file.Path);
                if (inBatch.TryGetValue(sha256, out var same))
                {
                    skipped.Add(new ImportSkip(file.DisplayName, same, Core.Text.UserMessages.Pick(
                        $"{name}：批次“{batch.Name}”中已有相同内容（{PrintableName.Of(same.SourceName)}），已跳过。",
                        $"{name}: already in batch \"{batch.Name}\" (as {PrintableName.Of(same.SourceName)}); skipped.",
                        culture)));
                    continue;
                }

                var document = Store.AddDocument(batch.Id, file.Path, file.DisplayName, actor.UserName);
                imported.Add(document);
                inBatch.TryAdd(document.Original.Sha256, document);
                var places = PlacesOf(actor, document.Original.Sha256, batch.Id);
                if (places.Count > 0)
                {
                    elsewhere.Add(new ImportDuplicate(file.DisplayName, document, places, DuplicateMessage(name, places, culture)));
                }
            }
            catch (DocumentReadException ex)
            {
                refused.Add(new ImportRefusal(file.DisplayName, ex.MessageIn(culture)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                refused.Add(new ImportRefusal(file.DisplayName, $"{name}: {AnalysisJson.ErrorMessage(ex, culture)}"));
            }
        }

        return new ImportResult(imported, refused) { AlreadyInBatch = skipped, FoundElsewhere = elsewhere };
    }

    /// <summary>Lower-case hex SHA-256 of a file, as the store names originals.</summary>
    private static string ContentHash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    /// <summary>
    /// Where else this content is: archive entries for committed batches, batches otherwise. A batch the actor may not
    /// see is not named (a clerk learns only that someone else holds it), and an entry only to those who may read the archive.
    /// </summary>
    private List<ContentPlace> PlacesOf(Actor actor, string sha256, string exceptBatchId)
    {
        var places = new List<ContentPlace>();
        foreach (var group in Store.DocumentsWithContent(sha256).Where(d => d.BatchId != exceptBatchId).GroupBy(d => d.BatchId))
        {
            if (Store.FindBatch(group.Key) is not { } other)
            {
                continue;
            }

            var visible = MaySee(actor, other);
            var entries = actor.Can(Permission.ReadArchive)
                ? other.EntryNumbers.Where(n => Store.FindEntry(n)?.Originals.Any(o => o.Sha256 == sha256) == true).ToList()
                : [];
            var sourceName = visible ? group.First().SourceName : string.Empty;
            if (entries.Count == 0)
            {
                places.Add(new ContentPlace(visible ? other.Name : null, null, sourceName));
            }

            places.AddRange(entries.Select(number => new ContentPlace(visible ? other.Name : null, number, sourceName)));
        }

        return places;
    }

    private static string DuplicateMessage(string name, IReadOnlyList<ContentPlace> places, CultureInfo culture)
    {
        string Where(ContentPlace p, bool zh) => (p.EntryNumber, p.BatchName) switch
        {
            ({ } entry, { } batchName) => zh ? $"档案 {entry}（批次“{batchName}”）" : $"archive entry {entry} (batch \"{batchName}\")",
            ({ } entry, null) => zh ? $"档案 {entry}" : $"archive entry {entry}",
            (null, { } batchName) => zh ? $"批次“{batchName}”" : $"batch \"{batchName}\"",
            _ => zh ? "他人的批次" : "another person's batch",
        };

        var zhPlaces = string.Join("、", places.Select(p => Where(p, true)).Distinct());
        var enPlaces = string.Join(", ", places.Select(p => Where(p, false)).Distinct());
        return Core.Text.UserMessages.Pick(
            $"{name}：相同内容已在{zhPlaces}中；仍已导入，请确认是否重复。",
            $"{name}: the same content is already in {enPlaces}; imported anyway, check whether it is a duplicate.",
            culture);
    }

    /// <summary>Approves or rejects pages of a batch in review.</summary>
    public Batch ReviewPages(Actor actor, string nameOrId, IReadOnlyCollection<string> pageIds, ReviewStatus verdict, string? reason = null, int? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Review);
        if (verdict == ReviewStatus.Rejected && string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException(Core.Text.UserMessages.Pick("退回页面需要填写原因。", "Rejecting a page needs a reason.", CultureInfo.CurrentUICulture), nameof(reason));
        }

        var batch = Visible(actor, nameOrId);
        using var scope = actor.AuditScope();
        return Store.ReviewPages(batch.Id, pageIds, verdict, actor.UserName, reason, expectedVersion);
    }

    /// <summary>
    /// Approves a batch in review; refused while pages are unreviewed unless the reviewer gives an override reason
    /// (then audited as an override).
    /// </summary>
    public Batch Approve(Actor actor, string nameOrId, string? overrideReason = null, int? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Review);
        var batch = Visible(actor, nameOrId);
        using var scope = actor.AuditScope();

        // Required fields missing or invalid keep the batch open like unreviewed pages (an override covers both).
        var fieldProblems = Review.ReviewDocumentViews.FieldProblems(Review.ReviewDocumentViews.Build(batch, Store.Documents(batch.Id), Store.Pages(batch.Id), rules));
        return Store.ApproveBatch(batch.Id, actor.UserName, overrideReason, expectedVersion, fieldProblems);
    }

    /// <summary>What keeps the batch from approval now: unreviewed pages, failed documents, required fields missing or invalid (no audit).</summary>
    public OpenReviewItems OpenItems(Actor actor, string nameOrId)
    {
        var batch = Visible(actor, nameOrId);
        var documents = Store.Documents(batch.Id);
        var pages = Store.Pages(batch.Id);
        return BatchReview.Open(documents, pages, Review.ReviewDocumentViews.FieldProblems(Review.ReviewDocumentViews.Build(batch, documents, pages, rules)));
    }

    /// <summary>Sends a batch back to the clerk with a reason.</summary>
    public Batch Reject(Actor actor, string nameOrId, string reason)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Review);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException(Core.Text.UserMessages.Pick("退回批次需要填写原因。", "Rejecting a batch needs a reason.", CultureInfo.CurrentUICulture), nameof(reason));
        }

        var batch = Visible(actor, nameOrId);
        using var scope = actor.AuditScope();
        return Store.MoveBatch(batch.Id, BatchState.Rejected, actor.UserName, reason.Trim());
    }

    /// <summary>Sets a field to the reviewer's value; refused when the document changed since <paramref name="version"/>.</summary>
    public FieldView UpdateField(Actor actor, string nameOrId, string documentId, string key, string value, int version) =>
        UpdateField(actor, nameOrId, documentId, key, value, version, null);

    /// <summary>
    /// Sets a field; with <paramref name="page"/> (the field's page in its source document, as the review documents
    /// show it) only that page's value of the key, so the parts of a split file keep their own values.
    /// </summary>
    public FieldView UpdateField(Actor actor, string nameOrId, string documentId, string key, string value, int version, int? page)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Review);
        var batch = Visible(actor, nameOrId);
        if (Store.Documents(batch.Id).All(d => d.Id != documentId))
        {
            throw new ArchiveException(ArchiveProblem.ItemNotFound, documentId);
        }

        using var scope = actor.AuditScope();
        var document = Store.UpdateField(documentId, key, value, version, actor.UserName, page);
        var field = document.Fields.Where(f => f.Key == key && (page is null || f.Page == page)).OrderByDescending(f => f.ConfirmedBy is not null).First();
        return ToView(field) with { State = rules.StateOf(field) };
    }

    /// <summary>The document as stored now (to show the current value after a conflict).</summary>
    public DocumentView Document(Actor actor, string nameOrId, string documentId)
    {
        var batch = Visible(actor, nameOrId);
        var document = Store.Documents(batch.Id).FirstOrDefault(d => d.Id == documentId) ?? throw new ArchiveException(ArchiveProblem.ItemNotFound, documentId);
        return ToView(document, Store.DocumentPages(document.Id));
    }

    /// <summary>Commits an approved batch as numbered entries and brings the search index up to date.</summary>
    public IReadOnlyList<ArchiveEntry> Commit(Actor actor, string nameOrId, CommitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Commit);
        var batch = Visible(actor, nameOrId);
        using var scope = actor.AuditScope();
        var entries = Store.Commit(batch.Id, actor.UserName, options);
        search.TryCatchUp();
        return entries;
    }

    internal BatchSummary Summary(Batch b)
    {
        var documents = Store.Documents(b.Id);
        return new BatchSummary(b.Id, b.Name, b.State, b.Version, documents.Count, documents.Sum(d => d.PageCount ?? 0), documents.Count(d => d.Status == DocumentStatus.Failed), b.CreatedAt, b.CreatedBy, b.UpdatedAt, b.Note, b.EntryNumbers);
    }

    private BatchDetails Details(Batch batch)
    {
        var documents = Store.Documents(batch.Id);
        var pages = Store.Pages(batch.Id);
        var byDocument = pages.ToLookup(p => p.DocumentId);
        var review = Review.ReviewDocumentViews.Build(batch, documents, pages, rules);
        return new BatchDetails(
            batch.Id, batch.Name, batch.State, batch.Version, batch.Profile, batch.CreatedAt, batch.CreatedBy, batch.UpdatedAt, batch.UpdatedBy, batch.Note, batch.EntryNumbers,
            documents.Select(d => ToView(d, byDocument[d.Id].ToList())).ToList(),
            BatchReview.Open(documents, pages, Review.ReviewDocumentViews.FieldProblems(review)))
        {
            ReviewDocuments = review,
            InReviewBy = batch.InReviewBy,
            InReviewSince = batch.InReviewSince,
        };
    }

    private DocumentView ToView(BatchDocument d, IReadOnlyList<BatchPage> pages) => new(
        d.Id, d.Order, d.SourceName, d.Status, d.PageCount, d.Error, d.DocumentType, d.Version, d.Group, d.BlankPagesSeparate,
        pages.Select(ToView).ToList(),
        d.Fields.GroupBy(f => f.Key).Select(g => g.OrderByDescending(f => f.Confidence).First()).Select(f => ToView(f) with { State = rules.StateOf(f) }).ToList());

    internal static PageView ToView(BatchPage p) => new(
        p.Id, p.PageNumber, p.Review, p.ReviewReason, p.ReviewedBy, p.Blank, Math.Round(p.Ocr.MeanConfidence, 1),
        p.Ocr.Quality is { } q ? new QcView(q.Verdict, q.Issues, q.Describe(CultureInfo.CurrentUICulture), q.Metrics, q.Cleanup) : null,
        p.Image?.Width, p.Image?.Height, p.Image?.Dpi,
        p.Ocr.Lines.Count,
        ReadingOrder.Text(p.Ocr.Lines));

    private static FieldView ToView(ExtractedField f) =>
        new(f.Key, f.Value, f.Raw, Math.Round(f.Confidence, 3), f.Validation, f.Source, f.Page, [f.Box.X, f.Box.Y, f.Box.Width, f.Box.Height], f.ConfirmedBy);

    private Batch Visible(Actor actor, string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var batch = Store.FindBatch(nameOrId) ?? throw new ArchiveException(ArchiveProblem.BatchNotFound, nameOrId);
        RequireVisible(actor, batch);
        return batch;
    }

    /// <summary>A clerk asking for someone else's batch is told it does not exist, not that it is hidden.</summary>
    private static void RequireVisible(Actor actor, Batch batch)
    {
        if (!MaySee(actor, batch))
        {
            throw new ArchiveException(ArchiveProblem.BatchNotFound, batch.Name);
        }
    }

    private static bool MaySee(Actor actor, Batch batch) =>
        actor.Can(Permission.ViewAllBatches) || string.Equals(batch.CreatedBy, actor.UserName, StringComparison.OrdinalIgnoreCase);
}
