namespace ScanArchive.Core.Quality;

/// <summary>Sides of a page image.</summary>
[Flags]
public enum PageSides
{
    /// <summary>No side.</summary>
    None = 0,

    /// <summary>The left edge.</summary>
    Left = 1,

    /// <summary>The top edge.</summary>
    Top = 2,

    /// <summary>The right edge.</summary>
    Right = 4,

    /// <summary>The bottom edge.</summary>
    Bottom = 8,
}
