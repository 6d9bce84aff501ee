namespace ScanArchive.Web.Components.Review;

/// <summary>A key of the review screen: what the button carries (<c>data-shortcut</c>), what it prints, what it does.</summary>
/// <param name="Key">The <c>KeyboardEvent.key</c> that presses it (<c>a</c>, <c>A</c> for Shift+A, <c>PageDown</c>); null for keys only explained.</param>
/// <param name="Display">How the key is printed on buttons and in the help.</param>
/// <param name="Text">Resource name of what it does.</param>
public sealed record ReviewShortcut(string? Key, string Display, string Text);

/// <summary>
/// Every key of the review screen in one table: the buttons take their <c>data-shortcut</c> and printed key from
/// here, and the help (<c>?</c>) lists the same table, so the two cannot disagree.
/// </summary>
public static class ReviewShortcuts
{
    public static readonly ReviewShortcut Next = new("Enter", "Enter", "ReviewUi.Next");
    public static readonly ReviewShortcut NextPage = new("PageDown", "PgDn", "ReviewUi.NextPage");
    public static readonly ReviewShortcut PreviousPage = new("PageUp", "PgUp", "ReviewUi.PreviousPage");
    public static readonly ReviewShortcut ApprovePage = new("a", "A", "ReviewUi.ApprovePage");
    public static readonly ReviewShortcut RejectPage = new("r", "R", "ReviewUi.RejectPage");
    public static readonly ReviewShortcut Blank = new("b", "B", "ReviewUi.Blank");
    public static readonly ReviewShortcut RotateLeft = new("[", "[", "ReviewUi.RotateLeft");
    public static readonly ReviewShortcut RotateRight = new("]", "]", "ReviewUi.RotateRight");
    public static readonly ReviewShortcut RotateHalf = new("u", "U", "ReviewUi.RotateHalf");
    public static readonly ReviewShortcut Rescan = new("n", "N", "ReviewUi.Rescan");
    public static readonly ReviewShortcut Split = new("s", "S", "ReviewUi.Split");
    public static readonly ReviewShortcut Merge = new("m", "M", "ReviewUi.Merge");
    public static readonly ReviewShortcut Move = new("v", "V", "ReviewUi.Move");
    public static readonly ReviewShortcut ApproveBatch = new("A", "Shift+A", "ReviewUi.ApproveBatch");
    public static readonly ReviewShortcut Commit = new("C", "Shift+C", "ReviewUi.Commit");
    public static readonly ReviewShortcut Help = new("?", "?", "ReviewUi.Help");
    public static readonly ReviewShortcut SaveTemplate = new("t", "T", "ReviewUi.SaveTemplate");
    public static readonly ReviewShortcut Characters = new("c", "C", "ReviewUi.Characters");
    public static readonly ReviewShortcut ZoomIn = new("+", "+", "ReviewUi.ZoomIn");
    public static readonly ReviewShortcut ZoomOut = new("-", "−", "ReviewUi.ZoomOut");
    public static readonly ReviewShortcut FitWidth = new("w", "W", "ReviewUi.FitWidth");
    public static readonly ReviewShortcut FitPage = new("f", "F", "ReviewUi.FitPage");
    public static readonly ReviewShortcut Draw = new("d", "D", "ReviewUi.Draw");
    public static readonly ReviewShortcut Cancel = new("Escape", "Esc", "ReviewUi.Cancel");

    /// <summary>What the help lists, in this order (keys that belong to no button are explained only).</summary>
    public static IReadOnlyList<ReviewShortcut> All { get; } =
    [
        new(null, "Enter", "ReviewUi.Confirm"),
        new(null, "Tab / Shift+Tab", "ReviewUi.FieldSteps"),
        new(null, "Esc", "ReviewUi.LeaveField"),
        Next, NextPage, PreviousPage, ApprovePage, RejectPage, Blank, RotateLeft, RotateRight, RotateHalf, Rescan, Split,
        Merge, Move, ApproveBatch, Commit, SaveTemplate, Characters,
        ZoomIn, ZoomOut, FitWidth, FitPage,
        new(null, "← ↑ → ↓", "ReviewUi.Pan"),
        Draw,
        new(null, "Click / Shift+Click", "ReviewUi.ClickWord"),
        Help,
    ];
}
