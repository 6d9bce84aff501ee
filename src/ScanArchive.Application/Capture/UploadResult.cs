using ScanArchive.Application.Batches;
using ScanArchive.Core.Archive;

namespace ScanArchive.Application.Capture;

/// <summary>What an upload stored (recognition queued) and refused.</summary>
/// <param name="Batch">The batch's name as stored.</param>
/// <param name="Imported">Documents stored, pending recognition.</param>
/// <param name="Refused">Files refused, each with a message in the caller's language naming it.</param>
public sealed record UploadResult(string Batch, IReadOnlyList<BatchDocument> Imported, IReadOnlyList<ImportRefusal> Refused)
{
    /// <summary>Files passed over because the batch already holds the same content (an upload sent twice).</summary>
    public IReadOnlyList<ImportSkip> AlreadyInBatch { get; init; } = [];

    /// <summary>Files stored although the same content is already in another batch or entry (the user decides).</summary>
    public IReadOnlyList<ImportDuplicate> FoundElsewhere { get; init; } = [];
}
