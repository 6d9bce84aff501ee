namespace ScanArchive.Core.Archive;

/// <summary>A change to a page's image that is being carried out in the background (the page is recognized again).</summary>
/// <param name="Change">What is done: <c>rotate 90</c>, <c>rotate -90</c>, <c>rotate 180</c>, <c>rescan</c>.</param>
/// <param name="User">Who asked.</param>
/// <param name="At">When.</param>
public sealed record PageRework(string Change, string User, DateTimeOffset At)
{
    /// <summary>The new sheet's original, stored the moment it arrived (a rescan); null for a turn.</summary>
    public StoredFile? Original { get; init; }
}
