using System.Globalization;
using ScanArchive.Core.Archive;

namespace ScanArchive.Core.Search;

/// <summary>
/// Keeps the search index in step with the archive. The archive's records are the truth: every commit leaves its
/// entries in a durable outbox in the same transaction, and <see cref="Drain"/> moves them into the index and only
/// then clears them, so a crash between the two re-indexes (idempotently) instead of losing an entry.
/// </summary>
public sealed class ArchiveIndexer(IArchiveStore store, ISearchIndex index)
{
    private const int Chunk = 500;

    /// <summary>Indexes every entry still waiting in the outbox; returns how many.</summary>
    public int Drain()
    {
        var pending = store.PendingIndexing();
        if (pending.Count == 0)
        {
            return 0;
        }

        index.Upsert(pending.Select(ToSearchDocument));
        index.Commit();
        store.MarkIndexed(pending.Select(e => e.Number));
        return pending.Count;
    }

    /// <summary>Rebuilds the index from the archive's records; the old index stays searchable until the new one is committed.</summary>
    public int Rebuild(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        index.DeleteAll();
        var done = 0;
        for (var skip = 0; ; skip += Chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entries = store.Entries(skip, Chunk);
            if (entries.Count == 0)
            {
                break;
            }

            index.Upsert(entries.Select(ToSearchDocument));
            done += entries.Count;
            progress?.Report(done);
        }

        index.Commit();
        store.MarkIndexed(store.PendingIndexing().Select(e => e.Number));
        return done;
    }

    /// <summary>What the index holds of an entry.</summary>
    public static SearchDocument ToSearchDocument(ArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new SearchDocument
        {
            ArchiveNumber = entry.Number,
            DocumentType = entry.DocumentType,
            DocumentDate = entry.Fields.TryGetValue("document_date", out var date)
                && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null,
            CommittedAt = entry.CommittedAt,
            CustomerName = entry.Fields.GetValueOrDefault("customer_name", ""),
            CustomerNo = entry.Fields.GetValueOrDefault("customer_no", ""),
            BatchName = entry.BatchName,
            Fields = entry.Fields,
            Pages = entry.Pages.Select(p => new SearchPage(p.Number, p.Text)).ToList(),
        };
    }
}
