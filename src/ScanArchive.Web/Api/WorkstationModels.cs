using ScanArchive.Application.Searching;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Search;

namespace ScanArchive.Web.Api;

/// <summary><c>GET /api/search</c>: the hits with their page and the matching words' boxes.</summary>
/// <param name="TotalHits">Entries matched in all.</param>
/// <param name="Skip">Hits skipped (paging).</param>
/// <param name="Take">Page size.</param>
/// <param name="ElapsedMs">The index's time in milliseconds.</param>
/// <param name="Hits">This page of hits.</param>
public sealed record SearchResponse(int TotalHits, int Skip, int Take, double ElapsedMs, IReadOnlyList<SearchHitView> Hits)
{
    public static SearchResponse Of(FoundHits found, int skip, int take)
    {
        ArgumentNullException.ThrowIfNull(found);
        return new SearchResponse(found.TotalHits, skip, take, Math.Round(found.Elapsed.TotalMilliseconds, 1), found.Hits.Select(SearchHitView.Of).ToList());
    }
}

/// <summary>One hit: <c>number</c>, <c>page</c> and <c>boxes</c> (image pixels of <c>pageWidth</c> × <c>pageHeight</c>).</summary>
public sealed record SearchHitView(
    string Number,
    string ArchiveNumber,
    string DocumentType,
    string CustomerName,
    DateOnly? DocumentDate,
    DateTimeOffset CommittedAt,
    string Batch,
    int? Page,
    string Snippet,
    IReadOnlyList<TextSpan> Highlights,
    bool ExactMatch,
    int PageWidth,
    int PageHeight,
    IReadOnlyList<PixelBox> Boxes)
{
    public static SearchHitView Of(FoundHit found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var h = found.Hit;
        return new SearchHitView(h.ArchiveNumber, h.ArchiveNumber, h.DocumentType, h.CustomerName, h.DocumentDate, h.CommittedAt, found.Batch, h.PageNumber,
            h.Snippet, h.Highlights, h.ExactMatch, found.Page.Width, found.Page.Height, found.Page.Boxes);
    }
}

/// <summary><c>POST /api/entries/{number}/customer</c>: file the entry under <c>customerId</c>, or (null) keep it apart.</summary>
public sealed record ResolveCustomerRequest(string? CustomerId, string? Note = null);
