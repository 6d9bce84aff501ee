using System.Security.Cryptography;
using ScanArchive.Archive.Security;

namespace ScanArchive.Archive.Tests.Security;

public sealed class SealedStreamTests
{
    private const int Chunk = 1024;
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Chunk - 1)]
    [InlineData(Chunk)]
    [InlineData(Chunk + 1)]
    [InlineData((3 * Chunk) + 17)]
    public void Round_trip_of_any_length_reports_plaintext_hash_and_length(int length)
    {
        var plain = RandomNumberGenerator.GetBytes(length);
        var sealedBytes = Seal(plain, out var sha);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(plain)), sha);
        Assert.Equal(SealedFormat.SealedLength(length, Chunk), sealedBytes.Length);
        Assert.Equal(plain, Unseal(sealedBytes));
        Assert.Equal(length, SealedFormat.PlainLength(sealedBytes.Length, Chunk));
    }

    [Fact]
    public void Plaintext_does_not_appear_in_the_sealed_bytes()
    {
        var plain = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("张伟 11010819600913403X ", 200)));
        var sealedBytes = Seal(plain, out _);
        Assert.Equal(-1, sealedBytes.AsSpan().IndexOf("11010819600913403X"u8));
    }

    [Fact]
    public void Any_altered_byte_is_detected()
    {
        var plain = RandomNumberGenerator.GetBytes((2 * Chunk) + 100);
        var sealedBytes = Seal(plain, out _);
        foreach (var at in new[] { 0, 20, SealedFormat.HeaderSize + 5, SealedFormat.HeaderSize + Chunk + 3, sealedBytes.Length - 1 })
        {
            var altered = (byte[])sealedBytes.Clone();
            altered[at] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => Unseal(altered));
        }
    }

    [Fact]
    public void A_file_cut_short_at_a_chunk_boundary_or_inside_a_chunk_is_detected()
    {
        var plain = RandomNumberGenerator.GetBytes(3 * Chunk);
        var sealedBytes = Seal(plain, out _);
        var boundary = SealedFormat.HeaderSize + (2 * (Chunk + SealedFormat.TagSize));
        Assert.ThrowsAny<CryptographicException>(() => Unseal(sealedBytes[..boundary]));
        Assert.ThrowsAny<CryptographicException>(() => Unseal(sealedBytes[..(boundary - 100)]));
    }

    [Fact]
    public void Swapped_chunks_are_detected()
    {
        var plain = RandomNumberGenerator.GetBytes(3 * Chunk);
        var sealedBytes = Seal(plain, out _);
        var size = Chunk + SealedFormat.TagSize;
        var swapped = (byte[])sealedBytes.Clone();
        sealedBytes.AsSpan(SealedFormat.HeaderSize, size).CopyTo(swapped.AsSpan(SealedFormat.HeaderSize + size));
        sealedBytes.AsSpan(SealedFormat.HeaderSize + size, size).CopyTo(swapped.AsSpan(SealedFormat.HeaderSize));
        Assert.ThrowsAny<CryptographicException>(() => Unseal(swapped));
    }

    [Fact]
    public void Another_key_cannot_read_it()
    {
        var sealedBytes = Seal([1, 2, 3], out _);
        using var reader = new UnsealingStream(new MemoryStream(sealedBytes), RandomNumberGenerator.GetBytes(32));
        Assert.ThrowsAny<CryptographicException>(() => reader.ReadExactly(new byte[3]));
    }

    [Fact]
    public void Seeking_reads_the_plaintext_at_any_offset()
    {
        var plain = RandomNumberGenerator.GetBytes((4 * Chunk) + 7);
        using var reader = new UnsealingStream(new MemoryStream(Seal(plain, out _)), Key);
        Assert.Equal(plain.Length, reader.Length);
        foreach (var offset in new[] { 4 * Chunk, 5, Chunk - 2, (2 * Chunk) + 500 })
        {
            reader.Position = offset;
            var buffer = new byte[Math.Min(9, plain.Length - offset)];
            reader.ReadExactly(buffer);
            Assert.Equal(plain.AsSpan(offset, buffer.Length).ToArray(), buffer);
        }
    }

    private static byte[] Seal(byte[] plain, out string sha)
    {
        using var target = new MemoryStream();
        using (var sealing = new SealingStream(target, Key, Chunk, leaveOpen: true))
        {
            // In uneven pieces, so chunk boundaries fall inside writes.
            for (var i = 0; i < plain.Length; i += 700)
            {
                sealing.Write(plain, i, Math.Min(700, plain.Length - i));
            }

            sealing.Complete();
            sha = sealing.Sha256;
        }

        return target.ToArray();
    }

    private static byte[] Unseal(byte[] sealedBytes)
    {
        using var reader = new UnsealingStream(new MemoryStream(sealedBytes), Key);
        using var plain = new MemoryStream();
        reader.CopyTo(plain);
        return plain.ToArray();
    }
}
