using System.Security.Cryptography;
using Lucene.Net.Store;

namespace ScanArchive.Search.Encryption;

/// <summary>
/// Writes one index file encrypted (<see cref="IndexCipher"/>) through the folder's own output. Lucene writes each
/// file once, front to back, and reads it only after it is closed, so a chunk is sealed when it is full and the next
/// byte arrives, and the final (possibly short) chunk when the file is closed.
/// </summary>
internal sealed class EncryptedIndexOutput : IndexOutput
{
    private readonly IndexOutput _inner;
    private readonly AesGcm _aes;
    private readonly byte[] _header = IndexCipher.NewHeader();
    private readonly byte[] _plain = new byte[IndexCipher.ChunkSize];
    private readonly byte[] _sealed = new byte[IndexCipher.ChunkSize];
    private readonly byte[] _tag = new byte[IndexCipher.TagSize];
    private readonly byte[] _nonce = new byte[IndexCipher.NonceSize];
    private readonly byte[] _aad = new byte[IndexCipher.AadSize];
    private readonly Crc32 _crc = new();
    private int _filled;
    private long _chunk;
    private long _written;
    private bool _closed;

    public EncryptedIndexOutput(IndexOutput inner, byte[] indexKey)
    {
        _inner = inner;
        _aes = IndexCipher.Cipher(indexKey, _header);
        _inner.WriteBytes(_header, 0, _header.Length);
    }

    public override long Position => _written;

    public override long Checksum => _crc.Value;

    public override long Length => _written;

    public override void WriteByte(byte b)
    {
        if (_filled == _plain.Length)
        {
            Seal(final: false);
        }

        _plain[_filled++] = b;
        _crc.Update([b]);
        _written++;
    }

    public override void WriteBytes(byte[] b, int offset, int length)
    {
        var source = b.AsSpan(offset, length);
        _crc.Update(source);
        _written += length;
        while (!source.IsEmpty)
        {
            if (_filled == _plain.Length)
            {
                Seal(final: false);
            }

            var take = Math.Min(source.Length, _plain.Length - _filled);
            source[..take].CopyTo(_plain.AsSpan(_filled));
            _filled += take;
            source = source[take..];
        }
    }

    /// <summary>Nothing half-sealed is written: the buffered chunk stays until it is full or the file is closed.</summary>
    public override void Flush() => _inner.Flush();

    [Obsolete("Lucene 4.8 deprecates seeking on output; files are written front to back.")]
    public override void Seek(long pos) => throw new NotSupportedException("Encrypted index files are written front to back.");

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closed)
        {
            _closed = true;
            try
            {
                Seal(final: true);
            }
            finally
            {
                _aes.Dispose();
                CryptographicOperations.ZeroMemory(_plain);
                _inner.Dispose();
            }
        }
    }

    private void Seal(bool final)
    {
        IndexCipher.Nonce(_nonce, _chunk);
        IndexCipher.Aad(_aad, _header, _chunk, final);
        _aes.Encrypt(_nonce, _plain.AsSpan(0, _filled), _sealed.AsSpan(0, _filled), _tag, _aad);
        _inner.WriteBytes(_sealed, 0, _filled);
        _inner.WriteBytes(_tag, 0, _tag.Length);
        _filled = 0;
        _chunk++;
    }
}
