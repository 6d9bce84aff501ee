using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Search;
using ScanArchive.Search;

namespace ScanArchive.Application.Searching;

/// <summary>
/// Search over committed entries, and the index kept in step with the archive. The index is opened once per host
/// and kept open (a server answers many searches; a command answers one).
/// </summary>
public sealed class SearchService(ArchiveHost host) : IDisposable
{
    private readonly Lock _gate = new();
    private LuceneSearchIndex? _index;

    /// <summary>Searches; the query text is audited.</summary>
    /// <exception cref="SearchIndexException">The index cannot be opened (locked, damaged).</exception>
    public SearchResults Search(Actor actor, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        actor.Require(Permission.ReadArchive);
        SearchResults results;
        lock (_gate)
        {
            var index = Index();
            new ArchiveIndexer(host.Store, index).Drain();
            results = index.Search(query);
        }

        host.Store.Audit(new AuditEvent(actor.UserName, "archive.search", query.Text ?? "", $"{results.TotalHits} hit(s), {results.Elapsed.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} ms", actor.Address));
        return results;
    }

    /// <summary>Most hits read to filter by batch (the index has no batch field; the filter applies to the best ones).</summary>
    public const int MaxBatchFilterHits = 1000;

    /// <summary>
    /// Searches for a screen: like <see cref="Search"/>, optionally only entries of <paramref name="batch"/>, and each hit
    /// with the boxes of the matching words on its page.
    /// </summary>
    public FoundHits Find(Actor actor, SearchQuery query, string? batch = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var byBatch = !string.IsNullOrWhiteSpace(batch);
        var results = Search(actor, byBatch ? query with { Skip = 0, Take = MaxBatchFilterHits } : query);
        var hits = new List<FoundHit>();
        var total = results.TotalHits;
        var candidates = results.Hits
            .Select(h => (Hit: h, Entry: host.Store.FindEntry(h.ArchiveNumber)))
            .Where(x => x.Entry is not null && (!byBatch || string.Equals(x.Entry.BatchName, batch!.Trim(), StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (byBatch)
        {
            total = candidates.Count;
            candidates = candidates.Skip(query.Skip).Take(query.Take).ToList();
        }

        foreach (var (hit, entry) in candidates)
        {
            var page = hit.PageNumber is { } number ? HitBoxes(entry!, number, query.Text) : new PageHitBoxes(null, 0, 0, []);
            hits.Add(new FoundHit(hit, entry!.BatchName, page));
        }

        return new FoundHits(total, hits, results.Elapsed);
    }

    /// <summary>
    /// Where the query's words are on an entry's page: boxes of the stored OCR words that match its terms (see
    /// <see cref="HitLocator"/>), in the page image's pixels. Empty when the page has no recognized words.
    /// </summary>
    public PageHitBoxes HitBoxes(ArchiveEntry entry, int pageNumber, string queryText)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var page = entry.Pages.FirstOrDefault(p => p.Number == pageNumber);
        var stored = page is null ? null : host.Store.FindPage(page.PageId);
        if (stored is null)
        {
            return new PageHitBoxes(page?.PageId, 0, 0, []);
        }

        return new PageHitBoxes(stored.Id, stored.Image?.Width ?? stored.Ocr.Width, stored.Image?.Height ?? stored.Ocr.Height, HitLocator.Locate(stored.Ocr, queryText));
    }

    /// <summary>
    /// Indexes what the last commits left in the outbox. A failure never undoes a commit: the entries stay in the
    /// outbox and the next search, commit or reindex picks them up. False (with the reason) when it failed.
    /// </summary>
    public bool TryCatchUp(out SearchIndexException? failure)
    {
        failure = null;
        try
        {
            lock (_gate)
            {
                new ArchiveIndexer(host.Store, Index()).Drain();
            }

            return true;
        }
        catch (SearchIndexException ex)
        {
            failure = ex;
            return false;
        }
    }

    /// <inheritdoc cref="TryCatchUp(out SearchIndexException?)"/>
    public bool TryCatchUp() => TryCatchUp(out _);

    /// <summary>Rebuilds the index from the records (a damaged index is started afresh: the records are the truth).</summary>
    public int Reindex(Actor actor, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManageAccounts);
        int count;
        lock (_gate)
        {
            LuceneSearchIndex index;
            try
            {
                index = Index();
            }
            catch (SearchIndexException ex) when (ex.Problem == SearchIndexProblem.Corrupt)
            {
                index = _index = new LuceneSearchIndex(host.Layout.SearchIndex, recreate: true, encryptionKey: host.IndexKey);
            }

            count = new ArchiveIndexer(host.Store, index).Rebuild(progress, cancellationToken);
        }

        host.Store.Audit(new AuditEvent(actor.UserName, "archive.reindex", host.Layout.Root, $"{count} entries", actor.Address));
        return count;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _index?.Dispose();
            _index = null;
        }
    }

    private LuceneSearchIndex Index() => _index ??= new LuceneSearchIndex(host.Layout.SearchIndex, encryptionKey: host.IndexKey);
}
