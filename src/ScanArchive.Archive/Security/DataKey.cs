using System.Security.Cryptography;
using System.Text;

namespace ScanArchive.Archive.Security;

/// <summary>
/// The archive's data key: 32 random bytes from which every key that protects the data folder is derived (HKDF-SHA256
/// with a purpose label), so that one secret, wrapped once by the key-encryption key, covers the database, the files
/// and the search index, and a leak of one derived key does not give away the others.
/// </summary>
public sealed class DataKey : IDisposable
{
    /// <summary>Length of the data key in bytes (AES-256).</summary>
    public const int Size = 32;

    private readonly byte[] _key;

    /// <summary>Takes a copy of an existing key.</summary>
    /// <exception cref="ArgumentException">Not <see cref="Size"/> bytes.</exception>
    public DataKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != Size)
        {
            throw new ArgumentException($"A data key has {Size} bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>A new random key.</summary>
    public static DataKey Generate() => new(RandomNumberGenerator.GetBytes(Size));

    /// <summary>The key's bytes (for wrapping it under a key-encryption key; never written anywhere in the clear).</summary>
    public ReadOnlySpan<byte> Bytes => _key;

    /// <summary>The key for stored files (originals, page images, text layers, entry PDFs).</summary>
    internal byte[] FileKey => Derive("files");

    /// <summary>The key for the search index (a Lucene directory that encrypts every file it writes).</summary>
    public byte[] IndexKey => Derive("search-index");

    /// <summary>
    /// The password handed to LiteDB (which derives its own AES key from it): derived, so the database password is
    /// neither the data key nor guessable, and it changes with nothing but the data key.
    /// </summary>
    internal string DatabasePassword => Convert.ToBase64String(Derive("litedb-password"));

    /// <summary>A 32-byte key for one purpose.</summary>
    public byte[] Derive(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, Size, salt: [], info: Encoding.UTF8.GetBytes("scanarchive/v1/" + purpose));

    public void Dispose() => CryptographicOperations.ZeroMemory(_key);
}
