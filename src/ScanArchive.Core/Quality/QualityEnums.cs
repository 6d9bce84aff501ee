namespace ScanArchive.Core.Quality;

/// <summary>The outcome of a page's quality check.</summary>
public enum QualityVerdict
{
    /// <summary>Fit to keep as it is.</summary>
    Pass,

    /// <summary>Usable, but a reviewer should look (e.g. a blank page, faint print, text near a cut edge).</summary>
    Warn,

    /// <summary>Not fit to keep: scan the page again (badly blurred, far too coarse, unreadably faint).</summary>
    Fail,
}

/// <summary>Why a page did not simply pass. JSON uses the camel-case name (<c>lowResolution</c>).</summary>
public enum QualityReason
{
    /// <summary>No content: an empty sheet or back side (flagged, never dropped).</summary>
    Blank,

    /// <summary>Out of focus or smeared: edges are much wider than the resolution allows.</summary>
    Blurry,

    /// <summary>Too few pixels for the text: the resolution is below the profile's minimum, or the characters are too small in pixels.</summary>
    LowResolution,

    /// <summary>Print too faint against the paper.</summary>
    LowContrast,

    /// <summary>The whole scan is very dark (lid open, wrong exposure).</summary>
    TooDark,

    /// <summary>Characters touch the edge of the image: part of the page is missing from the scan.</summary>
    ContentCutOff,

    /// <summary>The page has colour (e.g. a red seal) that a black-and-white (lineart) profile would lose.</summary>
    ColourLostInLineart,

    /// <summary>The text lines run sideways but which way up could not be determined reliably; the page was not turned.</summary>
    OrientationUncertain,
}
