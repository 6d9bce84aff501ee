namespace ScanArchive.Core.Search;

/// <summary>
/// What the search index knows about one archive entry: its identity, filters, fields and the text of its pages.
/// The archive records are the truth; a <see cref="SearchDocument"/> is derived from them and can be rebuilt at any time.
/// </summary>
public sealed record SearchDocument
{
    /// <summary>The entry's archive number, e.g. <c>KH-2026-000001</c>. Identifies the entry in the index.</summary>
    public required string ArchiveNumber { get; init; }

    /// <summary>Document type, e.g. <c>invoice</c> or <c>id_card</c> (compared case-insensitively when filtering).</summary>
    public string DocumentType { get; init; } = "";

    /// <summary>The date printed on the document, when it has one.</summary>
    public DateOnly? DocumentDate { get; init; }

    /// <summary>When the entry was committed to the archive.</summary>
    public DateTimeOffset CommittedAt { get; init; }

    /// <summary>The customer's name (Chinese or English).</summary>
    public string CustomerName { get; init; } = "";

    /// <summary>The customer number.</summary>
    public string CustomerNo { get; init; } = "";

    /// <summary>The name of the batch the entry was committed from.</summary>
    public string BatchName { get; init; } = "";

    /// <summary>
    /// Extracted field values by canonical key: <c>customer_name</c>, <c>customer_no</c>, <c>id_number</c>, <c>phone</c>,
    /// <c>email</c>, <c>address</c>, <c>date_of_birth</c>, <c>gender</c>, <c>document_date</c>, <c>document_no</c>,
    /// <c>amount</c>, <c>company_name</c>. All values are searchable as text; <c>customer_no</c>, <c>id_number</c>,
    /// <c>phone</c>, <c>document_no</c> and <c>email</c> are also exact-match keys.
    /// </summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>The recognized text of each page, in page order.</summary>
    public IReadOnlyList<SearchPage> Pages { get; init; } = [];
}

/// <summary>The text of one page of an archive entry.</summary>
/// <param name="PageNumber">1-based page number within the entry.</param>
/// <param name="Text">The page's text in reading order.</param>
public sealed record SearchPage(int PageNumber, string Text);
