using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using ScanArchive.Core.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ScanArchive.Search;

/// <summary>
/// The archive's search index: a Lucene index in one folder, one Lucene document per page (see remarks).
/// </summary>
/// <remarks>
/// <para><b>One document per page, not per entry.</b> The hit is then a page: its number and text for the snippet come
/// straight from the best-scoring document, and a phrase cannot match across a page break. Entry-level data
/// (customer, type, fields, keys) is repeated on each page — entries have a handful of pages, so the cost is small — which
/// lets one query combine page text and fields ("张伟 合同"). Pages are grouped into entries while collecting
/// (<see cref="EntryCollector"/>): an entry's pages are written as one block, so they always share a segment.</para>
/// <para><b>Concurrency and durability.</b> One <see cref="IndexWriter"/>, and one process: an exclusive OS lock on
/// <see cref="LockFileName"/> keeps other processes (and other instances) out while the index is open;
/// searches use a <see cref="SearcherManager"/> over the folder's last commit, refreshed after each <see cref="Commit"/>
/// (unchanged segments are shared), so they see exactly the committed state and never wait for writes. <see cref="Dispose"/> rolls back uncommitted changes: a rebuild interrupted between
/// <see cref="DeleteAll"/> and <see cref="Commit"/> leaves the previous index intact.</para>
/// </remarks>
public sealed class LuceneSearchIndex : ISearchIndex
{
    private readonly Analyzer _indexAnalyzer = ArchiveTextAnalyzer.ForIndex();
    private readonly QueryPlanner _planner = new(ArchiveTextAnalyzer.ForQuery());
    private readonly object _commitLock = new();
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly FileStream _folderLock;
    private bool _disposed;

    /// <summary>Opens the index in <paramref name="folder"/>, creating the folder and an empty index when there is none.</summary>
    /// <param name="folder">The index folder (only the index lives there).</param>
    /// <param name="recreate">
    /// Delete whatever is in the folder and start an empty index. For rebuilding a damaged index (after a
    /// <see cref="SearchIndexProblem.Corrupt"/> error); a rebuild of a healthy index should rather use
    /// <see cref="DeleteAll"/>, which keeps the old index searchable until the new one is committed.
    /// </param>
    /// <param name="ramBufferMegabytes">Memory for buffering added documents before they are flushed to a segment.</param>
    /// <param name="encryptionKey">
    /// With a key (32 bytes), every index file is encrypted at rest (<see cref="Encryption.EncryptedDirectory"/>) and the
    /// folder is private to the account; a plain index found there is reported damaged (rebuild it with reindex).
    /// </param>
    /// <exception cref="SearchIndexException">The index is locked by another process, damaged, or the folder is not usable.</exception>
    public LuceneSearchIndex(string folder, bool recreate = false, double ramBufferMegabytes = 48, byte[]? encryptionKey = null)
    {
        Folder = Path.GetFullPath(folder);
        LuceneDirectory? directory = null;
        IndexWriter? writer = null;
        FileStream? folderLock = null;
        try
        {
            if (encryptionKey is not null && !OperatingSystem.IsWindows())
            {
                System.IO.Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                File.SetUnixFileMode(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            else
            {
                System.IO.Directory.CreateDirectory(Folder);
            }

            folderLock = LockFolder(Folder);
            if (recreate)
            {
                foreach (var file in System.IO.Directory.EnumerateFiles(Folder).Where(f => Path.GetFileName(f) != LockFileName))
                {
                    File.Delete(file);
                }
            }

            directory = FSDirectory.Open(new DirectoryInfo(Folder));
            if (encryptionKey is not null)
            {
                directory = new Encryption.EncryptedDirectory(directory, encryptionKey);
            }

            var config = new IndexWriterConfig(ArchiveTextAnalyzer.Version, _indexAnalyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = ramBufferMegabytes,
                Similarity = new BM25Similarity(),
            };
            writer = new IndexWriter(directory, config);
            if (!DirectoryReader.IndexExists(directory))
            {
                writer.Commit(); // an empty commit, so that searchers have something to open
            }

            // Searchers read the last commit from the folder rather than the writer's uncommitted state.
            _searchers = new SearcherManager(directory, new Bm25SearcherFactory());
            _directory = directory;
            _writer = writer;
            _folderLock = folderLock;
        }
        catch (Exception e) when (Translate(e) is { } problem)
        {
            Dispose(writer, directory, folderLock);
            throw new SearchIndexException(Folder, problem, e);
        }
        catch
        {
            Dispose(writer, directory, folderLock);
            throw;
        }
    }

    /// <summary>Name of the file in the index folder that holds the exclusive lock of the process using the index.</summary>
    public const string LockFileName = "scanarchive-index.lock";

    /// <summary>The index folder.</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public long Count => WithSearcher(searcher =>
    {
        var counter = new TotalHitCountCollector();
        searcher.Search(new TermQuery(new Term(IndexFields.Head, "1")), counter);
        return (long)counter.TotalHits;
    });

    /// <summary>Number of page documents in the committed index.</summary>
    public long PageCount => WithSearcher(searcher => (long)searcher.IndexReader.NumDocs);

    /// <inheritdoc />
    public void Upsert(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var entry in documents)
        {
            var key = SearchKeys.Normalize(entry.ArchiveNumber ?? "");
            if (key.Length == 0)
            {
                throw new ArgumentException($"An entry without an archive number cannot be indexed ('{entry.ArchiveNumber}').", nameof(documents));
            }

            var pages = PageDocuments.Build(entry, key);
            Write(() => _writer.UpdateDocuments(new Term(IndexFields.ArchiveKey, key), pages));
        }
    }

    /// <inheritdoc />
    public void Delete(string archiveNumber)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var key = SearchKeys.Normalize(archiveNumber ?? "");
        if (key.Length > 0)
        {
            Write(() => _writer.DeleteDocuments(new Term(IndexFields.ArchiveKey, key)));
        }
    }

    /// <inheritdoc />
    public void DeleteAll()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Write(_writer.DeleteAll);
    }

    /// <inheritdoc />
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_commitLock)
        {
            Write(() =>
            {
                _writer.Commit();
                _searchers.MaybeRefreshBlocking();
            });
        }
    }

    /// <inheritdoc />
    public SearchResults Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var clock = Stopwatch.StartNew();
        var plan = _planner.Plan(query);
        if (plan.Query is null)
        {
            return new SearchResults(0, [], clock.Elapsed);
        }

        var skip = Math.Max(0, query.Skip);
        var take = Math.Clamp(query.Take, 1, 1000);
        return WithSearcher(searcher =>
        {
            var collector = new EntryCollector();
            searcher.Search(plan.Query, plan.Filter, collector);
            collector.Finish();
            var hits = collector.Top(skip, take).Select(match => Hit(searcher, match, plan.Terms)).ToList();
            return new SearchResults(collector.EntryCount, hits, clock.Elapsed);
        });
    }

    /// <summary>Closes the index; changes not committed are discarded.</summary>
    public void Dispose()
    {
        lock (_commitLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _searchers.Dispose();
            Dispose(_writer, _directory, _folderLock);
        }
    }

    private SearchHit Hit(IndexSearcher searcher, EntryMatch match, HighlightTerms terms)
    {
        var doc = searcher.Doc(match.Doc);
        var page = doc.GetField(IndexFields.Page)?.GetInt32Value() ?? 0;
        var (snippet, highlights) = SnippetBuilder.Build(_indexAnalyzer, doc.Get(IndexFields.StoredText) ?? "", terms);
        var exact = terms.Keys.Count > 0
            && doc.GetValues(IndexFields.Key).Concat(doc.GetValues(IndexFields.PageKey)).Any(terms.Keys.Contains);
        return new SearchHit
        {
            ArchiveNumber = doc.Get(IndexFields.ArchiveNumber) ?? "",
            Score = match.Score,
            ExactMatch = exact,
            DocumentType = doc.Get(IndexFields.DocumentTypeStored) ?? "",
            CustomerName = doc.Get(IndexFields.CustomerName) ?? "",
            DocumentDate = doc.Get(IndexFields.DocumentDate) is { } date
                ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null,
            CommittedAt = DateTimeOffset.ParseExact(doc.Get(IndexFields.CommittedAt) ?? "", "O", CultureInfo.InvariantCulture),
            PageNumber = page > 0 ? page : null,
            Snippet = snippet,
            Highlights = highlights,
        };
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> action)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        IndexSearcher searcher;
        try
        {
            searcher = _searchers.Acquire();
        }
        catch (ObjectDisposedException e)
        {
            // Lucene's AlreadyClosedException is an ObjectDisposedException; name the object the caller knows.
            throw new ObjectDisposedException(nameof(LuceneSearchIndex), e);
        }

        try
        {
            return action(searcher);
        }
        catch (Exception e) when (Translate(e) is { } problem)
        {
            throw new SearchIndexException(Folder, problem, e);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private void Write(Action action)
    {
        try
        {
            action();
        }
        catch (ObjectDisposedException e)
        {
            // Lucene's AlreadyClosedException is an ObjectDisposedException; name the object the caller knows.
            throw new ObjectDisposedException(nameof(LuceneSearchIndex), e);
        }
        catch (Exception e) when (Translate(e) is { } problem)
        {
            throw new SearchIndexException(Folder, problem, e);
        }
    }

    private static SearchIndexProblem? Translate(Exception e) => e switch
    {
        LockObtainFailedException => SearchIndexProblem.Locked,
        CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or IndexNotFoundException
            or EndOfStreamException or FileNotFoundException => SearchIndexProblem.Corrupt,
        UnauthorizedAccessException or IOException => SearchIndexProblem.Unavailable,
        _ => null,
    };

    /// <summary>
    /// Takes an exclusive OS lock on a file in the folder for as long as the index is open. Lucene.Net's own write lock
    /// does not keep a second process out on Linux (its lock file is opened shared there: verified with two processes),
    /// and two writers would corrupt the index. The OS drops the lock when the process dies, so a crash leaves nothing stale.
    /// </summary>
    private static FileStream LockFolder(string folder)
    {
        try
        {
            return new FileStream(Path.Combine(folder, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            throw new LockObtainFailedException($"{Path.Combine(folder, LockFileName)} is locked by another process", e);
        }
    }

    private static void Dispose(IndexWriter? writer, LuceneDirectory? directory, FileStream? folderLock)
    {
        try
        {
            writer?.Rollback();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The writer had already failed; its files are whatever the last commit left, which is what we want.
        }

        directory?.Dispose();
        folderLock?.Dispose();
    }

    /// <summary>Searchers that rank with BM25, like the writer's length norms expect.</summary>
    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
