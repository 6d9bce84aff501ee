using System.Globalization;

namespace ScanArchive.Core.Archive;

/// <summary>A committed, numbered document: the unit staff search for and retrieve.</summary>
public sealed record ArchiveEntry
{
    /// <summary>The archive number, e.g. <c>KH-2026-000001</c>.</summary>
    public required string Number { get; init; }

    /// <summary>The numbering series (prefix and year) the number was drawn from.</summary>
    public required string Series { get; init; }

    /// <summary>Position in the series (1, 2, 3, … without gaps).</summary>
    public long Sequence { get; init; }

    /// <summary>The batch it came from.</summary>
    public required string BatchId { get; init; }

    /// <summary>That batch's name.</summary>
    public string BatchName { get; init; } = "";

    /// <summary>The document it came from (the imported file's name).</summary>
    public string Title { get; init; } = "";

    /// <summary>Document type, e.g. <c>invoice</c> (<c>other</c> until classified).</summary>
    public string DocumentType { get; init; } = "other";

    /// <summary>Extracted fields (canonical key → normalized value).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>Pages in order.</summary>
    public IReadOnlyList<EntryPage> Pages { get; init; } = [];

    /// <summary>The searchable PDF.</summary>
    public required StoredFile Pdf { get; init; }

    /// <summary>The original imported files this entry's pages came from.</summary>
    public IReadOnlyList<StoredFile> Originals { get; init; } = [];

    /// <summary>Who committed it.</summary>
    public string CommittedBy { get; init; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset CommittedAt { get; init; }

    /// <summary>Every file the entry depends on (for verification).</summary>
    public IEnumerable<StoredFile> Files =>
        Originals.Append(Pdf)
            .Concat(Pages.Where(p => p.Image is not null).Select(p => p.Image!))
            .Concat(Pages.Where(p => p.TextLayer is not null).Select(p => p.TextLayer!));
}

/// <summary>One page of an archive entry.</summary>
/// <param name="Number">1-based page number within the entry (and its PDF).</param>
/// <param name="PageId">The batch page it was.</param>
/// <param name="Text">Recognized text in reading order.</param>
/// <param name="Image">Page image shown in the PDF.</param>
/// <param name="TextLayer">Invisible text layer.</param>
public sealed record EntryPage(int Number, string PageId, string Text, StoredFile? Image, StoredFile? TextLayer);

/// <summary>
/// How archive numbers look: prefix, year of commit, zero-padded sequence (default <c>KH-2026-000001</c>).
/// The sequence restarts each year when the year is part of the number.
/// </summary>
/// <param name="Prefix">Leading letters, e.g. <c>KH</c> (客户).</param>
/// <param name="Digits">Zero-padded width of the sequence.</param>
/// <param name="IncludeYear">Whether the year is part of the number.</param>
/// <param name="Separator">Between the parts.</param>
public sealed record ArchiveNumberFormat(string Prefix = "KH", int Digits = 6, bool IncludeYear = true, string Separator = "-")
{
    /// <summary>The numbering series a commit at <paramref name="year"/> draws from.</summary>
    public string Series(int year) => IncludeYear ? $"{Prefix}{Separator}{year.ToString(CultureInfo.InvariantCulture)}" : Prefix;

    /// <summary>The number for a sequence value in a series.</summary>
    public string Format(string series, long sequence) =>
        $"{series}{Separator}{sequence.ToString(CultureInfo.InvariantCulture).PadLeft(Digits, '0')}";

    /// <summary>Rejects formats that would produce ambiguous or unsafe numbers (they become file names).</summary>
    /// <exception cref="ArgumentException">The format is unusable.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Prefix) || Prefix.Any(c => !char.IsAsciiLetterOrDigit(c)))
        {
            throw new ArgumentException("The archive number prefix must be letters or digits.", nameof(Prefix));
        }

        if (Digits is < 1 or > 12)
        {
            throw new ArgumentException("The archive number needs 1–12 sequence digits.", nameof(Digits));
        }

        if (Separator.Any(c => c is '/' or '\\' or '\0') || Separator.Length > 2)
        {
            throw new ArgumentException("The archive number separator must be at most two characters and not a path separator.", nameof(Separator));
        }
    }
}
