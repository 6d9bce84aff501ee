using ScanArchive.Core.Text;

namespace ScanArchive.Core.Documents;

/// <summary>Why an input file could not be read.</summary>
public enum DocumentProblem
{
    /// <summary>The file does not exist or cannot be opened.</summary>
    NotFound,

    /// <summary>The file has no bytes.</summary>
    Empty,

    /// <summary>The content is not an image or PDF the workstation understands.</summary>
    UnsupportedFormat,

    /// <summary>The file ends early.</summary>
    Truncated,

    /// <summary>The content is damaged.</summary>
    Corrupt,

    /// <summary>The PDF needs a password.</summary>
    PasswordProtected,

    /// <summary>A page has more pixels than allowed (protects against decompression bombs).</summary>
    TooLarge,

    /// <summary>The document holds no pages.</summary>
    NoPages,
}

/// <summary>An input file could not be read. <see cref="Exception.Message"/> is written for the user.</summary>
public sealed class DocumentReadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="detail">Technical detail for logs (may be null).</param>
    /// <param name="innerException">The decoder's own error, if any.</param>
    public DocumentReadException(string path, DocumentProblem problem, string? detail = null, Exception? innerException = null)
        : base(UserMessages.DocumentProblem(problem, PrintableName.FileNameOf(path), null), innerException)
    {
        FilePath = path;
        Problem = problem;
        Detail = detail;
    }

    /// <summary>The file that failed.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it.</summary>
    public DocumentProblem Problem { get; }

    /// <summary>Technical detail (decoder message), for logs and <c>--verbose</c>.</summary>
    public string? Detail { get; }

    /// <summary>The message in a given UI culture.</summary>
    public string MessageIn(System.Globalization.CultureInfo culture) =>
        UserMessages.DocumentProblem(Problem, PrintableName.FileNameOf(FilePath), culture);

    /// <summary>
    /// What is wrong, without naming the file: for a record kept beside the file's own name (a batch document that
    /// failed), where the path read was the stored copy, whose content-hash name means nothing to the user.
    /// </summary>
    public string ReasonIn(System.Globalization.CultureInfo? culture)
    {
        // The messages name the file in one place, "NAME: reason" in English and "reason：NAME。" in Chinese;
        // rendering them with a marker and cutting it out keeps one text per problem.
        const string Marker = "\u0001";
        var message = UserMessages.DocumentProblem(Problem, Marker, culture);
        return message.Replace(Marker + ": ", string.Empty, StringComparison.Ordinal)
            .Replace("：" + Marker, string.Empty, StringComparison.Ordinal)
            .Replace(Marker, string.Empty, StringComparison.Ordinal)
            .Trim();
    }
}
