using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ScanArchive.Archive.Security;

/// <summary>
/// The layout of an encrypted file: a 32-byte header, then the plaintext in chunks, each sealed with AES-256-GCM
/// under a key of its own file (HKDF of the purpose key and the header's random salt).
/// </summary>
/// <remarks>
/// <para>Header: <c>"SCANAENC"</c>, version (1), three zero bytes, chunk size (int32 LE), 16-byte random salt.</para>
/// <para>Chunk <c>i</c>: ciphertext then 16-byte tag; nonce = 4 zero bytes + <c>i</c> (int64 LE); associated data =
/// header + <c>i</c> + a final-chunk flag. Only the last chunk carries the flag, and an empty file still has one
/// (empty) final chunk: so a file cut at a chunk boundary, chunks swapped, or a file's chunks spliced into
/// another all fail authentication, and memory stays at one chunk whatever the file's size (the STREAM
/// construction).</para>
/// </remarks>
internal static class SealedFormat
{
    public const int HeaderSize = 32;
    public const int TagSize = 16;
    public const int NonceSize = 12;
    public const int DefaultChunkSize = 64 * 1024;
    private const int MaxChunkSize = 16 * 1024 * 1024;
    private const byte Version = 1;

    public static ReadOnlySpan<byte> Magic => "SCANAENC"u8;

    private static readonly byte[] FileKeyInfo = Encoding.UTF8.GetBytes("scanarchive/v1/file-chunk-key");

    public static byte[] NewHeader(int chunkSize)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header);
        header[8] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), chunkSize);
        RandomNumberGenerator.Fill(header.AsSpan(16, 16));
        return header;
    }

    /// <summary>Checks a header and returns its chunk size.</summary>
    /// <exception cref="CryptographicException">Not an encrypted file of a known version.</exception>
    public static int ReadHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length < HeaderSize || !header[..8].SequenceEqual(Magic) || header[8] != Version)
        {
            throw new CryptographicException("Not an encrypted ScanArchive file (or an unknown version).");
        }

        var chunk = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        if (chunk is <= 0 or > MaxChunkSize)
        {
            throw new CryptographicException("Damaged header: impossible chunk size.");
        }

        return chunk;
    }

    public static bool HasMagic(ReadOnlySpan<byte> start) => start.Length >= Magic.Length && start[..Magic.Length].SequenceEqual(Magic);

    /// <summary>True when the file at <paramref name="path"/> starts like an encrypted file.</summary>
    public static bool IsSealed(string path)
    {
        Span<byte> start = stackalloc byte[8];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        return file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length && HasMagic(start);
    }

    /// <summary>The per-file key: the purpose key, salted with the header's random bytes.</summary>
    public static byte[] ChunkKey(ReadOnlySpan<byte> purposeKey, ReadOnlySpan<byte> header)
    {
        var key = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, purposeKey, key, header.Slice(16, 16), FileKeyInfo);
        return key;
    }

    public static void Nonce(Span<byte> nonce, long chunk)
    {
        nonce[..4].Clear();
        BinaryPrimitives.WriteInt64LittleEndian(nonce[4..], chunk);
    }

    public static void AssociatedData(Span<byte> aad, ReadOnlySpan<byte> header, long chunk, bool final)
    {
        header[..HeaderSize].CopyTo(aad);
        BinaryPrimitives.WriteInt64LittleEndian(aad[HeaderSize..], chunk);
        aad[HeaderSize + 8] = final ? (byte)1 : (byte)0;
    }

    public const int AssociatedDataSize = HeaderSize + 9;

    /// <summary>Bytes on disk of <paramref name="plainLength"/> bytes sealed in chunks of <paramref name="chunkSize"/>.</summary>
    public static long SealedLength(long plainLength, int chunkSize) =>
        HeaderSize + plainLength + (Math.Max(1, (plainLength + chunkSize - 1) / chunkSize) * TagSize);

    /// <summary>Plaintext length of a sealed file of <paramref name="sealedLength"/> bytes (see the remarks on the layout).</summary>
    public static long PlainLength(long sealedLength, int chunkSize)
    {
        var body = sealedLength - HeaderSize;
        if (body < TagSize)
        {
            throw new CryptographicException("Encrypted file cut short.");
        }

        var chunks = (body + chunkSize + TagSize - 1) / (chunkSize + TagSize);
        return body - (chunks * TagSize);
    }
}
