namespace ScanArchive.Core.Archive;

/// <summary>A page image that was replaced (turned, or the sheet scanned again); kept with the page, never deleted.</summary>
/// <param name="Image">The image the page showed before.</param>
/// <param name="TextLayer">Its text layer.</param>
/// <param name="Original">The sheet's own original when it was a replacement sheet itself (null: the document's original).</param>
/// <param name="Change">What replaced it: <c>rotate 90</c>, <c>rotate -90</c>, <c>rotate 180</c>, <c>rescan</c>.</param>
/// <param name="User">Who asked for the change.</param>
/// <param name="At">When the new image was stored.</param>
public sealed record PageRevision(PageImage? Image, StoredFile? TextLayer, StoredFile? Original, string Change, string User, DateTimeOffset At);
