using ScanArchive.Archive.Security;
using ScanArchive.Core.Documents;

namespace ScanArchive.Archive.Storage;

/// <summary>Encryption at rest and the audit chain, as the application sees them.</summary>
public sealed partial class LiteDbArchiveStore
{
    /// <summary>True when the store writes its files encrypted (it was opened with a data key).</summary>
    public bool Encrypted => _files.Encrypted;

    /// <summary>
    /// Wraps a reader so that it reads stored originals through <see cref="IArchiveStore.PathOf"/> even when they are
    /// encrypted (decrypted in memory for the time of the read). Without encryption it is <paramref name="inner"/>.
    /// </summary>
    public IDocumentReader PlaintextReader(IDocumentReader inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return !_files.Encrypted ? inner : new PlaintextDocumentReader(inner, OpenIfEncrypted, Path.Combine(DataFolder, "tmp"));
    }

    /// <summary>Checks the audit trail's hash chain (and, given an anchor, that the anchored record is still there, unchanged).</summary>
    public AuditChainReport VerifyAuditChain(long? anchoredSeq = null, string? anchoredHash = null) =>
        ((ChainedAuditCollection)_audit).Verify(anchoredSeq, anchoredHash);

    /// <summary>
    /// Encrypts every stored file that is still plain (migrating a folder): each one is replaced whole, so an
    /// interruption leaves every file either plain or encrypted, and running it again carries on. Returns the
    /// number of files encrypted now.
    /// </summary>
    public int EncryptStoredFiles(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var done = 0;
        foreach (var relative in _files.Enumerate("originals", "pages", "text", "entries"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_files.SealInPlace(relative))
            {
                progress?.Report(++done);
            }
        }

        return done;
    }

    private Stream? OpenIfEncrypted(string path)
    {
        var full = Path.GetFullPath(path);
        if (!full.StartsWith(DataFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full) || !SealedFormat.IsSealed(full))
        {
            return null;
        }

        var relative = Path.GetRelativePath(DataFolder, full).Replace(Path.DirectorySeparatorChar, '/');
        return _files.Open(new Core.Archive.StoredFile(relative, "", 0));
    }
}
