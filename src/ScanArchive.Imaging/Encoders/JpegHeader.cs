using System.Buffers.Binary;

namespace ScanArchive.Imaging.Encoders;

/// <summary>The frame header (SOFn) of a JPEG file: enough to tell whether a PDF can embed it unchanged.</summary>
internal readonly record struct JpegHeader(int Width, int Height, int Components, int BitsPerSample, bool IsBaseline)
{
    /// <summary>Walks the marker segments up to the first frame header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> jpeg, out JpegHeader header)
    {
        header = default;
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            return false;
        }

        var pos = 2;
        while (pos + 4 <= jpeg.Length)
        {
            if (jpeg[pos] != 0xFF)
            {
                return false;
            }

            var marker = jpeg[pos + 1];
            if (marker == 0xFF)
            {
                pos++; // fill byte
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(pos + 2)..]);
            if (length < 2 || pos + 2 + length > jpeg.Length)
            {
                return false;
            }

            var segment = jpeg.Slice(pos + 4, length - 2);

            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                if (segment.Length < 6)
                {
                    return false;
                }

                header = new JpegHeader(
                    Width: BinaryPrimitives.ReadUInt16BigEndian(segment[3..]),
                    Height: BinaryPrimitives.ReadUInt16BigEndian(segment[1..]),
                    Components: segment[5],
                    BitsPerSample: segment[0],
                    IsBaseline: marker is 0xC0 or 0xC1);
                return true;
            }

            if (marker == 0xDA)
            {
                return false; // scan data before any frame header
            }

            pos += 2 + length;
        }

        return false;
    }
}
