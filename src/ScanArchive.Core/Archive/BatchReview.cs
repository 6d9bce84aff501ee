namespace ScanArchive.Core.Archive;

/// <summary>What still needs a reviewer's decision before a batch may be approved.</summary>
/// <param name="UnreviewedPages">Pages (with content) nobody has approved or rejected.</param>
/// <param name="FailedDocuments">Documents that could not be read (their file must be replaced or the batch rejected).</param>
public sealed record OpenReviewItems(IReadOnlyList<string> UnreviewedPages, IReadOnlyList<string> FailedDocuments)
{
    /// <summary>
    /// Required fields that are missing or invalid, as <c>documentId/key: state</c> (the review rules of the
    /// application decide which; empty when none were given).
    /// </summary>
    public IReadOnlyList<string> FieldProblems { get; init; } = [];

    /// <summary>True when nothing is open.</summary>
    public bool IsEmpty => UnreviewedPages.Count == 0 && FailedDocuments.Count == 0 && FieldProblems.Count == 0;

    /// <summary>One line for messages and the audit: the ids of what is open.</summary>
    public string Describe() => string.Join("; ", new[]
    {
        UnreviewedPages.Count > 0 ? "pages: " + string.Join(' ', UnreviewedPages) : null,
        FailedDocuments.Count > 0 ? "failed documents: " + string.Join(' ', FailedDocuments) : null,
        FieldProblems.Count > 0 ? "fields: " + string.Join(' ', FieldProblems) : null,
    }.Where(s => s is not null));
}

/// <summary>
/// The review rules: which batch states accept verdicts, and what must be decided before approval. One place, so the
/// web screen, the API and the command line refuse the same things.
/// </summary>
public static class BatchReview
{
    /// <summary>True when pages of the batch can be approved or rejected now.</summary>
    public static bool AcceptsVerdicts(Batch batch) => batch?.State == BatchState.ReadyForReview;

    /// <summary>What is still open in the batch. Blank pages need no verdict: they are kept and flagged either way.</summary>
    public static OpenReviewItems Open(IEnumerable<BatchDocument> documents, IEnumerable<BatchPage> pages) => Open(documents, pages, []);

    /// <summary>What is still open, with the required-field problems the application found (<see cref="OpenReviewItems.FieldProblems"/>).</summary>
    public static OpenReviewItems Open(IEnumerable<BatchDocument> documents, IEnumerable<BatchPage> pages, IReadOnlyList<string> fieldProblems) => new(
        pages.Where(p => !p.Blank && p.Review == ReviewStatus.Unreviewed).Select(p => p.Id).ToList(),
        documents.Where(d => d.Status == DocumentStatus.Failed).Select(d => d.Id).ToList())
    {
        FieldProblems = fieldProblems ?? [],
    };
}
