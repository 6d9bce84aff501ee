namespace ScanArchive.Core.Search;

/// <summary>
/// A search as a clerk types it, plus filters.
/// </summary>
/// <remarks>
/// <para><see cref="Text"/> syntax (nothing a clerk types makes the search fail; unknown punctuation is ignored):</para>
/// <list type="bullet">
/// <item>Words separated by spaces must all match (<c>张伟 合同</c>). A run of Chinese characters matches as written
/// (<c>客户档案</c> does not match 客户…档案 far apart); one character (<c>档</c>) matches that character.</item>
/// <item><c>"…"</c> matches the exact phrase; an unclosed quote runs to the end.</item>
/// <item><c>word~</c> is fuzzy (1 edit for words of 3–5 letters, 2 for longer ones); <c>word~1</c>, <c>word~2</c> set the edits.</item>
/// <item><c>word*</c> matches words starting with <c>word</c> (at least 2 characters before the star).</item>
/// <item><c>OR</c> between two words accepts either; <c>-word</c> or <c>NOT word</c> excludes; <c>AND</c> is the default and ignored.</item>
/// <item>Phone numbers, ID numbers, archive and customer numbers are recognized in any spelling
/// (<c>138 1234 5678</c>, <c>+86-138-1234-5678</c>, lower-case <c>x</c>, full-width digits) and matched exactly;
/// exact matches rank above text matches.</item>
/// </list>
/// </remarks>
public sealed record SearchQuery
{
    /// <summary>The free text; empty or whitespace lists all entries that pass the filters, newest first.</summary>
    public string Text { get; init; } = "";

    /// <summary>Only entries of this document type (case-insensitive), or any when null or empty.</summary>
    public string? DocumentType { get; init; }

    /// <summary>Only entries dated on or after this day. The document date counts; an entry without one counts by the calendar day it was committed on, in the UTC offset <see cref="SearchDocument.CommittedAt"/> was recorded with (a commit at 01:00 +08:00 counts for that day, not the UTC day before).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only entries dated on or before this day (inclusive); see <see cref="From"/>.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only entries of this customer: an exact customer number, or a name matched as a phrase (<c>张伟</c>, <c>zhang wei</c>).</summary>
    public string? Customer { get; init; }

    /// <summary>Number of entries to skip (paging).</summary>
    public int Skip { get; init; }

    /// <summary>Maximum number of entries to return (1–1000).</summary>
    public int Take { get; init; } = 20;
}
