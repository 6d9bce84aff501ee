using ScanArchive.Application.Review;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Quality;

namespace ScanArchive.Web.Components.Review;

/// <summary>
/// The batch as the review screen walks it: review documents in order (as split and merge left them), their pages
/// and fields with review states, and the lookups the keyboard flow needs. Rebuilt from the store after every change
/// (the store is the truth; the screen keeps only its place, drafts and messages).
/// </summary>
public sealed class ReviewModel
{
    private readonly Dictionary<string, ReviewDocumentView> _documentOfPage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReviewPageView> _pages = new(StringComparer.Ordinal);

    public ReviewModel(Batch batch, IReadOnlyList<ReviewDocumentView> documents)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(documents);
        Batch = batch;
        Documents = documents;
        Pages = [.. documents.SelectMany(d => d.Pages)];
        foreach (var d in documents)
        {
            foreach (var p in d.Pages)
            {
                _documentOfPage[p.Id] = d;
                _pages[p.Id] = p;
            }
        }
    }

    /// <summary>The batch record (state, version, entry numbers, who is reviewing).</summary>
    public Batch Batch { get; }

    /// <summary>Review documents in order.</summary>
    public IReadOnlyList<ReviewDocumentView> Documents { get; }

    /// <summary>Every page in order, document by document.</summary>
    public IReadOnlyList<ReviewPageView> Pages { get; }

    /// <summary>True while pages can get verdicts and fields can be corrected.</summary>
    public bool InReview => Batch.State == BatchState.ReadyForReview;

    /// <summary>Pages still needing a verdict.</summary>
    public int OpenPages => Pages.Count(NeedsVerdict);

    /// <summary>Fields still needing a person.</summary>
    public int OpenFields => Documents.Sum(d => d.Fields.Count(NeedsAttention));

    /// <summary>The review document holding a page.</summary>
    public ReviewDocumentView? DocumentOf(string? pageId) => pageId is not null && _documentOfPage.TryGetValue(pageId, out var d) ? d : null;

    /// <summary>A page by id.</summary>
    public ReviewPageView? Page(string? pageId) => pageId is not null && _pages.TryGetValue(pageId, out var p) ? p : null;

    /// <summary>The fields of a review document (empty for an unknown one).</summary>
    public IReadOnlyList<ReviewFieldView> FieldsOf(string? documentId) => Documents.FirstOrDefault(d => d.Id == documentId)?.Fields ?? [];

    /// <summary>The page a field's evidence is on, or the document's first page (a missing field).</summary>
    public static ReviewPageView? PageOfField(ReviewDocumentView document, ReviewFieldView field)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(field);
        return document.Pages.FirstOrDefault(p => p.Id == field.PageId) ?? (document.Pages.Count > 0 ? document.Pages[0] : null);
    }

    /// <summary>True when the page still needs a reviewer's verdict (blank pages need none).</summary>
    public static bool NeedsVerdict(ReviewPageView page) => page is not null && !page.Page.Blank && page.Page.Review == ReviewStatus.Unreviewed;

    /// <summary>True when the page's quality check found something.</summary>
    public static bool HasQcProblem(ReviewPageView page) => page?.Page.Qc is { } qc && qc.Verdict != QualityVerdict.Pass;

    /// <summary>True while a person still has to look at the field.</summary>
    public static bool NeedsAttention(ReviewFieldView field) =>
        field is not null && field.State is FieldReviewState.Attention or FieldReviewState.Invalid or FieldReviewState.Missing;

    /// <summary>True when the field's evidence box can be outlined and cropped.</summary>
    public static bool HasBox(ReviewFieldView field) => field?.PageId is not null && field.Box is { Length: 4 } b && b[2] > 0 && b[3] > 0;

    /// <summary>The CSS / data-attribute spelling of a state (<c>attention</c>).</summary>
    public static string Code(FieldReviewState state) => state.ToString().ToLowerInvariant();
}
