using System.Security.Cryptography;

namespace ScanArchive.Archive.Security;

/// <summary>
/// Encrypts what is written to it into <see cref="SealedFormat"/>, one chunk at a time, into an inner stream; it also
/// hashes the plaintext, so the caller learns the SHA-256 and length of what it stored without reading it back.
/// </summary>
/// <remarks>
/// A chunk is sealed only once the next byte arrives or <see cref="Complete"/> is called, so the last chunk is always
/// the one marked final. Disposing without <see cref="Complete"/> leaves the file without its final chunk: such a
/// file fails to decrypt, which is what an interrupted write must look like.
/// </remarks>
internal sealed class SealingStream : Stream
{
    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly AesGcm _aes;
    private readonly byte[] _header;
    private readonly byte[] _plain;
    private readonly byte[] _sealed;
    private readonly byte[] _aad = new byte[SealedFormat.AssociatedDataSize];
    private readonly byte[] _nonce = new byte[SealedFormat.NonceSize];
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _filled;
    private long _chunk;
    private long _written;
    private bool _completed;

    public SealingStream(Stream inner, ReadOnlySpan<byte> purposeKey, int chunkSize = SealedFormat.DefaultChunkSize, bool leaveOpen = false)
    {
        _inner = inner;
        _leaveOpen = leaveOpen;
        _header = SealedFormat.NewHeader(chunkSize);
        var key = SealedFormat.ChunkKey(purposeKey, _header);
        _aes = new AesGcm(key, SealedFormat.TagSize);
        CryptographicOperations.ZeroMemory(key);
        _plain = new byte[chunkSize];
        _sealed = new byte[chunkSize];
        _inner.Write(_header);
    }

    /// <summary>SHA-256 of the plaintext, lower-case hex (after <see cref="Complete"/>).</summary>
    public string Sha256 { get; private set; } = "";

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_completed;

    /// <summary>Plaintext bytes written so far.</summary>
    public override long Length => _written;

    /// <summary>Plaintext bytes written so far (writers that note offsets, like a PDF's cross-reference table, read it).</summary>
    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _sha.AppendData(buffer);
        _written += buffer.Length;
        while (!buffer.IsEmpty)
        {
            if (_filled == _plain.Length)
            {
                SealChunk(final: false);
            }

            var take = Math.Min(buffer.Length, _plain.Length - _filled);
            buffer[..take].CopyTo(_plain.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Seals the final chunk. The file is valid only after this.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        SealChunk(final: true);
        _completed = true;
        Sha256 = Convert.ToHexStringLower(_sha.GetHashAndReset());
        _inner.Flush();
    }

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aes.Dispose();
            _sha.Dispose();
            CryptographicOperations.ZeroMemory(_plain);
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void SealChunk(bool final)
    {
        SealedFormat.Nonce(_nonce, _chunk);
        SealedFormat.AssociatedData(_aad, _header, _chunk, final);
        Span<byte> tag = stackalloc byte[SealedFormat.TagSize];
        _aes.Encrypt(_nonce, _plain.AsSpan(0, _filled), _sealed.AsSpan(0, _filled), tag, _aad);
        _inner.Write(_sealed, 0, _filled);
        _inner.Write(tag);
        _filled = 0;
        _chunk++;
    }
}
