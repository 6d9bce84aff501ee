using System.Buffers.Binary;
using ScanArchive.Core.Documents;

namespace ScanArchive.Imaging;

/// <summary>
/// Recognises input files by their first bytes. File names lie (a scanner's ".pdf" that is really a JPEG,
/// a text file renamed ".png"), magic numbers do not.
/// </summary>
public static class FormatSniffer
{
    /// <summary>How many leading bytes are examined (a PDF header may follow up to 1 KB of junk).</summary>
    public const int HeaderLength = 1024;

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> PdfMarker => "%PDF-"u8;

    /// <summary>
    /// File name extensions that claim to be a document. A file with one of these is never skipped silently:
    /// if its content is wrong, reading it reports the problem.
    /// </summary>
    public static IReadOnlySet<string> DocumentExtensions { get; } = new HashSet<string>(
        [".png", ".jpg", ".jpeg", ".jpe", ".tif", ".tiff", ".bmp", ".pdf", ".pnm", ".pbm", ".pgm", ".ppm"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the path's extension is one of <see cref="DocumentExtensions"/>.</summary>
    public static bool HasDocumentExtension(string path) => DocumentExtensions.Contains(Path.GetExtension(path));

    /// <summary>Identifies a file by its first bytes.</summary>
    /// <exception cref="DocumentReadException">
    /// <see cref="DocumentProblem.NotFound"/> when the file is missing or cannot be opened,
    /// <see cref="DocumentProblem.Empty"/> when it has no bytes.
    /// </exception>
    public static DocumentFormat Identify(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            var header = new byte[HeaderLength];
            var length = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            return length == 0
                ? throw new DocumentReadException(path, DocumentProblem.Empty)
                : Sniff(header.AsSpan(0, length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // FileNotFound/DirectoryNotFound are IOExceptions; a directory or a file without read permission is
            // UnauthorizedAccess. For the clerk all of them mean "cannot be opened".
            throw new DocumentReadException(path, DocumentProblem.NotFound, e.Message, e);
        }
    }

    /// <summary>Identifies content from its first bytes (up to <see cref="HeaderLength"/>).</summary>
    public static DocumentFormat Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(PngSignature))
        {
            return DocumentFormat.Png;
        }

        if (header is [0xFF, 0xD8, 0xFF, ..])
        {
            return DocumentFormat.Jpeg;
        }

        // Classic TIFF (42) and BigTIFF (43), both byte orders.
        if (header is [(byte)'I', (byte)'I', 42 or 43, 0, ..] or [(byte)'M', (byte)'M', 0, 42 or 43, ..])
        {
            return DocumentFormat.Tiff;
        }

        if (IsBmp(header))
        {
            return DocumentFormat.Bmp;
        }

        // Netpbm: "P1".."P6" followed by whitespace (P7 PAM is a different format that scanners do not write).
        if (header is [(byte)'P', >= (byte)'1' and <= (byte)'6', (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r', ..])
        {
            return DocumentFormat.Pnm;
        }

        // Readers (and PdfPig) accept junk before the header, so look for the marker anywhere in the first KB.
        return header.IndexOf(PdfMarker) >= 0 ? DocumentFormat.Pdf : DocumentFormat.NotADocument;
    }

    private static bool IsBmp(ReadOnlySpan<byte> header)
    {
        // "BM" alone is too weak (a text file may start with it): also require a known DIB header size.
        if (header.Length < 18 || header[0] != (byte)'B' || header[1] != (byte)'M')
        {
            return false;
        }

        var dibHeaderSize = BinaryPrimitives.ReadUInt32LittleEndian(header[14..]);
        return dibHeaderSize is 12 or 16 or 40 or 52 or 56 or 64 or 108 or 124;
    }
}
