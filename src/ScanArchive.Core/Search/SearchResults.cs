namespace ScanArchive.Core.Search;

/// <summary>The entries that matched a <see cref="SearchQuery"/>, best first.</summary>
/// <param name="TotalHits">How many entries matched in all (not only the returned page of results).</param>
/// <param name="Hits">The requested slice (<see cref="SearchQuery.Skip"/>, <see cref="SearchQuery.Take"/>), best first.</param>
/// <param name="Elapsed">Time the index took to answer, snippets included.</param>
public sealed record SearchResults(int TotalHits, IReadOnlyList<SearchHit> Hits, TimeSpan Elapsed);

/// <summary>One matching archive entry.</summary>
public sealed record SearchHit
{
    /// <summary>The entry's archive number.</summary>
    public required string ArchiveNumber { get; init; }

    /// <summary>Relevance; only meaningful for ordering hits of the same search.</summary>
    public float Score { get; init; }

    /// <summary>True when a phone, ID, archive, customer or document number in the query matched the entry exactly.</summary>
    public bool ExactMatch { get; init; }

    /// <summary>The entry's document type.</summary>
    public string DocumentType { get; init; } = "";

    /// <summary>The entry's customer name.</summary>
    public string CustomerName { get; init; } = "";

    /// <summary>The document date, when the entry has one.</summary>
    public DateOnly? DocumentDate { get; init; }

    /// <summary>When the entry was committed.</summary>
    public DateTimeOffset CommittedAt { get; init; }

    /// <summary>The page that matched best (1-based), or null when only the entry's fields matched and it has no pages.</summary>
    public int? PageNumber { get; init; }

    /// <summary>Plain text around the best match on <see cref="PageNumber"/> (about 120 characters, whitespace collapsed,
    /// <c>…</c> where it was cut); the start of the page when only fields matched.</summary>
    public string Snippet { get; init; } = "";

    /// <summary>The matched parts of <see cref="Snippet"/>, in order, not overlapping.</summary>
    public IReadOnlyList<TextSpan> Highlights { get; init; } = [];

    /// <summary>
    /// The snippet with every highlight wrapped in <paramref name="open"/> and <paramref name="close"/>
    /// (default <c>【</c> and <c>】</c>), for terminals and logs.
    /// </summary>
    public string MarkedSnippet(string open = "【", string close = "】")
    {
        var builder = new System.Text.StringBuilder(Snippet.Length + (Highlights.Count * (open.Length + close.Length)));
        var at = 0;
        foreach (var span in Highlights)
        {
            builder.Append(Snippet, at, span.Start - at).Append(open).Append(Snippet, span.Start, span.Length).Append(close);
            at = span.End;
        }

        return builder.Append(Snippet, at, Snippet.Length - at).ToString();
    }
}

/// <summary>A range of characters in a string.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Index just past the last character.</summary>
    public int End => Start + Length;
}
