using System.Globalization;
using QRCoder;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Quality;

namespace ScanArchive.Application.Review;

/// <summary>
/// The review documents of a batch (what will become archive entries) and the batch-level review use cases: split,
/// merge, move a page; the review queue and who is reviewing what; approval with the required fields; the label
/// sheet after commit. Every change is one store write with its audit record and the batch's new version.
/// </summary>
public sealed class ReviewDocumentsService(ArchiveHost host, ReviewRules rules, TimeProvider clock)
{
    /// <summary>Pixels per QR module in the label SVG (its viewBox scales it to the label anyway).</summary>
    private const int QrModulePixels = 4;

    private IArchiveStore Store => host.Store;

    /// <summary>The batch's review documents with their pages and fields (no audit: the batch view that includes them is audited).</summary>
    public IReadOnlyList<ReviewDocumentView> Documents(Actor actor, string nameOrId)
    {
        var batch = Visible(actor, nameOrId);
        return Build(batch);
    }

    /// <summary>
    /// Where each review document would be filed if committed now (existing customer file, new, conflict, none), by
    /// the same matcher the commit uses. Matches between documents of the same batch are not foreseen: the commit
    /// files them in order, so two documents of one new customer land in one new file.
    /// </summary>
    public IReadOnlyList<ReviewCustomerMatch> CustomerMatches(Actor actor, string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Review);
        var batch = Visible(actor, nameOrId);
        var customers = Store.Customers();
        var records = customers.Select(c => new CustomerRecord(c.Id, new CustomerIdentity(c.IdNumber, c.CustomerNo, c.Name, c.Phone))).ToList();
        var names = customers.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        return [.. Build(batch).Select(document =>
        {
            string? Value(string key) => document.Fields.FirstOrDefault(f => f.Key == key && f.Value.Length > 0)?.Value;
            var identity = new CustomerIdentity(Value(FieldKeys.IdNumber), Value(FieldKeys.CustomerNo), Value(FieldKeys.CustomerName), Value(FieldKeys.Phone));
            return ReviewCustomerMatch.Of(document.Id, identity, CustomerMatcher.Match(identity, records), id => names.GetValueOrDefault(id));
        })];
    }

    /// <summary>The required-field problems of a batch as <c>documentId/key: state</c> (empty when none).</summary>
    public IReadOnlyList<string> FieldProblems(Batch batch) => ReviewDocumentViews.FieldProblems(Build(batch ?? throw new ArgumentNullException(nameof(batch))));

    /// <summary>Splits a review document so that <paramref name="beforePageId"/> begins the next one.</summary>
    public Batch Split(Actor actor, string nameOrId, string documentId, string beforePageId, int? version)
    {
        var (batch, layout) = Layout(actor, nameOrId, version);
        var newId = $"{batch.Id}-r{Guid.NewGuid().ToString("N")[..8]}";
        var changed = ReviewLayout.Split(layout, documentId, beforePageId, newId);
        using var scope = actor.AuditScope();
        return Store.SaveLayout(batch.Id, changed, actor.UserName, "document.split", $"{documentId} before {beforePageId} → {newId}", batch.Version);
    }

    /// <summary>Merges a review document into the one before it.</summary>
    public Batch Merge(Actor actor, string nameOrId, string documentId, int? version)
    {
        var (batch, layout) = Layout(actor, nameOrId, version);
        var changed = ReviewLayout.MergeWithPrevious(layout, documentId);
        using var scope = actor.AuditScope();
        return Store.SaveLayout(batch.Id, changed, actor.UserName, "document.merge", $"{documentId} into the previous document", batch.Version);
    }

    /// <summary>Moves a page into another review document at a 0-based position.</summary>
    public Batch MovePage(Actor actor, string nameOrId, string pageId, string toDocumentId, int position, int? version)
    {
        var (batch, layout) = Layout(actor, nameOrId, version);
        var from = layout.FirstOrDefault(d => d.PageIds.Contains(pageId))?.Id;
        var changed = ReviewLayout.MovePage(layout, pageId, toDocumentId, position);
        using var scope = actor.AuditScope();
        return Store.SaveLayout(batch.Id, changed, actor.UserName, "document.move-page", $"{pageId}: {from} → {toDocumentId} #{position}", batch.Version);
    }

    /// <summary>Batches waiting for review (and being reviewed), oldest first, with what needs a look.</summary>
    public IReadOnlyList<ReviewQueueItem> Queue(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Review);
        var now = clock.GetUtcNow();
        var items = new List<ReviewQueueItem>();
        foreach (var batch in Store.Batches().Where(b => b.State is BatchState.ReadyForReview or BatchState.Approved).OrderBy(b => b.UpdatedAt))
        {
            var documents = Store.Documents(batch.Id);
            var pages = Store.Pages(batch.Id);
            var views = ReviewDocumentViews.Build(batch, documents, pages, rules);
            var fields = views.SelectMany(d => d.Fields).ToList();
            var verdicts = pages.Select(p => p.Ocr.Quality?.Verdict).ToList();
            items.Add(new ReviewQueueItem(
                batch.Id, batch.Name, batch.State, batch.Version, batch.CreatedBy, batch.CreatedAt, batch.UpdatedAt,
                Math.Round((now - batch.CreatedAt).TotalHours, 1),
                pages.Count, views.Count,
                verdicts.Count(v => v == QualityVerdict.Warn), verdicts.Count(v => v == QualityVerdict.Fail),
                fields.Count(f => f.State == FieldReviewState.Invalid), fields.Count(f => f.State == FieldReviewState.Missing),
                pages.Count(p => !p.Blank && p.Review == ReviewStatus.Unreviewed),
                batch.InReviewBy, batch.InReviewSince,
                fields.Count(f => f.Source == FieldSource.Template)));
        }

        return items;
    }

    /// <summary>Marks the batch as being reviewed by the actor (others see it; nobody is locked out).</summary>
    public Batch Open(Actor actor, string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Review);
        var batch = Visible(actor, nameOrId);
        using var scope = actor.AuditScope();
        return Store.OpenReview(batch.Id, actor.UserName);
    }

    /// <summary>The label sheet of a committed batch: one label per entry, with the number as a QR code.</summary>
    public IReadOnlyList<EntryLabel> Labels(Actor actor, string nameOrId)
    {
        var batch = Visible(actor, nameOrId);
        if (batch.State != BatchState.Committed)
        {
            throw new ArchiveException(ArchiveProblem.InvalidState, batch.Name, batch.State.ToString());
        }

        Store.Audit(new AuditEvent(actor.UserName, "batch.labels", batch.Name, string.Join(' ', batch.EntryNumbers), actor.Address));
        using var generator = new QRCodeGenerator();
        return [.. batch.EntryNumbers.Select(Store.FindEntry).OfType<ArchiveEntry>().Select(entry =>
        {
            using var data = generator.CreateQrCode(entry.Number, QRCodeGenerator.ECCLevel.M);
            var svg = new SvgQRCode(data).GetGraphic(QrModulePixels);
            var customer = entry.Fields.GetValueOrDefault(FieldKeys.CustomerName) ?? entry.Fields.GetValueOrDefault(FieldKeys.CustomerNo);
            return new EntryLabel(entry.Number, entry.DocumentType, customer, entry.CustomerId, entry.Pages.Count, svg);
        })];
    }

    private IReadOnlyList<ReviewDocumentView> Build(Batch batch) => ReviewDocumentViews.Build(batch, Store.Documents(batch.Id), Store.Pages(batch.Id), rules);

    /// <summary>The batch (reviewable, at the caller's version when given) and its review documents as they are now.</summary>
    private (Batch Batch, IReadOnlyList<ReviewDocument> Layout) Layout(Actor actor, string nameOrId, int? version)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Review);
        var batch = Visible(actor, nameOrId);
        if (version is { } v && v != batch.Version)
        {
            throw new ArchiveException(ArchiveProblem.Conflict, batch.Name, string.Create(CultureInfo.InvariantCulture, $"version {v} ≠ {batch.Version}"));
        }

        return (batch, ReviewLayout.Of(batch, Store.Documents(batch.Id), Store.Pages(batch.Id)));
    }

    private Batch Visible(Actor actor, string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var batch = Store.FindBatch(nameOrId) ?? throw new ArchiveException(ArchiveProblem.BatchNotFound, nameOrId);
        return ReviewService.MaySee(actor, batch) ? batch : throw new ArchiveException(ArchiveProblem.BatchNotFound, batch.Name);
    }
}
