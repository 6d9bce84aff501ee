using System.Security.Cryptography;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ScanArchive.Search.Encryption;

/// <summary>
/// Reads one encrypted index file (<see cref="IndexCipher"/>) as plaintext with random access: a seek lands in a
/// chunk, which is read from the folder's own input, authenticated and decrypted, and kept until the reader moves
/// past it (a few recent chunks are kept). Clones (Lucene makes many, one per enumerator) share the underlying input's clone but have their own
/// position, chunk and cipher, so they can be used from different threads.
/// </summary>
internal sealed class EncryptedIndexInput : IndexInput
{
    /// <summary>Decrypted chunks kept per input (allocated as they are first needed).</summary>
    private const int CachedChunks = 8;

    private readonly string _name;
    private readonly byte[] _key;
    private readonly byte[] _header;
    private readonly long _length;
    private readonly long _chunks;
    private IndexInput _inner;
    private AesGcm _aes;
    private byte[] _plain = [];
    private byte[] _sealed = new byte[IndexCipher.ChunkSize + IndexCipher.TagSize];
    private byte[] _nonce = new byte[IndexCipher.NonceSize];
    private byte[] _aad = new byte[IndexCipher.AadSize];
    private long _loaded = -1;
    private int _loadedLength;
    private long _position;
    private Slot[] _slots = NewSlots();
    private long _uses;
    private bool _clone;

    public EncryptedIndexInput(string name, IndexInput inner, byte[] key)
        : base($"EncryptedIndexInput({name})")
    {
        _name = name;
        _inner = inner;
        _key = key;
        _header = new byte[IndexCipher.HeaderSize];
        if (inner.Length < IndexCipher.HeaderSize + IndexCipher.TagSize)
        {
            throw new CorruptIndexException($"{name}: encrypted index file cut short.");
        }

        inner.ReadBytes(_header, 0, _header.Length);
        IndexCipher.CheckHeader(_header, name);
        _length = IndexCipher.PlainLength(inner.Length);
        _chunks = Math.Max(1, (_length + IndexCipher.ChunkSize - 1) / IndexCipher.ChunkSize);
        _aes = IndexCipher.Cipher(key, _header);
    }

    public override long Length => _length;

    public override long Position => _position;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > _length)
        {
            throw new EndOfStreamException($"{_name}: seek to {pos} outside 0..{_length}.");
        }

        _position = pos;
    }

    public override byte ReadByte()
    {
        var within = Within();
        _position++;
        return _plain[within];
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        while (len > 0)
        {
            var within = Within();
            var take = Math.Min(len, _loadedLength - within);
            Buffer.BlockCopy(_plain, within, b, offset, take);
            offset += take;
            len -= take;
            _position += take;
        }
    }

    public override object Clone()
    {
        var clone = (EncryptedIndexInput)base.Clone();
        clone._inner = (IndexInput)_inner.Clone();
        clone._aes = IndexCipher.Cipher(_key, _header);
        clone._plain = [];
        clone._slots = NewSlots();
        clone._uses = 0;
        clone._sealed = new byte[IndexCipher.ChunkSize + IndexCipher.TagSize];
        clone._nonce = new byte[IndexCipher.NonceSize];
        clone._aad = new byte[IndexCipher.AadSize];
        clone._loaded = -1;
        clone._clone = true;
        return clone;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_clone)
        {
            _aes.Dispose();
            _inner.Dispose();
            foreach (var slot in _slots)
            {
                CryptographicOperations.ZeroMemory(slot.Plain);
            }
        }
    }

    /// <summary>Makes sure the chunk holding the current position is loaded; returns the offset within it.</summary>
    private int Within()
    {
        if (_position >= _length)
        {
            throw new EndOfStreamException($"{_name}: read past the end ({_length} bytes).");
        }

        var chunk = _position / IndexCipher.ChunkSize;
        if (chunk != _loaded)
        {
            Switch(chunk);
        }

        return (int)(_position - (chunk * IndexCipher.ChunkSize));
    }

    /// <summary>
    /// Makes <paramref name="chunk"/> the current one: from the few kept (Lucene often alternates between two or three
    /// places of one file, e.g. two doc-value fields per hit), else decrypted into the least recently used slot.
    /// </summary>
    private void Switch(long chunk)
    {
        Slot? victim = null;
        foreach (var slot in _slots)
        {
            if (slot.Chunk == chunk)
            {
                Use(slot);
                return;
            }

            if (victim is null || slot.LastUse < victim.LastUse)
            {
                victim = slot;
            }
        }

        if (victim!.Plain.Length == 0)
        {
            victim.Plain = new byte[IndexCipher.ChunkSize];
        }

        _plain = victim.Plain;
        Load(chunk);
        victim.Chunk = chunk;
        victim.Length = _loadedLength;
        Use(victim);
    }

    private void Use(Slot slot)
    {
        slot.LastUse = ++_uses;
        _plain = slot.Plain;
        _loaded = slot.Chunk;
        _loadedLength = slot.Length;
    }

    private static Slot[] NewSlots() => Enumerable.Range(0, CachedChunks).Select(_ => new Slot()).ToArray();

    private void Load(long chunk)
    {
        var final = chunk == _chunks - 1;
        var length = final ? (int)(_length - (chunk * IndexCipher.ChunkSize)) : IndexCipher.ChunkSize;
        _inner.Seek(IndexCipher.HeaderSize + (chunk * (IndexCipher.ChunkSize + IndexCipher.TagSize)));
        _inner.ReadBytes(_sealed, 0, length + IndexCipher.TagSize);
        IndexCipher.Nonce(_nonce, chunk);
        IndexCipher.Aad(_aad, _header, chunk, final);
        try
        {
            _aes.Decrypt(_nonce, _sealed.AsSpan(0, length), _sealed.AsSpan(length, IndexCipher.TagSize), _plain.AsSpan(0, length), _aad);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new CorruptIndexException($"{_name}: chunk {chunk} fails authentication (altered, or encrypted with another key).", e);
        }

        _loaded = chunk;
        _loadedLength = length;
    }

    private sealed class Slot
    {
        public long Chunk = -1;
        public int Length;
        public long LastUse;
        public byte[] Plain = [];
    }
}
