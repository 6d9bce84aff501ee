using ScanArchive.Application.Review;

namespace ScanArchive.Web.Components.Review;

/// <summary>
/// The keyboard flow's "next": from where the reviewer is, the next field that needs attention in this document,
/// then this document's pages that still need a verdict (those with a QC problem first), then the same for the
/// following documents (wrapping around to the start), so that Enter and the page keys alone take a batch to
/// "everything reviewed".
/// </summary>
public static class ReviewNavigator
{
    /// <summary>The next place to work on after <paramref name="pageId"/> / <paramref name="fieldKey"/>.</summary>
    public static ReviewTarget Next(ReviewModel model, string? pageId, string? fieldKey)
    {
        ArgumentNullException.ThrowIfNull(model);
        var documents = model.Documents;
        if (documents.Count == 0)
        {
            return ReviewTarget.Finished;
        }

        var current = model.DocumentOf(pageId);
        var start = current is null ? 0 : Math.Max(0, IndexOf(documents, current.Id));
        for (var step = 0; step <= documents.Count; step++)
        {
            var document = documents[(start + step) % documents.Count];
            var isCurrent = step == 0 && current is not null;
            var fields = document.Fields;
            var after = isCurrent && fieldKey is not null ? IndexOf(fields, fieldKey) : -1;

            // This document's fields, beginning after the one just done (then the ones before it).
            var ordered = after < 0 ? fields : [.. fields.Skip(after + 1), .. fields.Take(after + 1)];
            if (ordered.FirstOrDefault(ReviewModel.NeedsAttention) is { } field)
            {
                return new ReviewTarget(ReviewModel.PageOfField(document, field)?.Id, field.Key, document.Id);
            }

            // Then its pages without a verdict: with a QC problem first, each group from the current page on.
            var pages = document.Pages;
            var at = isCurrent ? Math.Max(0, IndexOf(pages, pageId)) : 0;
            var rotated = pages.Skip(at).Concat(pages.Take(at)).Where(ReviewModel.NeedsVerdict).ToList();
            var page = rotated.FirstOrDefault(ReviewModel.HasQcProblem) ?? rotated.FirstOrDefault();
            if (page is not null)
            {
                return new ReviewTarget(page.Id, null, document.Id);
            }
        }

        return ReviewTarget.Finished;
    }

    /// <summary>The page after (or before) <paramref name="pageId"/>, staying at the ends.</summary>
    public static string? Step(ReviewModel model, string? pageId, int step)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Pages.Count == 0)
        {
            return null;
        }

        var index = IndexOf(model.Pages, pageId);
        var next = Math.Clamp(index < 0 ? 0 : index + step, 0, model.Pages.Count - 1);
        return model.Pages[next].Id;
    }

    private static int IndexOf(IReadOnlyList<ReviewDocumentView> documents, string id)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOf(IReadOnlyList<ReviewPageView> pages, string? id)
    {
        for (var i = 0; i < pages.Count; i++)
        {
            if (pages[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOf(IReadOnlyList<ReviewFieldView> fields, string key)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }
}
