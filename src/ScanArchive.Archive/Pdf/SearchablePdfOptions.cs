namespace ScanArchive.Archive.Pdf;

/// <summary>How searchable PDFs are written.</summary>
public sealed record SearchablePdfOptions
{
    /// <summary>
    /// Declare PDF/A-2b (sRGB output intent, XMP with a PDF/A identification and an extension schema for the archive
    /// properties). Applies only to documents made of scanned pages: a page copied from an imported PDF may carry
    /// anything (unembedded fonts, transparency), so such documents are written as plain PDF 1.7.
    /// </summary>
    public bool PdfA { get; init; } = true;

    /// <summary>The Producer and CreatorTool written into the PDF.</summary>
    public string Producer { get; init; } = "ScanArchive";
}
