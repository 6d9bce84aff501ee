namespace ScanArchive.Web.Components.Review;

/// <summary>A batch waiting for review, as the queue lists it.</summary>
/// <param name="Name">Batch name.</param>
/// <param name="State">Waiting for review, or approved and waiting for its commit.</param>
/// <param name="InReviewBy">Who opened it for review last (null: nobody yet).</param>
/// <param name="Pages">Pages.</param>
/// <param name="Documents">Documents.</param>
/// <param name="QcWarnings">Pages whose quality check warned (null: not known).</param>
/// <param name="QcFailures">Pages whose quality check failed (null: not known).</param>
/// <param name="FieldsInvalid">Fields that failed validation (null: not known).</param>
/// <param name="FieldsMissing">Expected fields not found (null: not known).</param>
/// <param name="Clerk">Who captured it.</param>
/// <param name="Since">Since when it waits.</param>
/// <param name="FieldsFromTemplate">Fields a zone template (learned from a reviewer) filled.</param>
public sealed record ReviewQueueRow(
    string Name,
    Core.Archive.BatchState State,
    string? InReviewBy,
    int Pages,
    int Documents,
    int? QcWarnings,
    int? QcFailures,
    int? FieldsInvalid,
    int? FieldsMissing,
    string Clerk,
    DateTimeOffset Since,
    int FieldsFromTemplate = 0);
