namespace ScanArchive.Search;

/// <summary>Lucene field names. One Lucene document per page; entry-level fields are repeated on every page.</summary>
internal static class IndexFields
{
    /// <summary>Normalized archive number (string, indexed): replaces and deletes an entry's pages.</summary>
    public const string ArchiveKey = "archive_key";

    /// <summary>Normalized archive number as sorted doc values: groups pages into entries at search time.</summary>
    public const string Entry = "entry";

    /// <summary>"1" on the first page document of each entry: counts entries.</summary>
    public const string Head = "head";

    /// <summary>Archive number as given (stored).</summary>
    public const string ArchiveNumber = "archive_number";

    /// <summary>Page number (stored; 0 for an entry without pages).</summary>
    public const string Page = "page";

    /// <summary>Page text, analyzed (not stored; CJK spacing compacted).</summary>
    public const string Text = "text";

    /// <summary>Page text as recognized (stored, for snippets).</summary>
    public const string StoredText = "text_stored";

    /// <summary>Entry-level text: customer name and number, document type, batch, field values (analyzed).</summary>
    public const string Meta = "meta";

    /// <summary>Customer name, analyzed, for the customer filter.</summary>
    public const string Customer = "customer";

    /// <summary>Normalized customer number, for the customer filter.</summary>
    public const string CustomerNo = "customer_no";

    /// <summary>Lower-case document type, for the type filter.</summary>
    public const string DocumentType = "doc_type";

    /// <summary>Document type as given (stored).</summary>
    public const string DocumentTypeStored = "doc_type_stored";

    /// <summary>Customer name as given (stored).</summary>
    public const string CustomerName = "customer_name";

    /// <summary>yyyyMMdd of the document date, or of the commit day (in the offset it was recorded with) when there is none (numeric, for the date filter).</summary>
    public const string Day = "day";

    /// <summary>Document date as yyyy-MM-dd (stored; absent when none).</summary>
    public const string DocumentDate = "document_date";

    /// <summary>Commit time, round-trip format (stored).</summary>
    public const string CommittedAt = "committed_at";

    /// <summary>Commit time in UTC ticks (numeric doc values): orders listings without a query.</summary>
    public const string CommittedTicks = "committed_ticks";

    /// <summary>Entry-level exact keys: archive, customer, ID, phone, document numbers, e-mail (stored).</summary>
    public const string Key = "key";

    /// <summary>Phone and ID numbers written on this page, as keys (stored).</summary>
    public const string PageKey = "page_key";
}
