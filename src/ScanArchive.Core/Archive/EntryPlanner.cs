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
    /// One entry per document by default (or per review document, when a reviewer arranged them: <paramref name="layout"/>);
    /// with <see cref="CommitOptions.SplitAtBlankPages"/>, or for documents scanned
    /// with a profile that uses blank sheets as separators (<see cref="BatchDocument.BlankPagesSeparate"/>), a blank
    /// page ends the current entry and is itself left out (it stays in the stored original). Pages a reviewer rejected
    /// are left out. Failed documents and documents with no remaining pages produce no entry.
    /// </summary>
    public static IReadOnlyList<PlannedEntry> Plan(IReadOnlyList<BatchDocument> documents, IReadOnlyList<BatchPage> pages, CommitOptions options, IReadOnlyList<ReviewDocument>? layout = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(options);
        var done = documents.Where(d => d.Status == DocumentStatus.Done).ToDictionary(d => d.Id);
        var byDocument = pages.ToLookup(p => p.DocumentId);
        var byId = pages.ToDictionary(p => p.Id);
        var units = layout is null
            ? Units(documents.Where(d => d.Status == DocumentStatus.Done).OrderBy(d => d.Order))
                .Select(unit => unit.SelectMany(d => byDocument[d.Id].OrderBy(p => p.PageNumber)).ToList())
            : layout.Select(r => r.PageIds.Where(byId.ContainsKey).Select(id => byId[id]).Where(p => done.ContainsKey(p.DocumentId)).ToList());
        var plan = new List<PlannedEntry>();
        foreach (var unitPages in units)
        {
            var unit = unitPages.Select(p => p.DocumentId).Distinct().Select(id => done[id]).ToList();
            if (unit.Count == 0)
            {
                continue;
            }

            var kept = unitPages.Where(p => p.Review != ReviewStatus.Rejected).ToList();
            var split = options.SplitAtBlankPages || unit.Any(d => d.BlankPagesSeparate);
            var groups = (split ? SplitAtBlanks(kept) : [kept]).Where(g => g.Count > 0).ToList();
            var title = unit[0].Group is { } group ? $"{group} ({unitPages.Count})" : unit[0].SourceName;
            var part = 0;
            foreach (var entryPages in groups)
            {
                part++;
                var onPages = entryPages.Select(p => (p.DocumentId, p.PageNumber)).ToHashSet();
                var members = unit.Where(d => entryPages.Any(p => p.DocumentId == d.Id)).ToList();
                plan.Add(new PlannedEntry(
                    groups.Count > 1 ? $"{title} ({part})" : title,
                    members.Select(d => d.DocumentType).FirstOrDefault(t => t is not null && t != "other") ?? "other",
                    members.SelectMany(d => d.Fields.Where(f => onPages.Contains((d.Id, f.Page)))).ToList(),
                    entryPages,

                    // A sheet scanned again in place brought its own original; the first one stays listed too.
                    members.Select(d => d.Original).Concat(entryPages.Where(p => p.Original is not null).Select(p => p.Original!)).Distinct().ToList()));
            }
        }

        return plan;
    }

    /// <summary>Documents that form one unit: a file on its own, or consecutive sheets of one scan session.</summary>
    internal static IEnumerable<List<BatchDocument>> Units(IEnumerable<BatchDocument> documents)
    {
        List<BatchDocument>? current = null;
        foreach (var document in documents)
        {
            if (current is not null && document.Group is not null && current[0].Group == document.Group)
            {
                current.Add(document);
                continue;
            }

            if (current is not null)
            {
                yield return current;
            }

            current = [document];
        }

        if (current is not null)
        {
            yield return current;
        }
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
