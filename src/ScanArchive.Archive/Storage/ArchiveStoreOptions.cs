using ScanArchive.Core.Archive;

namespace ScanArchive.Archive.Storage;

/// <summary>Where and how the archive is kept.</summary>
/// <param name="DataFolder">Everything lives here: the database, stored files, PDFs, the search index.</param>
/// <param name="NumberFormat">Archive number format (default <c>KH-yyyy-000001</c>).</param>
/// <param name="Clock">Time source (tests pin it to cross a year boundary).</param>
public sealed record ArchiveStoreOptions(string DataFolder, ArchiveNumberFormat? NumberFormat = null, TimeProvider? Clock = null);
