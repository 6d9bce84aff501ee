using ScanArchive.Core.Archive;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Quality;

namespace ScanArchive.Application.Batches;

/// <summary>A batch in a list.</summary>
public sealed record BatchSummary(
    string Id,
    string Name,
    BatchState State,
    int Version,
    int Documents,
    int Pages,
    int FailedDocuments,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string? Note,
    IReadOnlyList<string> EntryNumbers);

/// <summary>A batch with everything a reviewer looks at.</summary>
public sealed record BatchDetails(
    string Id,
    string Name,
    BatchState State,
    int Version,
    string? Profile,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    string? Note,
    IReadOnlyList<string> EntryNumbers,
    IReadOnlyList<DocumentView> Documents,
    OpenReviewItems Open)
{
    /// <summary>The documents as the reviewer sees them and as they will become entries (split, merged, pages moved).</summary>
    public IReadOnlyList<Review.ReviewDocumentView> ReviewDocuments { get; init; } = [];

    /// <summary>The reviewer who last opened the batch for review.</summary>
    public string? InReviewBy { get; init; }

    /// <summary>Since when.</summary>
    public DateTimeOffset? InReviewSince { get; init; }
}

/// <summary>A document of a batch.</summary>
public sealed record DocumentView(
    string Id,
    int Order,
    string SourceName,
    DocumentStatus Status,
    int? PageCount,
    string? Error,
    string? DocumentType,
    int Version,
    string? Group,
    bool BlankPagesSeparate,
    IReadOnlyList<PageView> Pages,
    IReadOnlyList<FieldView> Fields);

/// <summary>A recognized page: its QC verdict and review state.</summary>
public sealed record PageView(
    string Id,
    int Number,
    ReviewStatus Review,
    string? ReviewReason,
    string? ReviewedBy,
    bool Blank,
    double MeanConfidence,
    QcView? Qc,
    int? Width,
    int? Height,
    int? Dpi,
    int Lines,
    string Text);

/// <summary>A page's quality check: verdict, reasons, the sentence for people, the measurements and the cleanup done.</summary>
public sealed record QcView(QualityVerdict Verdict, IReadOnlyList<QualityIssue> Reasons, string Message, PageQualityMetrics Metrics, PageCleanup? Cleanup);

/// <summary>An extracted field with its evidence.</summary>
public sealed record FieldView(
    string Key,
    string Value,
    string Raw,
    double Confidence,
    FieldValidation Validation,
    FieldSource Source,
    int Page,
    int[] Box,
    string? ConfirmedBy)
{
    /// <summary>How the review screen colours it (valid, attention, invalid, missing, confirmed).</summary>
    public Review.FieldReviewState State { get; init; }
}
