using System.Buffers.Binary;
using ScanArchive.Core.Documents;

namespace ScanArchive.Imaging;

/// <summary>
/// Tells a file that was cut off (an interrupted copy or scan transfer) from one that is damaged inside, by
/// looking for the end marker each format must finish with. Decoders report both as "corrupt" or only warn;
/// the clerk's remedy differs (copy again vs. scan again).
/// </summary>
internal static class TruncationCheck
{
    /// <summary>How far from the end an end marker is looked for (writers may pad or append junk).</summary>
    private const int TailLength = 4096;

    private static ReadOnlySpan<byte> PngEnd => "IEND"u8;

    private static ReadOnlySpan<byte> JpegEnd => [0xFF, 0xD9];

    private static ReadOnlySpan<byte> PdfEnd => "%%EOF"u8;

    /// <summary>
    /// True when the file lacks its end; false when the end is there (so a failure means damage inside);
    /// null when the format has no end marker to check (TIFF, PNM) or the file cannot be read.
    /// </summary>
    public static bool? IsTruncated(string path, DocumentFormat format)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            return format == DocumentFormat.Bmp ? IsBmpTruncated(stream) : IsTruncated(ReadTail(stream), format);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The same check for content held in memory (an image embedded in a PDF).</summary>
    public static bool? IsTruncated(ReadOnlySpan<byte> content, DocumentFormat format) => format switch
    {
        DocumentFormat.Png => content[Math.Max(0, content.Length - TailLength)..].IndexOf(PngEnd) < 0,
        DocumentFormat.Jpeg => content[Math.Max(0, content.Length - TailLength)..].IndexOf(JpegEnd) < 0,
        DocumentFormat.Pdf => content[Math.Max(0, content.Length - TailLength)..].IndexOf(PdfEnd) < 0,
        _ => null,
    };

    private static byte[] ReadTail(FileStream stream)
    {
        var length = (int)Math.Min(stream.Length, TailLength);
        var tail = new byte[length];
        stream.Seek(-length, SeekOrigin.End);
        stream.ReadExactly(tail);
        return tail;
    }

    private static bool? IsBmpTruncated(FileStream stream)
    {
        // BMP has no end marker, but its header says where the pixels start and how many bytes they take.
        Span<byte> header = stackalloc byte[54];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            return true;
        }

        var pixelOffset = BinaryPrimitives.ReadUInt32LittleEndian(header[10..]);
        var dibSize = BinaryPrimitives.ReadUInt32LittleEndian(header[14..]);
        if (dibSize < 40)
        {
            return pixelOffset > stream.Length;
        }

        long width = BinaryPrimitives.ReadInt32LittleEndian(header[18..]);
        long height = Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(header[22..]));
        var bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        var compression = BinaryPrimitives.ReadUInt32LittleEndian(header[30..]);
        var imageSize = BinaryPrimitives.ReadUInt32LittleEndian(header[34..]);

        // Uncompressed rows are padded to 4 bytes; compressed sizes are only known from biSizeImage.
        var expected = compression is 0 or 3 or 6
            ? ((width * bitsPerPixel + 31) / 32 * 4 * height)
            : imageSize;
        return pixelOffset + expected > stream.Length;
    }
}
