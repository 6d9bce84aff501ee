using ScanArchive.Archive.Storage;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;

namespace ScanArchive.Application;

/// <summary>
/// Owns the open archive for the life of the host. The store is opened on first use (so a host that only shows
/// help never takes the data folder's lock) and closed when the host stops.
/// </summary>
public sealed class ArchiveHost : IDisposable
{
    private readonly Lazy<LiteDbArchiveStore> _store;
    private readonly Lazy<LiteDbAccountStore> _accounts;
    private byte[]? _indexKey;

    public ArchiveHost(ScanArchiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Layout = new DataFolderLayout(options.DataFolder);
        KeyOptions = options.Keys ?? Keys.KeyOptions.FromEnvironment();
        _store = new Lazy<LiteDbArchiveStore>(() =>
        {
            // The key first: a missing or wrong key stops here, before anything in the folder is touched.
            var key = Keys.KeyRing.Open(Layout.Root, KeyOptions);
            _indexKey = key?.IndexKey;
            var storeOptions = options.StoreOptions?.Invoke(Layout.Root) ?? new ArchiveStoreOptions(Layout.Root, Clock: options.Clock);
            return new LiteDbArchiveStore(storeOptions with { Key = key });
        });
        _accounts = new Lazy<LiteDbAccountStore>(() => new LiteDbAccountStore(_store.Value));
    }

    public DataFolderLayout Layout { get; }

    /// <summary>Where the data folder's key is kept.</summary>
    public Keys.KeyOptions KeyOptions { get; }

    /// <summary>The search index's key (null for a plain folder); opens the archive if it was not.</summary>
    internal byte[]? IndexKey => _store.Value is not null ? _indexKey : null;

    /// <summary>A document reader that also reads the archive's encrypted originals (decrypted in memory while read).</summary>
    internal Core.Documents.IDocumentReader StoredFileReader(Core.Documents.IDocumentReader inner) => _store.Value.PlaintextReader(inner);

    /// <summary>The archive (opened now if it was not).</summary>
    /// <exception cref="ArchiveException">Another program holds the data folder, or the database cannot be opened.</exception>
    public IArchiveStore Store => _store.Value;

    /// <summary>The accounts, kept in the archive's database.</summary>
    public IAccountStore Accounts => _accounts.Value;

    /// <summary>The concrete store, for adapters that need it (search index maintenance).</summary>
    internal LiteDbArchiveStore LiteDb => _store.Value;

    public void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }
    }
}
