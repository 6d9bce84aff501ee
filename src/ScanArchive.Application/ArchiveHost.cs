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

    public ArchiveHost(ScanArchiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Layout = new DataFolderLayout(options.DataFolder);
        _store = new Lazy<LiteDbArchiveStore>(() => new LiteDbArchiveStore(options.StoreOptions?.Invoke(Layout.Root) ?? new ArchiveStoreOptions(Layout.Root, Clock: options.Clock)));
        _accounts = new Lazy<LiteDbAccountStore>(() => new LiteDbAccountStore(_store.Value));
    }

    public DataFolderLayout Layout { get; }

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
