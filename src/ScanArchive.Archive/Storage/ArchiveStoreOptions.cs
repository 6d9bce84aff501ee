using ScanArchive.Core.Archive;

namespace ScanArchive.Archive.Storage;

/// <summary>Where and how the archive is kept.</summary>
/// <param name="DataFolder">Everything lives here: the database, stored files, PDFs, the search index.</param>
/// <param name="NumberFormat">Archive number format (default <c>KH-yyyy-000001</c>).</param>
/// <param name="Clock">Time source (tests pin it to cross a year boundary).</param>
/// <param name="Key">
/// The data key: with it the database, every stored file and the search index are encrypted at rest; without it
/// (an older, plain data folder) they are not. The application finds it (<c>ScanArchive.Application.Keys</c>).
/// </param>
public sealed record ArchiveStoreOptions(string DataFolder, ArchiveNumberFormat? NumberFormat = null, TimeProvider? Clock = null, Security.DataKey? Key = null);
