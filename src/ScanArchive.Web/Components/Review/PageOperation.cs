namespace ScanArchive.Web.Components.Review;

/// <summary>The page and document operations of the review toolbar besides approve and reject.</summary>
public enum PageOperation
{
    /// <summary>Mark the page blank (kept and flagged).</summary>
    Blank,

    /// <summary>Turn the page a quarter counter-clockwise and recognize it again.</summary>
    RotateLeft,

    /// <summary>Turn the page a quarter clockwise and recognize it again.</summary>
    RotateRight,

    /// <summary>Turn the page upside down and recognize it again.</summary>
    RotateHalf,

    /// <summary>Ask for the sheet to be scanned again (the new sheet takes this one's place).</summary>
    Rescan,

    /// <summary>Start a new document at this page.</summary>
    Split,

    /// <summary>Join this page's document to the previous one.</summary>
    Merge,

    /// <summary>Move this page to another document.</summary>
    Move,
}
