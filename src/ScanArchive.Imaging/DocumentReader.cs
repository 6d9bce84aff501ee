using ScanArchive.Core.Documents;
using ScanArchive.Imaging.Pdf;
using ScanArchive.Imaging.Raster;

namespace ScanArchive.Imaging;

/// <summary>
/// Reads scans and PDFs into pages: PNG, JPEG, TIFF (multi-page, CCITT G4 included), BMP and PNM through
/// Magick.NET, PDF through PdfPig. Formats are recognised by content, pages are decoded one at a time, and every
/// failure, including those raised lazily during enumeration, is a <see cref="DocumentReadException"/>.
/// </summary>
/// <remarks>Thread-safe: it holds no per-document state, so one instance may read several files at once.</remarks>
public sealed class DocumentReader : IDocumentReader
{
    private readonly RasterDecoder _raster;
    private readonly PdfPageReader _pdf;

    /// <summary>Creates a reader with the given safety limits (default: <see cref="ImagingLimits.Default"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range.</exception>
    public DocumentReader(ImagingLimits? limits = null)
    {
        Limits = limits ?? ImagingLimits.Default;
        Limits.Validate();
        _raster = new RasterDecoder(Limits);
        _pdf = new PdfPageReader(Limits, _raster);
    }

    /// <summary>The limits this reader enforces.</summary>
    public ImagingLimits Limits { get; }

    /// <inheritdoc />
    public DocumentFormat Identify(string path) => FormatSniffer.Identify(path);

    /// <inheritdoc />
    /// <remarks>
    /// Nothing is opened until enumeration starts; each page is decoded when it is reached and not kept.
    /// </remarks>
    public IEnumerable<DocumentPage> ReadPages(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Read(path);
    }

    private IEnumerable<DocumentPage> Read(string path)
    {
        var format = Identify(path);
        var pages = format switch
        {
            DocumentFormat.NotADocument => throw new DocumentReadException(path, DocumentProblem.UnsupportedFormat, "Content is not PNG, JPEG, TIFF, BMP, PNM or PDF."),
            DocumentFormat.Pdf => _pdf.ReadPages(path),
            _ => _raster.ReadPages(path, format),
        };

        foreach (var page in pages)
        {
            yield return page;
        }
    }
}
