using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Index;

namespace ScanArchive.Search.Encryption;

/// <summary>
/// The layout of an encrypted index file, the same construction as the archive's stored files: a 32-byte header
/// (<c>"SCANAIDX"</c>, version, chunk size, 16 random bytes), then the plaintext in fixed chunks, each sealed with
/// AES-256-GCM under a key of its own file (HKDF of the index key and the header's salt). Nonce = chunk number;
/// associated data = header + chunk number + final flag, so cut, reordered or spliced files fail. Fixed-size chunks
/// make any plaintext offset a direct seek, which Lucene needs.
/// </summary>
internal static class IndexCipher
{
    public const int HeaderSize = 32;
    public const int TagSize = 16;
    public const int NonceSize = 12;
    public const int AadSize = HeaderSize + 9;

    /// <summary>
    /// 4 KiB: small enough that a random read (a term block, a doc value) decrypts little beyond what it needs, large
    /// enough that the tags cost 0.4 % of the index (measured: 1 KiB was slower, 8 KiB no faster; bench/encryption.sh).
    /// </summary>
    public const int ChunkSize = 4 * 1024;

    private const byte Version = 1;
    private static readonly byte[] KeyInfo = Encoding.UTF8.GetBytes("scanarchive/v1/index-file-key");

    public static ReadOnlySpan<byte> Magic => "SCANAIDX"u8;

    public static byte[] NewHeader()
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header);
        header[8] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), ChunkSize);
        RandomNumberGenerator.Fill(header.AsSpan(16, 16));
        return header;
    }

    /// <exception cref="CorruptIndexException">Not an encrypted index file written by this version.</exception>
    public static void CheckHeader(ReadOnlySpan<byte> header, string name)
    {
        if (!header[..8].SequenceEqual(Magic) || header[8] != Version || BinaryPrimitives.ReadInt32LittleEndian(header[12..]) != ChunkSize)
        {
            throw new CorruptIndexException($"{name} is not an encrypted index file (a plain index in an encrypted archive: run reindex).");
        }
    }

    public static AesGcm Cipher(ReadOnlySpan<byte> indexKey, ReadOnlySpan<byte> header)
    {
        Span<byte> key = stackalloc byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, indexKey, key, header.Slice(16, 16), KeyInfo);
        var aes = new AesGcm(key, TagSize);
        CryptographicOperations.ZeroMemory(key);
        return aes;
    }

    public static void Nonce(Span<byte> nonce, long chunk)
    {
        nonce[..4].Clear();
        BinaryPrimitives.WriteInt64LittleEndian(nonce[4..], chunk);
    }

    public static void Aad(Span<byte> aad, ReadOnlySpan<byte> header, long chunk, bool final)
    {
        header.CopyTo(aad);
        BinaryPrimitives.WriteInt64LittleEndian(aad[HeaderSize..], chunk);
        aad[HeaderSize + 8] = final ? (byte)1 : (byte)0;
    }

    /// <summary>Plaintext length of an encrypted file of <paramref name="stored"/> bytes (the last chunk is always present, maybe empty).</summary>
    public static long PlainLength(long stored)
    {
        var body = stored - HeaderSize;
        if (body < TagSize)
        {
            return 0;
        }

        var chunks = (body + ChunkSize + TagSize - 1) / (ChunkSize + TagSize);
        return body - (chunks * TagSize);
    }
}
