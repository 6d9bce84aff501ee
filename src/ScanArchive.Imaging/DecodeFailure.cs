using ImageMagick;
using ScanArchive.Core.Documents;

namespace ScanArchive.Imaging;

/// <summary>
/// Turns decoder errors and warnings into <see cref="DocumentReadException"/>s, so that no Magick.NET or PdfPig
/// exception reaches callers and the clerk learns whether to copy the file again (truncated) or rescan (corrupt).
/// </summary>
internal static class DecodeFailure
{
    /// <summary>Decoder messages that mean the data ran out before the image was complete.</summary>
    private static readonly string[] TruncationHints =
    [
        "premature end of jpeg file", "unexpected end", "unexpectedendoffile", "end of file", "truncat",
        "insufficient image data", "unabletoreadimagedata", "can not read tiff directory", "read error",
        "not enough data", "short read",
    ];

    /// <summary>
    /// Warnings libjpeg raises (as "corrupt image" warnings) for files whose pixels still decode completely and
    /// correctly: stray bytes before a marker (common from cameras and scanners), a broken ICC profile (ignored),
    /// a newer JFIF version. Rejecting them would turn away good scans.
    /// </summary>
    private static readonly string[] HarmlessWarnings = ["extraneous bytes before marker", "bad icc marker", "unknown jfif revision"];

    /// <summary>ImageMagick messages for its resource limits (not all arrive as a resource-limit exception type).</summary>
    private static readonly string[] LimitHints =
    [
        "exceedslimit", "exceeds limit", "resourcelimit", "resource limit", "cache resources exhausted",
        "memory allocation failed", "listlengthexceedslimit", "toomanyimages",
    ];

    /// <summary>The exception to throw for a decoder failure on a file.</summary>
    public static DocumentReadException From(string path, DocumentFormat format, Exception error) =>
        error switch
        {
            DocumentReadException known => known,
            _ when IsResourceLimit(error) => new DocumentReadException(path, DocumentProblem.TooLarge, error.Message, error),

            // The file vanished or lost its permissions between identification and decoding.
            FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException =>
                new DocumentReadException(path, DocumentProblem.NotFound, error.Message, error),
            EndOfStreamException => new DocumentReadException(path, DocumentProblem.Truncated, error.Message, error),
            _ => new DocumentReadException(path, Classify(TruncationCheck.IsTruncated(path, format), error.Message), error.Message, error),
        };

    /// <summary>The exception to throw for a failure decoding bytes held in memory (an image inside a PDF).</summary>
    public static DocumentReadException FromEmbedded(string path, ReadOnlySpan<byte> content, DocumentFormat contentFormat, string what, Exception error) =>
        error switch
        {
            DocumentReadException known => known,
            _ when IsResourceLimit(error) => new DocumentReadException(path, DocumentProblem.TooLarge, $"{what}: {error.Message}", error),
            _ => new DocumentReadException(path, Classify(TruncationCheck.IsTruncated(content, contentFormat), error.Message), $"{what}: {error.Message}", error),
        };

    /// <summary>
    /// Magick.NET reports some damage only as warnings and hands back an image padded with grey. Throws when
    /// any warning means the pixels are incomplete or wrong.
    /// </summary>
    public static void ThrowIfDamaged(IReadOnlyList<MagickWarningException> warnings, Func<MagickWarningException, DocumentReadException> toException)
    {
        foreach (var warning in warnings)
        {
            if (IsDamage(warning))
            {
                throw toException(warning);
            }
        }
    }

    /// <summary>
    /// Truncated when the structural check says the end is missing; when the end is present the fault is inside
    /// the file (corrupt); when the format has no end marker, decide from the decoder's words.
    /// </summary>
    public static DocumentProblem Classify(bool? truncated, string message) => truncated switch
    {
        true => DocumentProblem.Truncated,
        false => DocumentProblem.Corrupt,
        null => SoundsTruncated(message) ? DocumentProblem.Truncated : DocumentProblem.Corrupt,
    };

    /// <summary>True when ImageMagick or the runtime ran into a resource limit: the input is too big to read safely.</summary>
    public static bool IsResourceLimit(Exception error) =>
        error is MagickResourceLimitErrorException or MagickResourceLimitWarningException or OutOfMemoryException or InsufficientExecutionStackException
        || (error is MagickException && LimitHints.Any(h => error.Message.Contains(h, StringComparison.OrdinalIgnoreCase)));

    private static bool IsDamage(MagickWarningException warning)
    {
        var message = warning.Message;
        if (HarmlessWarnings.Any(h => message.Contains(h, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // Coder warnings are mostly benign (unknown TIFF tags, odd ICC profiles) unless they say data is missing.
        return warning is MagickCorruptImageWarningException || SoundsTruncated(message);
    }

    private static bool SoundsTruncated(string message) =>
        TruncationHints.Any(h => message.Contains(h, StringComparison.OrdinalIgnoreCase));
}
