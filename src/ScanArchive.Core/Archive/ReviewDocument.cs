namespace ScanArchive.Core.Archive;

/// <summary>
/// A document as the reviewer sees it and as it will become one archive entry: pages of the batch in order, whatever
/// file or scan session they came from. Until a reviewer splits, merges or moves pages, a batch's review documents are
/// derived from its imported files and scan sessions (<see cref="ReviewLayout.Derive"/>); from the first such change
/// the batch keeps its own list (<see cref="Batch.Layout"/>), which commit follows.
/// </summary>
/// <param name="Id">Stable id: the first source document's id for a derived document, a new id for a split-off part.</param>
/// <param name="PageIds">The batch pages it holds, in order (rejected and blank ones included: nothing is dropped here).</param>
public sealed record ReviewDocument(string Id, IReadOnlyList<string> PageIds);
