namespace ScanArchive.Application.Batches;

/// <summary>A file to import: where it is now, and the name the user knows it by.</summary>
public sealed record ImportFile(string Path, string DisplayName);

/// <summary>What an import stored and refused.</summary>
/// <param name="Imported">Documents stored (pending recognition).</param>
/// <param name="Refused">Files refused, each with a message for the user naming it by its display name.</param>
public sealed record ImportResult(IReadOnlyList<Core.Archive.BatchDocument> Imported, IReadOnlyList<ImportRefusal> Refused);

/// <summary>A file that could not be imported.</summary>
public sealed record ImportRefusal(string DisplayName, string Message);
