using ScanArchive.Core.Archive;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Archive.Storage;

/// <summary>Corrections of the recognized text of pages (the review screen's character check).</summary>
public sealed partial class LiteDbArchiveStore
{
    /// <inheritdoc />
    public Batch CorrectPageText(string batchId, IReadOnlyDictionary<string, OcrPage> pages, string user, string details, int? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(pages);
        lock (_commitGate)
        {
            var batch = RequireBatch(batchId);
            RequireVersion(batch, expectedVersion);
            RequireReview(batch);
            var stored = pages.Select(p => _pages.FindById(p.Key) is { } d && d["BatchId"].AsString == batch.Id
                ? BsonMapping.ToPage(d) with { Ocr = p.Value, TextCorrected = true }
                : throw new ArchiveException(ArchiveProblem.ItemNotFound, p.Key)).ToList();
            return InTransaction(() =>
            {
                foreach (var page in stored)
                {
                    _pages.Update(BsonMapping.ToBson(page));
                }

                var touched = Touch(batch, user);
                _batches.Update(BsonMapping.ToBson(touched));
                _audit.Insert(AuditDocument(_clock.GetUtcNow(), user, "page.text.correct", batch.Name, details));
                return touched;
            });
        }
    }
}
