namespace ScanArchive.Core.Search;

/// <summary>
/// Full-text and exact-field search over archive entries. The archive's records are the truth: the index is derived
/// from them, kept in step by the caller (idempotent <see cref="Upsert"/>), and can be rebuilt with
/// <see cref="DeleteAll"/> followed by <see cref="Upsert"/> of every entry and <see cref="Commit"/>.
/// </summary>
/// <remarks>
/// Safe for concurrent callers: writes go through one writer, searches run in parallel on the last committed state.
/// Changes become visible to <see cref="Search"/> and <see cref="Count"/>, and survive a crash, only after <see cref="Commit"/>.
/// </remarks>
public interface ISearchIndex : IDisposable
{
    /// <summary>Number of entries in the committed index.</summary>
    long Count { get; }

    /// <summary>
    /// Adds entries, replacing everything indexed before under the same archive number (so calling it twice with the
    /// same entry leaves one copy). Within one call, a later document with the same archive number wins.
    /// </summary>
    /// <exception cref="ArgumentException">A document has no archive number.</exception>
    /// <exception cref="SearchIndexException">The index cannot be written.</exception>
    void Upsert(IEnumerable<SearchDocument> documents);

    /// <summary>Removes an entry; nothing happens when it is not indexed.</summary>
    /// <exception cref="SearchIndexException">The index cannot be written.</exception>
    void Delete(string archiveNumber);

    /// <summary>Removes every entry (before a rebuild). Like all changes, takes effect at <see cref="Commit"/>.</summary>
    /// <exception cref="SearchIndexException">The index cannot be written.</exception>
    void DeleteAll();

    /// <summary>Makes all changes since the last commit durable (on disk, fsynced) and visible to searches.</summary>
    /// <exception cref="SearchIndexException">The index cannot be written.</exception>
    void Commit();

    /// <summary>Finds entries; never throws for anything typed into <see cref="SearchQuery.Text"/>.</summary>
    /// <exception cref="SearchIndexException">The index on disk is damaged.</exception>
    SearchResults Search(SearchQuery query);
}
