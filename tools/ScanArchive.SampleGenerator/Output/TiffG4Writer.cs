using System.Buffers.Binary;
using System.Text;

namespace ScanArchive.SampleGenerator.Output;

/// <summary>Single-page bilevel TIFF (little-endian) with CCITT Group 4 compression and its resolution.</summary>
internal static class TiffG4Writer
{
    private const ushort TypeAscii = 2;
    private const ushort TypeShort = 3;
    private const ushort TypeLong = 4;
    private const ushort TypeRational = 5;

    public static byte[] Write(bool[] black, int width, int height, int dpi, string software)
    {
        var strip = CcittG4Encoder.Encode(black, width, height);
        var softwareBytes = Encoding.ASCII.GetBytes(software + "\0");

        // Layout: header, strip data, out-of-line values (resolutions, software), then the IFD.
        const int headerSize = 8;
        var stripOffset = headerSize;
        var resolutionOffset = Align(stripOffset + strip.Length);
        var softwareOffset = resolutionOffset + 16;
        var ifdOffset = Align(softwareOffset + softwareBytes.Length);

        var entries = new List<(ushort Tag, ushort Type, uint Count, uint Value)>
        {
            (256, TypeLong, 1, (uint)width),            // ImageWidth
            (257, TypeLong, 1, (uint)height),           // ImageLength
            (258, TypeShort, 1, 1),                     // BitsPerSample
            (259, TypeShort, 1, 4),                     // Compression: CCITT T.6
            (262, TypeShort, 1, 0),                     // Photometric: WhiteIsZero (fax convention)
            (266, TypeShort, 1, 1),                     // FillOrder: MSB first
            (273, TypeLong, 1, (uint)stripOffset),      // StripOffsets
            (277, TypeShort, 1, 1),                     // SamplesPerPixel
            (278, TypeLong, 1, (uint)height),           // RowsPerStrip
            (279, TypeLong, 1, (uint)strip.Length),     // StripByteCounts
            (282, TypeRational, 1, (uint)resolutionOffset),       // XResolution
            (283, TypeRational, 1, (uint)resolutionOffset + 8),   // YResolution
            (293, TypeLong, 1, 0),                      // T6Options
            (296, TypeShort, 1, 2),                     // ResolutionUnit: inch
            (305, TypeAscii, (uint)softwareBytes.Length, (uint)softwareOffset), // Software
        };

        var file = new byte[ifdOffset + 2 + entries.Count * 12 + 4];
        "II"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)ifdOffset);
        strip.CopyTo(file, stripOffset);
        for (var i = 0; i < 2; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(resolutionOffset + i * 8), (uint)dpi);
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(resolutionOffset + i * 8 + 4), 1);
        }

        softwareBytes.CopyTo(file, softwareOffset);
        var p = ifdOffset;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(p), (ushort)entries.Count);
        p += 2;
        foreach (var (tag, type, count, value) in entries)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(p), tag);
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(p + 2), type);
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(p + 4), count);
            // SHORT values sit left-justified in the 4-byte value field.
            if (type == TypeShort)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(p + 8), (ushort)value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(p + 8), value);
            }

            p += 12;
        }

        // Next-IFD offset 0: single page. The array is zero-initialised already.
        return file;
    }

    /// <summary>TIFF requires word-aligned offsets.</summary>
    private static int Align(int offset) => (offset + 1) & ~1;
}
