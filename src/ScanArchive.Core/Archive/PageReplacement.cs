namespace ScanArchive.Core.Archive;

/// <summary>A page's new image and recognition after a turn or a rescan in place, ready to be stored.</summary>
/// <param name="Result">The new page (same batch, document and page number as the page it replaces).</param>
/// <param name="Change">What was done: <c>rotate 90</c>, <c>rescan</c>, …</param>
/// <param name="Original">The new sheet's stored original (a rescan), or null.</param>
/// <param name="ExtractedFields">The document's fields read again with the new page; fields a person confirmed are kept over them.</param>
public sealed record PageReplacement(PageResult Result, string Change, StoredFile? Original, IReadOnlyList<Analysis.ExtractedField>? ExtractedFields);
