namespace ScanArchive.Application.Batches;

/// <summary>A file to import: where it is now, and the name the user knows it by.</summary>
public sealed record ImportFile(string Path, string DisplayName);

/// <summary>What an import stored, refused and passed over.</summary>
/// <param name="Imported">Documents stored (pending recognition).</param>
/// <param name="Refused">Files refused, each with a message for the user naming it by its display name.</param>
public sealed record ImportResult(IReadOnlyList<Core.Archive.BatchDocument> Imported, IReadOnlyList<ImportRefusal> Refused)
{
    /// <summary>Files not stored because the batch already holds the same content (a re-run of an interrupted import).</summary>
    public IReadOnlyList<ImportSkip> AlreadyInBatch { get; init; } = [];

    /// <summary>Files stored although the same content is already in another batch or archive entry: the user decides.</summary>
    public IReadOnlyList<ImportDuplicate> FoundElsewhere { get; init; } = [];
}

/// <summary>A file that could not be imported.</summary>
public sealed record ImportRefusal(string DisplayName, string Message);

/// <summary>A file passed over because the batch already holds its content.</summary>
/// <param name="DisplayName">The file as the user named it.</param>
/// <param name="Existing">The document in the batch with the same content.</param>
/// <param name="Message">For the user, naming both.</param>
public sealed record ImportSkip(string DisplayName, Core.Archive.BatchDocument Existing, string Message);

/// <summary>A file imported whose content is also somewhere else in the archive.</summary>
/// <param name="DisplayName">The file as the user named it.</param>
/// <param name="Imported">The document just stored.</param>
/// <param name="Places">Where the same content already is.</param>
/// <param name="Message">For the user, naming the places.</param>
public sealed record ImportDuplicate(string DisplayName, Core.Archive.BatchDocument Imported, IReadOnlyList<ContentPlace> Places, string Message);

/// <summary>A place holding a given content: a batch, and the archive entry when that batch was committed.</summary>
/// <param name="BatchName">The batch the copy was imported into; null when the user may not see that batch.</param>
/// <param name="EntryNumber">The archive entry it became, if committed.</param>
/// <param name="SourceName">The name it was imported under there (empty when the batch is not shown).</param>
public sealed record ContentPlace(string? BatchName, string? EntryNumber, string SourceName);
