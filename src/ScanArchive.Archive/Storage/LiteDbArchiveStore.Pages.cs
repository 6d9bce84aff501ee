using LiteDB;
using ScanArchive.Core.Archive;

namespace ScanArchive.Archive.Storage;

/// <summary>
/// The review screen's page and document operations: blank marks, review layout (split, merge, move), turns and rescans
/// in place, rescan requests. Each is one write with its audit record and the batch's new version; nothing is deleted.
/// </summary>
public sealed partial class LiteDbArchiveStore
{
    private ILiteCollection<BsonDocument> Rescans => _db.GetCollection("rescans");

    /// <inheritdoc />
    public BatchPage? FindPage(string pageId) => _pages.FindById(pageId) is { } d ? BsonMapping.ToPage(d) : null;

    /// <inheritdoc />
    public Batch OpenReview(string batchId, string user)
    {
        lock (_commitGate)
        {
            var batch = RequireBatch(batchId);
            return InTransaction(() =>
            {
                // Not a change to the batch's content: the version stays, so nobody else's next change is refused for it.
                var opened = batch with { InReviewBy = user, InReviewSince = _clock.GetUtcNow() };
                _batches.Update(BsonMapping.ToBson(opened));
                _audit.Insert(AuditDocument(_clock.GetUtcNow(), user, "review.open", batch.Name, null));
                return opened;
            });
        }
    }

    /// <inheritdoc />
    public Batch SetBlank(string batchId, string pageId, bool blank, string user, int? expectedVersion = null)
    {
        lock (_commitGate)
        {
            var (batch, page) = RequireReviewPage(batchId, pageId, expectedVersion);
            return InTransaction(() =>
            {
                page["Blank"] = blank;
                _pages.Update(page);
                var touched = Touch(batch, user);
                _batches.Update(BsonMapping.ToBson(touched));
                _audit.Insert(AuditDocument(_clock.GetUtcNow(), user, blank ? "page.blank" : "page.notblank", batch.Name, pageId));
                return touched;
            });
        }
    }

    /// <inheritdoc />
    public Batch SaveLayout(string batchId, IReadOnlyList<ReviewDocument> layout, string user, string action, string details, int expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(layout);
        lock (_commitGate)
        {
            var batch = RequireBatch(batchId);
            RequireVersion(batch, expectedVersion);
            RequireReview(batch);

            // Every page of the batch stays in exactly one review document: a layout that loses or repeats one is a bug.
            var stored = _pages.Find(Query.EQ("BatchId", batch.Id)).Select(d => d["_id"].AsString).Order(StringComparer.Ordinal).ToList();
            var placed = layout.SelectMany(d => d.PageIds).Order(StringComparer.Ordinal).ToList();
            if (!stored.SequenceEqual(placed, StringComparer.Ordinal))
            {
                throw new ArgumentException("The layout must hold every page of the batch exactly once.", nameof(layout));
            }

            return InTransaction(() =>
            {
                var changed = Touch(batch, user) with { Layout = layout };
                _batches.Update(BsonMapping.ToBson(changed));
                _audit.Insert(AuditDocument(_clock.GetUtcNow(), user, action, batch.Name, details));
                return changed;
            });
        }
    }

    /// <inheritdoc />
    public Batch StartRework(string batchId, string pageId, PageRework rework, int? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(rework);
        lock (_commitGate)
        {
            var (batch, page) = RequireReviewPage(batchId, pageId, expectedVersion);
            return InTransaction(() =>
            {
                page["Rework"] = BsonMapping.ToBson(rework);
                _pages.Update(page);
                var touched = Touch(batch, rework.User);
                _batches.Update(BsonMapping.ToBson(touched));
                _audit.Insert(AuditDocument(_clock.GetUtcNow(), rework.User, "page.rework", batch.Name, $"{pageId}: {rework.Change}"));
                return touched;
            });
        }
    }

    /// <inheritdoc />
    public StoredFile StoreOriginal(ReadOnlySpan<byte> content, string extension) => _files.PutContentAddressed("originals", content, extension);

    /// <inheritdoc />
    public BatchPage ReplacePage(string pageId, PageReplacement replacement, string user)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var result = replacement.Result;

        // Files first (whole, then renamed into place), records after: a crash leaves the old page or the new one.
        PageImage? image = null;
        if (result.Image is { } encoded)
        {
            var file = _files.PutContentAddressed("pages", encoded.Bytes, Extension(encoded.Kind));
            image = new PageImage(file, encoded.Kind, encoded.Width, encoded.Height, encoded.Dpi);
        }

        var textLayer = result.TextLayerPdf is { Length: > 0 } layer ? _files.PutContentAddressed("text", layer, ".pdf") : null;
        lock (_commitGate)
        {
            var old = _pages.FindById(pageId) is { } found ? BsonMapping.ToPage(found) : throw new ArchiveException(ArchiveProblem.ItemNotFound, pageId);
            var batch = RequireBatch(old.BatchId);
            var now = _clock.GetUtcNow();
            var page = old with
            {
                Ocr = result.Ocr,
                Image = image,
                TextLayer = textLayer,
                Blank = result.Blank,
                ProcessedAt = now,
                Original = replacement.Original ?? old.Original,
                History = [.. old.History, new PageRevision(old.Image, old.TextLayer, old.Original, replacement.Change, user, now)],
                Rework = null,
                TextCorrected = false,

                // A new sheet, or the page seen the other way up, is a new page to judge.
                Review = ReviewStatus.Unreviewed,
                ReviewReason = null,
                ReviewedBy = null,
            };
            var document = _documents.FindById(old.DocumentId) is { } d ? BsonMapping.ToDocument(d) : null;
            return InTransaction(() =>
            {
                _pages.Update(BsonMapping.ToBson(page));
                if (document is not null && replacement.ExtractedFields is { } extracted)
                {
                    // What a person confirmed stays; the machine's readings are replaced by the new ones.
                    var confirmed = document.Fields.Where(f => f.ConfirmedBy is not null).ToList();
                    var fields = confirmed.Concat(extracted.Where(f => !confirmed.Any(c => c.Key == f.Key && c.Page == f.Page))).ToList();
                    _documents.Update(BsonMapping.ToBson(document with { Fields = fields, Version = document.Version + 1 }));
                }

                foreach (var request in Rescans.Find(Query.And(Query.EQ("PageId", pageId), Query.EQ("Open", true))).Select(BsonMapping.ToRescan).ToList())
                {
                    Rescans.Update(BsonMapping.ToBson(request with { DoneBy = user, DoneAt = now }));
                }

                _batches.Update(BsonMapping.ToBson(Touch(batch, user)));
                _audit.Insert(AuditDocument(now, user, "page.replace", batch.Name, $"{pageId}: {replacement.Change} ({old.Image?.File.Sha256[..12] ?? "∅"} → {image?.File.Sha256[..12] ?? "∅"})"));
                return page;
            });
        }
    }

    /// <inheritdoc />
    public RescanRequest RequestRescan(string batchId, string pageId, string? reason, string user, int? expectedVersion = null)
    {
        lock (_commitGate)
        {
            var (batch, _) = RequireReviewPage(batchId, pageId, expectedVersion);
            var request = new RescanRequest(NewId(), batch.Id, batch.Name, pageId, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), user, _clock.GetUtcNow());
            return InTransaction(() =>
            {
                Rescans.Insert(BsonMapping.ToBson(request));
                _batches.Update(BsonMapping.ToBson(Touch(batch, user)));
                _audit.Insert(AuditDocument(request.RequestedAt, user, "page.rescan.request", batch.Name, $"{pageId}{(request.Reason is null ? "" : ": " + request.Reason)}"));
                return request;
            });
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<RescanRequest> RescanRequests(bool openOnly = true) =>
        (openOnly ? Rescans.Find(Query.EQ("Open", true)) : Rescans.FindAll()).Select(BsonMapping.ToRescan).OrderByDescending(r => r.RequestedAt).ToList();

    private static void RequireReview(Batch batch)
    {
        if (!BatchReview.AcceptsVerdicts(batch))
        {
            throw new ArchiveException(ArchiveProblem.InvalidState, batch.Name, batch.State.ToString());
        }
    }

    /// <summary>The batch (in review, at the expected version) and one of its stored pages.</summary>
    private (Batch Batch, BsonDocument Page) RequireReviewPage(string batchId, string pageId, int? expectedVersion)
    {
        var batch = RequireBatch(batchId);
        RequireVersion(batch, expectedVersion);
        RequireReview(batch);
        var page = _pages.FindById(pageId) is { } d && d["BatchId"].AsString == batch.Id ? d : throw new ArchiveException(ArchiveProblem.ItemNotFound, pageId);
        return (batch, page);
    }
}
