using ScanArchive.Core.Documents;

namespace ScanArchive.Core.Pdf;

/// <summary>The bytes of the file a page image was decoded from, so that an unchanged JPEG can go into the PDF without re-encoding.</summary>
/// <param name="Content">The whole file.</param>
/// <param name="Format">Its format, as <see cref="IDocumentReader.Identify"/> reported it.</param>
public sealed record OriginalImageFile(byte[] Content, DocumentFormat Format);
