namespace ScanArchive.Core.Archive;

/// <summary>A future archive entry: which pages of which documents it will hold.</summary>
/// <param name="Title">Name shown for it (the source file's name).</param>
/// <param name="DocumentType">Document type.</param>
/// <param name="Fields">Fields whose evidence lies on its pages.</param>
/// <param name="Pages">Its pages in order.</param>
/// <param name="Originals">The original files its pages come from.</param>
public sealed record PlannedEntry(
    string Title,
    string DocumentType,
    IReadOnlyList<Analysis.ExtractedField> Fields,
    IReadOnlyList<BatchPage> Pages,
    IReadOnlyList<StoredFile> Originals);

/// <summary>Decides how a batch's documents become archive entries.</summary>
public static class EntryPlanner
{
    /// <summary>
    /// One entry per document by default; with <see cref="CommitOptions.SplitAtBlankPages"/>, a blank page ends the
    /// current entry and is itself left out (it stays in the stored original). Pages a reviewer rejected are left
    /// out. Failed documents and documents with no remaining pages produce no entry.
    /// </summary>
    public static IReadOnlyList<PlannedEntry> Plan(IReadOnlyList<BatchDocument> documents, IReadOnlyList<BatchPage> pages, CommitOptions options)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(options);
        var byDocument = pages.ToLookup(p => p.DocumentId);
        var plan = new List<PlannedEntry>();
        foreach (var document in documents.Where(d => d.Status == DocumentStatus.Done).OrderBy(d => d.Order))
        {
            var kept = byDocument[document.Id].Where(p => p.Review != ReviewStatus.Rejected).OrderBy(p => p.PageNumber).ToList();
            var groups = options.SplitAtBlankPages ? SplitAtBlanks(kept) : [kept];
            var part = 0;
            foreach (var group in groups.Where(g => g.Count > 0))
            {
                part++;
                var numbers = group.Select(p => p.PageNumber).ToHashSet();
                plan.Add(new PlannedEntry(
                    groups.Count(g => g.Count > 0) > 1 ? $"{document.SourceName} ({part})" : document.SourceName,
                    document.DocumentType ?? "other",
                    document.Fields.Where(f => numbers.Contains(f.Page)).ToList(),
                    group,
                    [document.Original]));
            }
        }

        return plan;
    }

    private static List<List<BatchPage>> SplitAtBlanks(List<BatchPage> pages)
    {
        var groups = new List<List<BatchPage>> { new() };
        foreach (var page in pages)
        {
            if (page.Blank)
            {
                groups.Add([]);
            }
            else
            {
                groups[^1].Add(page);
            }
        }

        return groups;
    }
}
