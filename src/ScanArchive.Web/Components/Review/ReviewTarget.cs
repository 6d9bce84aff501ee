namespace ScanArchive.Web.Components.Review;

/// <summary>Where the keyboard flow goes next: a field to check, a page that needs a verdict, or nothing left.</summary>
/// <param name="PageId">The page to show (null when <see cref="Done"/>).</param>
/// <param name="FieldKey">The field to put the cursor in, or null for a page-level target.</param>
/// <param name="DocumentId">The document of the page.</param>
public sealed record ReviewTarget(string? PageId, string? FieldKey, string? DocumentId)
{
    /// <summary>Nothing left to review: the batch can be approved.</summary>
    public static ReviewTarget Finished { get; } = new(null, null, null);

    /// <summary>True when nothing is left.</summary>
    public bool Done => PageId is null;
}
