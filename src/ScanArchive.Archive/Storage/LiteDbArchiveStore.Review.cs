using LiteDB;
using ScanArchive.Core.Archive;

namespace ScanArchive.Archive.Storage;

/// <summary>Review verdicts, approval and field corrections: each one write with its audit record and the batch's new version.</summary>
public sealed partial class LiteDbArchiveStore
{
    /// <inheritdoc />
    public void SetReview(string batchId, ReviewStatus status, string user, IEnumerable<string>? pageIds = null)
    {
        lock (_commitGate)
        {
            var batch = RequireBatch(batchId);
            var wanted = pageIds?.ToHashSet(StringComparer.Ordinal);
            InTransaction(() =>
            {
                var changed = SetPageReviews(_pages.Find(Query.EQ("BatchId", batch.Id)).Where(d => wanted is null || wanted.Contains(d["_id"].AsString)), status, user, null);
                _batches.Update(BsonMapping.ToBson(Touch(batch, user)));
                _audit.Insert(AuditDocument(_clock.GetUtcNow(), user, "page.review", batch.Name, $"{status} {changed} page(s)"));
                return changed;
            });
        }
    }

    /// <inheritdoc />
    public Batch ReviewPages(string batchId, IReadOnlyCollection<string> pageIds, ReviewStatus status, string user, string? reason = null, int? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(pageIds);
        lock (_commitGate)
        {
            var batch = RequireBatch(batchId);
            RequireVersion(batch, expectedVersion);
            if (!BatchReview.AcceptsVerdicts(batch))
            {
                throw new ArchiveException(ArchiveProblem.InvalidState, batch.Name, batch.State.ToString());
            }

            var pages = pageIds.Select(id => _pages.FindById(id) is { } d && d["BatchId"].AsString == batch.Id ? d : throw new ArchiveException(ArchiveProblem.ItemNotFound, id)).ToList();
            return InTransaction(() =>
            {
                SetPageReviews(pages, status, user, status == ReviewStatus.Rejected ? reason : null);
                var touched = Touch(batch, user);
                _batches.Update(BsonMapping.ToBson(touched));
                var action = status switch { ReviewStatus.Approved => "page.approve", ReviewStatus.Rejected => "page.reject", _ => "page.unreview" };
                var details = string.Join(' ', pageIds) + (reason is null ? "" : $": {reason}");
                _audit.Insert(AuditDocument(_clock.GetUtcNow(), user, action, batch.Name, details));
                return touched;
            });
        }
    }

    /// <inheritdoc />
    public Batch ApproveBatch(string batchId, string user, string? overrideReason = null, int? expectedVersion = null, IReadOnlyList<string>? fieldProblems = null)
    {
        lock (_commitGate)
        {
            var batch = RequireBatch(batchId);
            RequireVersion(batch, expectedVersion);
            if (!batch.CanMoveTo(BatchState.Approved))
            {
                throw new ArchiveException(ArchiveProblem.InvalidState, batch.Name, batch.State.ToString());
            }

            var open = BatchReview.Open(Documents(batch.Id), Pages(batch.Id), fieldProblems ?? []);
            if (!open.IsEmpty && string.IsNullOrWhiteSpace(overrideReason))
            {
                throw new ArchiveException(ArchiveProblem.ReviewOpen, batch.Name, open.Describe());
            }

            return InTransaction(() =>
            {
                var now = _clock.GetUtcNow();
                if (!open.IsEmpty)
                {
                    // The reviewer vouches for what nobody looked at: the pages are approved in their name, and the
                    // override and its reason are recorded beside the approval.
                    var unreviewed = open.UnreviewedPages.ToHashSet(StringComparer.Ordinal);
                    SetPageReviews(_pages.Find(Query.EQ("BatchId", batch.Id)).Where(d => unreviewed.Contains(d["_id"].AsString)), ReviewStatus.Approved, user, null);
                    _audit.Insert(AuditDocument(now, user, "review.override", batch.Name, $"{overrideReason} ({open.Describe()})"));
                }

                var approved = Touch(batch, user) with { State = BatchState.Approved, Note = null };
                _batches.Update(BsonMapping.ToBson(approved));
                _audit.Insert(AuditDocument(now, user, "batch.approved", batch.Name, overrideReason));
                return approved;
            });
        }
    }

    /// <inheritdoc />
    public BatchDocument UpdateField(string documentId, string key, string value, int expectedVersion, string user) =>
        UpdateField(documentId, key, value, expectedVersion, user, null);

    /// <inheritdoc />
    public BatchDocument UpdateField(string documentId, string key, string value, int expectedVersion, string user, int? page)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        lock (_commitGate)
        {
            var document = _documents.FindById(documentId) is { } found ? BsonMapping.ToDocument(found) : throw new ArchiveException(ArchiveProblem.ItemNotFound, documentId);
            var batch = RequireBatch(document.BatchId);
            if (!BatchReview.AcceptsVerdicts(batch))
            {
                throw new ArchiveException(ArchiveProblem.InvalidState, batch.Name, batch.State.ToString());
            }

            if (document.Version != expectedVersion)
            {
                throw new ArchiveException(ArchiveProblem.Conflict, key, $"version {expectedVersion} ≠ {document.Version}");
            }

            bool Replaced(Core.Analysis.ExtractedField f) => f.Key == key && (page is null || f.Page == page);
            var before = document.Fields.Where(Replaced).OrderByDescending(f => f.Confidence).FirstOrDefault();
            // A value typed for a key that was not found goes on the given page, else the first: page 0 would belong to
            // no entry at commit, and the value would be lost.
            var edited = before is null
                ? new Core.Analysis.ExtractedField(key, value, "", 1, page ?? 1, new Core.Imaging.PixelBox(0, 0, 0, 0)) { Source = Core.Extraction.FieldSource.Reviewer, ConfirmedBy = user }
                : before with { Value = value, Confidence = 1, Source = Core.Extraction.FieldSource.Reviewer, ConfirmedBy = user };
            var fields = document.Fields.Where(f => !Replaced(f)).Append(edited).ToList();
            var updated = document with { Fields = fields, Version = document.Version + 1 };
            return InTransaction(() =>
            {
                _documents.Update(BsonMapping.ToBson(updated));
                _batches.Update(BsonMapping.ToBson(Touch(batch, user)));
                _audit.Insert(AuditDocument(_clock.GetUtcNow(), user, "field.edit", batch.Name, $"{document.Id} {key}: {before?.Value ?? "∅"} → {value}"));
                return updated;
            });
        }
    }

    /// <summary>The batch with its version raised and the change attributed.</summary>
    private Batch Touch(Batch batch, string user) => batch with { Version = batch.Version + 1, UpdatedAt = _clock.GetUtcNow(), UpdatedBy = user };

    private static void RequireVersion(Batch batch, int? expected)
    {
        if (expected is { } version && version != batch.Version)
        {
            throw new ArchiveException(ArchiveProblem.Conflict, batch.Name, $"version {version} ≠ {batch.Version}");
        }
    }

    /// <summary>Sets the verdict on stored pages in place (their recognition data is not decoded and written again).</summary>
    private int SetPageReviews(IEnumerable<BsonDocument> pages, ReviewStatus status, string user, string? reason)
    {
        var changed = 0;
        foreach (var page in pages.ToList())
        {
            page["Review"] = status.ToString();
            page["ReviewReason"] = reason is null ? BsonValue.Null : reason;
            page["ReviewedBy"] = status == ReviewStatus.Unreviewed ? BsonValue.Null : user;
            _pages.Update(page);
            changed++;
        }

        return changed;
    }
}
