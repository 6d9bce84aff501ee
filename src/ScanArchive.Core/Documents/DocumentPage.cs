using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Core.Documents;

/// <summary>
/// One page of an input document: either an image to recognize, or text the file already carried
/// (a PDF page with a text layer), never both.
/// </summary>
public sealed class DocumentPage
{
    private DocumentPage(int number, RasterImage? image, OcrPage? embeddedText)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        Number = number;
        Image = image;
        EmbeddedText = embeddedText;
    }

    /// <summary>1-based page number within its document.</summary>
    public int Number { get; }

    /// <summary>The page image, when the page must be recognized.</summary>
    public RasterImage? Image { get; }

    /// <summary>The page's own text, when the file already carried it.</summary>
    public OcrPage? EmbeddedText { get; }

    /// <summary>A page to recognize.</summary>
    public static DocumentPage FromImage(int number, RasterImage image) =>
        new(number, image ?? throw new ArgumentNullException(nameof(image)), null);

    /// <summary>A page whose text was taken from the file.</summary>
    public static DocumentPage FromText(int number, OcrPage text) =>
        new(number, null, text ?? throw new ArgumentNullException(nameof(text)));
}

/// <summary>The kinds of input the workstation understands, recognised by content, not by file name.</summary>
public enum DocumentFormat
{
    /// <summary>Not an image or PDF (ground-truth JSON, READMEs, …): skipped, not an error.</summary>
    NotADocument,

    /// <summary>PNG image.</summary>
    Png,

    /// <summary>JPEG image.</summary>
    Jpeg,

    /// <summary>TIFF image, possibly several pages.</summary>
    Tiff,

    /// <summary>Windows bitmap.</summary>
    Bmp,

    /// <summary>PDF document.</summary>
    Pdf,

    /// <summary>Portable anymap (PBM/PGM/PPM), as scanners and SANE produce.</summary>
    Pnm,
}

/// <summary>Reads input files into pages.</summary>
public interface IDocumentReader
{
    /// <summary>Identifies a file by its first bytes.</summary>
    /// <exception cref="DocumentReadException">The file cannot be opened or is empty.</exception>
    DocumentFormat Identify(string path);

    /// <summary>
    /// Reads a document page by page. Pages are decoded lazily so that a long multi-page file
    /// never sits in memory whole.
    /// </summary>
    /// <exception cref="DocumentReadException">The file is unreadable; the message says why, for the user.</exception>
    IEnumerable<DocumentPage> ReadPages(string path);
}
