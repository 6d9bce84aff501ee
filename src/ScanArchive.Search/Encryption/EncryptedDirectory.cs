using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ScanArchive.Search.Encryption;

/// <summary>
/// A Lucene directory that encrypts every file it writes and decrypts on read, over an ordinary file-system
/// directory that keeps doing the file handling (listing, deleting, syncing, locking). Lucene's own code sees
/// plaintext only; nothing it writes reaches the disk readable: terms, stored page text, field values, norms,
/// segment names inside the segment files.
/// </summary>
/// <remarks>
/// Chosen over encrypting only the stored text or hashing terms because the term dictionary itself spells out every
/// indexed word (names, ID and phone numbers), and because bigram, fuzzy, prefix and phrase queries need the real
/// terms in order. Compound-file slices and checksum inputs go through <see cref="OpenInput"/> (the base class's
/// implementations), so they are decrypted too.
/// </remarks>
internal sealed class EncryptedDirectory(LuceneDirectory inner, byte[] indexKey) : LuceneDirectory
{
    public override LockFactory LockFactory => inner.LockFactory;

    public override string[] ListAll() => inner.ListAll();

    [Obsolete("Lucene 4.8 marks FileExists obsolete on some directories; kept for the interface.")]
    public override bool FileExists(string name) => inner.FileExists(name);

    public override void DeleteFile(string name) => inner.DeleteFile(name);

    public override long FileLength(string name) => IndexCipher.PlainLength(inner.FileLength(name));

    public override IndexOutput CreateOutput(string name, IOContext context) => new EncryptedIndexOutput(inner.CreateOutput(name, context), indexKey);

    public override void Sync(ICollection<string> names) => inner.Sync(names);

    public override IndexInput OpenInput(string name, IOContext context)
    {
        var input = inner.OpenInput(name, context);
        try
        {
            return new EncryptedIndexInput(name, input, indexKey);
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    public override Lucene.Net.Store.Lock MakeLock(string name) => inner.MakeLock(name);

    public override void ClearLock(string name) => inner.ClearLock(name);

    public override void SetLockFactory(LockFactory lockFactory) => inner.SetLockFactory(lockFactory);

    public override string GetLockID() => inner.GetLockID();

    public override string ToString() => $"EncryptedDirectory({inner})";

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
    }
}
