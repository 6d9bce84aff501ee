using ScanArchive.Application.Batches;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Archive;

namespace ScanArchive.Application.Review;

/// <summary>Builds the review documents of a batch as the screen shows them: pages in order, fields with their states.</summary>
internal static class ReviewDocumentViews
{
    public static IReadOnlyList<ReviewDocumentView> Build(Batch batch, IReadOnlyList<BatchDocument> documents, IReadOnlyList<BatchPage> pages, ReviewRules rules)
    {
        var layout = ReviewLayout.Of(batch, documents, pages);
        var byId = pages.ToDictionary(p => p.Id);
        var sources = documents.ToDictionary(d => d.Id);
        var result = new List<ReviewDocumentView>(layout.Count);
        foreach (var (review, index) in layout.Select((r, i) => (r, i)))
        {
            var members = review.PageIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var pageViews = members.Select((p, n) => new ReviewPageView(p.Id, n + 1, p.DocumentId, p.PageNumber, BatchService.ToView(p), p.Rework?.Change, p.History.Count)).ToList();
            var memberDocuments = members.Select(p => p.DocumentId).Distinct().Where(sources.ContainsKey).Select(id => sources[id]).ToList();
            var documentType = memberDocuments.Select(d => d.DocumentType).FirstOrDefault(t => t is not null && t != "other") ?? "other";
            var first = memberDocuments.FirstOrDefault() ?? sources.GetValueOrDefault(members[0].DocumentId);
            result.Add(new ReviewDocumentView(
                review.Id,
                index + 1,
                first?.Group ?? first?.SourceName ?? review.Id,
                documentType,
                batch.Version,
                pageViews,
                Fields(members, memberDocuments, documentType, rules)));
        }

        return result;
    }

    /// <summary>Required-field problems over every review document, as <c>documentId/key: state</c> (for approval).</summary>
    public static IReadOnlyList<string> FieldProblems(IReadOnlyList<ReviewDocumentView> documents) =>
        [.. documents.SelectMany(d => d.Fields.Where(f => f.Required && f.State is FieldReviewState.Missing or FieldReviewState.Invalid)
            .Select(f => $"{d.Id}/{f.Key}: {f.State.ToString().ToLowerInvariant()}"))];

    private static List<ReviewFieldView> Fields(List<BatchPage> members, List<BatchDocument> documents, string documentType, ReviewRules rules)
    {
        var onPages = members.ToDictionary(p => (p.DocumentId, p.PageNumber), p => p.Id);
        var required = rules.RequiredFor(documentType);
        var fields = new List<ReviewFieldView>();
        foreach (var document in documents)
        {
            // One value per key and page: the best reading (a reviewer's value has confidence 1).
            foreach (var field in document.Fields.Where(f => onPages.ContainsKey((document.Id, f.Page)))
                .GroupBy(f => (f.Key, f.Page)).Select(g => g.OrderByDescending(f => f.Confidence).First()))
            {
                fields.Add(View(field, onPages[(document.Id, field.Page)], rules.StateOf(field), required.Contains(field.Key), document));
            }
        }

        // A key found on several pages (or in several source documents) shows once: the best reading.
        var shown = fields.GroupBy(f => f.Key).Select(g => g.OrderByDescending(f => f.State == FieldReviewState.Confirmed).ThenByDescending(f => f.Confidence).First()).ToList();
        var firstPage = members[0];
        var home = documents.FirstOrDefault(d => d.Id == firstPage.DocumentId) ?? documents.FirstOrDefault();
        foreach (var key in required.Where(k => shown.All(f => f.Key != k)))
        {
            // The screen needs somewhere to send the value: the source document of the review document's first page.
            shown.Add(new ReviewFieldView(key, "", "", 0, Core.Extraction.FieldValidation.Unchecked, Core.Extraction.FieldSource.Reviewer,
                firstPage.PageNumber, null, [0, 0, 0, 0], null, FieldReviewState.Missing, true, home?.Id ?? firstPage.DocumentId, home?.Version ?? 0));
        }

        var order = Core.Extraction.FieldKeys.All.ToList();
        return [.. shown.OrderBy(f => order.IndexOf(f.Key) is var i && i < 0 ? int.MaxValue : i).ThenBy(f => f.Key, StringComparer.Ordinal)];
    }

    private static ReviewFieldView View(ExtractedField f, string pageId, FieldReviewState state, bool required, BatchDocument document) => new(
        f.Key, f.Value, f.Raw, Math.Round(f.Confidence, 3), f.Validation, f.Source, f.Page, pageId,
        [f.Box.X, f.Box.Y, f.Box.Width, f.Box.Height], f.ConfirmedBy, state, required, document.Id, document.Version);
}
