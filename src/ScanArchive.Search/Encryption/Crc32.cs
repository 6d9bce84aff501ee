namespace ScanArchive.Search.Encryption;

/// <summary>
/// CRC-32 (IEEE, the one <c>java.util.zip.CRC32</c> computes), over the plaintext: Lucene writes it into each file's
/// footer and checks it on read, so the encrypting output must report the checksum of what Lucene wrote, not of the
/// ciphertext.
/// </summary>
internal sealed class Crc32
{
    private static readonly uint[] Table = BuildTable();
    private uint _crc = 0xFFFFFFFFu;

    public long Value => ~_crc & 0xFFFFFFFFu;

    public void Update(ReadOnlySpan<byte> bytes)
    {
        var crc = _crc;
        foreach (var b in bytes)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        _crc = crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
