using System.Security.Cryptography;

namespace ScanArchive.Archive.Security;

/// <summary>
/// Reads a <see cref="SealedFormat"/> file as its plaintext, one authenticated chunk at a time (seekable when the inner
/// stream is). A chunk that fails authentication, a missing final chunk or a file cut short throws
/// <see cref="CryptographicException"/>: altered bytes are never returned.
/// </summary>
internal sealed class UnsealingStream : Stream
{
    private readonly Stream _inner;
    private readonly AesGcm _aes;
    private readonly byte[] _header = new byte[SealedFormat.HeaderSize];
    private readonly int _chunkSize;
    private readonly long _length;
    private readonly long _chunks;
    private readonly byte[] _plain;
    private readonly byte[] _sealed;
    private readonly byte[] _aad = new byte[SealedFormat.AssociatedDataSize];
    private readonly byte[] _nonce = new byte[SealedFormat.NonceSize];
    private long _loaded = -1;
    private int _loadedLength;
    private long _position;

    public UnsealingStream(Stream inner, ReadOnlySpan<byte> purposeKey)
    {
        if (!inner.CanSeek)
        {
            throw new ArgumentException("Encrypted files are read from seekable streams.", nameof(inner));
        }

        _inner = inner;
        inner.ReadExactly(_header);
        _chunkSize = SealedFormat.ReadHeader(_header);
        var key = SealedFormat.ChunkKey(purposeKey, _header);
        _aes = new AesGcm(key, SealedFormat.TagSize);
        CryptographicOperations.ZeroMemory(key);
        _plain = new byte[_chunkSize];
        _sealed = new byte[_chunkSize + SealedFormat.TagSize];
        _length = SealedFormat.PlainLength(inner.Length, _chunkSize);
        _chunks = Math.Max(1, (_length + _chunkSize - 1) / _chunkSize);
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_position >= _length)
        {
            // Reaching the end proves it: the last chunk must authenticate as the final one (a file cut at a chunk
            // boundary fails here rather than passing for a shorter file).
            if (_loaded != _chunks - 1)
            {
                Load(_chunks - 1);
            }

            return 0;
        }

        var chunk = _position / _chunkSize;
        if (chunk != _loaded)
        {
            Load(chunk);
        }

        var within = (int)(_position - (chunk * _chunkSize));
        var available = _loadedLength - within;
        if (available <= 0)
        {
            return 0;
        }

        var take = Math.Min(available, buffer.Length);
        _plain.AsSpan(within, take).CopyTo(buffer);
        _position += take;
        return take;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        _position = target;
        return target;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aes.Dispose();
            CryptographicOperations.ZeroMemory(_plain);
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Decrypts chunk <paramref name="chunk"/> into the plaintext buffer.</summary>
    private void Load(long chunk)
    {
        _inner.Position = SealedFormat.HeaderSize + (chunk * (_chunkSize + SealedFormat.TagSize));
        var read = _inner.ReadAtLeast(_sealed, _sealed.Length, throwOnEndOfStream: false);
        if (read < SealedFormat.TagSize)
        {
            throw new CryptographicException("Encrypted file cut short.");
        }

        var length = read - SealedFormat.TagSize;
        SealedFormat.Nonce(_nonce, chunk);
        SealedFormat.AssociatedData(_aad, _header, chunk, final: chunk == _chunks - 1);
        _aes.Decrypt(_nonce, _sealed.AsSpan(0, length), _sealed.AsSpan(length, SealedFormat.TagSize), _plain.AsSpan(0, length), _aad);
        _loaded = chunk;
        _loadedLength = length;
    }
}
