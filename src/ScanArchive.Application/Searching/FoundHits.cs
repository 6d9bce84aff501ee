using ScanArchive.Core.Search;

namespace ScanArchive.Application.Searching;

/// <summary>A page of search results for a screen: each hit with its batch and the matching words' boxes on its page.</summary>
/// <param name="TotalHits">Entries that matched in all.</param>
/// <param name="Hits">The requested page of them.</param>
/// <param name="Elapsed">The index's time (snippets included).</param>
public sealed record FoundHits(int TotalHits, IReadOnlyList<FoundHit> Hits, TimeSpan Elapsed);

/// <summary>One hit with where its words are.</summary>
/// <param name="Hit">What the index found.</param>
/// <param name="Batch">The batch the entry came from.</param>
/// <param name="Page">The page's image id and the matching words' boxes.</param>
public sealed record FoundHit(SearchHit Hit, string Batch, PageHitBoxes Page);
