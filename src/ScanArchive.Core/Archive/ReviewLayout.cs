namespace ScanArchive.Core.Archive;

/// <summary>
/// The review documents of a batch and the changes a reviewer makes to them: split before a page, merge with the
/// previous document, move a page. Pure functions; the store writes the result with its audit record and version.
/// Nothing is ever dropped: every page of the batch stays in exactly one review document.
/// </summary>
public static class ReviewLayout
{
    /// <summary>
    /// The batch's review documents: its stored layout, with pages that arrived since added where their file's
    /// pages are (or at the end), and pages no longer present removed; without a stored layout, one per unit
    /// <see cref="EntryPlanner"/> would make (a file, or consecutive sheets of one scan session).
    /// </summary>
    public static IReadOnlyList<ReviewDocument> Of(Batch batch, IReadOnlyList<BatchDocument> documents, IReadOnlyList<BatchPage> pages)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Layout is { Count: > 0 } layout ? Reconcile(layout, documents, pages) : Derive(documents, pages);
    }

    /// <summary>One review document per file or scan session, in batch order (failed documents with pages included).</summary>
    public static IReadOnlyList<ReviewDocument> Derive(IReadOnlyList<BatchDocument> documents, IReadOnlyList<BatchPage> pages)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(pages);
        var byDocument = pages.ToLookup(p => p.DocumentId);
        var result = new List<ReviewDocument>();
        foreach (var unit in EntryPlanner.Units(documents.OrderBy(d => d.Order)))
        {
            var ids = unit.SelectMany(d => byDocument[d.Id].OrderBy(p => p.PageNumber)).Select(p => p.Id).ToList();
            if (ids.Count > 0)
            {
                result.Add(new ReviewDocument(unit[0].Id, ids));
            }
        }

        return result;
    }

    /// <summary>Splits the document so that <paramref name="beforePageId"/> begins a new one right after it.</summary>
    /// <exception cref="ArchiveException">Unknown document or page (<see cref="ArchiveProblem.ItemNotFound"/>), or the page is the document's first (<see cref="ArchiveProblem.InvalidState"/>).</exception>
    public static IReadOnlyList<ReviewDocument> Split(IReadOnlyList<ReviewDocument> layout, string documentId, string beforePageId, string newId)
    {
        var (list, index) = Find(layout, documentId);
        var document = list[index];
        var at = IndexOfPage(document, beforePageId);
        if (at == 0)
        {
            throw new ArchiveException(ArchiveProblem.InvalidState, beforePageId, "first page");
        }

        list[index] = document with { PageIds = document.PageIds.Take(at).ToList() };
        list.Insert(index + 1, new ReviewDocument(newId, document.PageIds.Skip(at).ToList()));
        return list;
    }

    /// <summary>Joins the document to the one before it (the earlier document's id stays).</summary>
    /// <exception cref="ArchiveException">Unknown document, or it is the first (nothing to merge with).</exception>
    public static IReadOnlyList<ReviewDocument> MergeWithPrevious(IReadOnlyList<ReviewDocument> layout, string documentId)
    {
        var (list, index) = Find(layout, documentId);
        if (index == 0)
        {
            throw new ArchiveException(ArchiveProblem.InvalidState, documentId, "first document");
        }

        list[index - 1] = list[index - 1] with { PageIds = list[index - 1].PageIds.Concat(list[index].PageIds).ToList() };
        list.RemoveAt(index);
        return list;
    }

    /// <summary>
    /// Moves a page into another document at a 0-based <paramref name="position"/> (clamped; past the end appends). A
    /// document left without pages disappears from the layout (its pages are all elsewhere: nothing is lost).
    /// </summary>
    /// <exception cref="ArchiveException">Unknown page or target document.</exception>
    public static IReadOnlyList<ReviewDocument> MovePage(IReadOnlyList<ReviewDocument> layout, string pageId, string toDocumentId, int position)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var list = layout.Select(d => d with { PageIds = d.PageIds.ToList() }).ToList();
        var from = list.FindIndex(d => d.PageIds.Contains(pageId));
        if (from < 0)
        {
            throw new ArchiveException(ArchiveProblem.ItemNotFound, pageId);
        }

        var to = list.FindIndex(d => d.Id == toDocumentId);
        if (to < 0)
        {
            throw new ArchiveException(ArchiveProblem.ItemNotFound, toDocumentId);
        }

        ((List<string>)list[from].PageIds).Remove(pageId);
        var target = (List<string>)list[to].PageIds;
        target.Insert(Math.Clamp(position, 0, target.Count), pageId);
        return list.Where(d => d.PageIds.Count > 0).ToList();
    }

    /// <summary>The stored layout brought up to date with the pages that exist now.</summary>
    private static List<ReviewDocument> Reconcile(IReadOnlyList<ReviewDocument> layout, IReadOnlyList<BatchDocument> documents, IReadOnlyList<BatchPage> pages)
    {
        var present = pages.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var result = layout.Select(d => d with { PageIds = d.PageIds.Where(present.Contains).ToList() }).ToList();
        var placed = result.SelectMany(d => d.PageIds).ToHashSet(StringComparer.Ordinal);
        foreach (var derived in Derive(documents, pages))
        {
            var missing = derived.PageIds.Where(id => !placed.Contains(id)).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            // A page recognized after the layout was stored joins the review document holding its file's other pages.
            var home = result.FindIndex(d => d.Id == derived.Id || d.PageIds.Any(derived.PageIds.Contains));
            if (home >= 0)
            {
                result[home] = result[home] with { PageIds = result[home].PageIds.Concat(missing).ToList() };
            }
            else
            {
                result.Add(new ReviewDocument(derived.Id, missing));
            }
        }

        return result.Where(d => d.PageIds.Count > 0).ToList();
    }

    private static (List<ReviewDocument> List, int Index) Find(IReadOnlyList<ReviewDocument> layout, string documentId)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var list = layout.ToList();
        var index = list.FindIndex(d => d.Id == documentId);
        return index < 0 ? throw new ArchiveException(ArchiveProblem.ItemNotFound, documentId) : (list, index);
    }

    private static int IndexOfPage(ReviewDocument document, string pageId)
    {
        var index = document.PageIds.ToList().IndexOf(pageId);
        return index < 0 ? throw new ArchiveException(ArchiveProblem.ItemNotFound, pageId) : index;
    }
}
