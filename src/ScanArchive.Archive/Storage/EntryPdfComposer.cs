using ScanArchive.Core.Archive;

namespace ScanArchive.Archive.Storage;

/// <summary>One page of an entry's PDF: a recognized image with its text layer, or a page copied from a text PDF.</summary>
/// <param name="Image">Encoded image to show (null for a copied page).</param>
/// <param name="ImageBytes">The image's bytes.</param>
/// <param name="TextLayerPdf">Invisible text layer for the image, or null.</param>
/// <param name="SourcePdf">For a copied page: the original PDF's bytes.</param>
/// <param name="SourcePageNumber">For a copied page: its 1-based number in the original.</param>
internal sealed record EntryPdfPage(PageImage? Image, byte[]? ImageBytes, byte[]? TextLayerPdf, byte[]? SourcePdf, int SourcePageNumber);

/// <summary>What the PDF's document information and XMP carry.</summary>
internal sealed record EntryPdfInfo(string ArchiveNumber, string Title, string DocumentType, string? Customer, DateTimeOffset CommittedAt, string CommittedBy);

/// <summary>Writes an entry's searchable PDF.</summary>
internal interface IEntryPdfComposer
{
    void Write(IReadOnlyList<EntryPdfPage> pages, EntryPdfInfo info, Stream output);
}
