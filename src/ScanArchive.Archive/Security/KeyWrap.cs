using System.Security.Cryptography;
using System.Text;

namespace ScanArchive.Archive.Security;

/// <summary>
/// Wraps the data key under a key-encryption key (AES-256-GCM, random nonce), so that the data folder can carry its
/// wrapped data key while the key that opens it lives elsewhere; rotating the key-encryption key re-wraps 32 bytes
/// and leaves every encrypted byte of the archive as it is.
/// </summary>
public static class KeyWrap
{
    /// <summary>Length of a key-encryption key in bytes.</summary>
    public const int KeySize = 32;

    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>A new random key-encryption key.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeySize);

    /// <summary>
    /// A short public name for a key-encryption key (HMAC of a fixed label), so the data folder can say which key
    /// wrapped its data key without revealing anything about the key.
    /// </summary>
    public static string Fingerprint(ReadOnlySpan<byte> kek) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(kek, "scanarchive/v1/kek-fingerprint"u8))[..16];

    /// <summary>Nonce, ciphertext and tag of the data key, bound to the data folder's key id.</summary>
    public static byte[] Wrap(DataKey dataKey, ReadOnlySpan<byte> kek, string keyId)
    {
        ArgumentNullException.ThrowIfNull(dataKey);
        var wrapped = new byte[NonceSize + DataKey.Size + TagSize];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, NonceSize));
        using var aes = new AesGcm(kek, TagSize);
        aes.Encrypt(wrapped.AsSpan(0, NonceSize), dataKey.Bytes, wrapped.AsSpan(NonceSize, DataKey.Size), wrapped.AsSpan(NonceSize + DataKey.Size), Label(keyId));
        return wrapped;
    }

    /// <summary>The data key, or null when <paramref name="kek"/> is not the key it was wrapped with.</summary>
    public static DataKey? Unwrap(ReadOnlySpan<byte> wrapped, ReadOnlySpan<byte> kek, string keyId)
    {
        if (wrapped.Length != NonceSize + DataKey.Size + TagSize || kek.Length != KeySize)
        {
            return null;
        }

        Span<byte> key = stackalloc byte[DataKey.Size];
        try
        {
            using var aes = new AesGcm(kek, TagSize);
            aes.Decrypt(wrapped[..NonceSize], wrapped.Slice(NonceSize, DataKey.Size), wrapped[(NonceSize + DataKey.Size)..], key, Label(keyId));
            return new DataKey(key);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] Label(string keyId) => Encoding.UTF8.GetBytes("scanarchive/v1/data-key/" + keyId);
}
