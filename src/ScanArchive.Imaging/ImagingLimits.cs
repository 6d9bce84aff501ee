namespace ScanArchive.Imaging;

/// <summary>
/// Safety limits for reading untrusted input files. A few kilobytes of PNG or TIFF can declare billions of
/// pixels (a "decompression bomb"), so sizes are checked from the headers before any pixel is decoded.
/// </summary>
/// <param name="MaxPixelsPerPage">Largest width × height accepted for one page image.</param>
/// <param name="MaxPages">Largest number of pages accepted in one file.</param>
public sealed record ImagingLimits(long MaxPixelsPerPage = 200_000_000, int MaxPages = 5000)
{
    /// <summary>The defaults: 200 megapixels per page (a 600-dpi A0 scan is ~70), 5000 pages per file.</summary>
    public static ImagingLimits Default { get; } = new();

    /// <summary>
    /// Upper bound for <see cref="MaxPixelsPerPage"/>: an RGB page is held in one byte array, which .NET caps
    /// at <see cref="Array.MaxLength"/> bytes.
    /// </summary>
    public static long LargestSupportedPixelsPerPage => Array.MaxLength / 3;

    /// <summary>Throws when a limit is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive or exceeds what can be held in memory.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPixelsPerPage);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxPixelsPerPage, LargestSupportedPixelsPerPage);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPages);
    }

    /// <summary>True when a page of the given size is within <see cref="MaxPixelsPerPage"/>.</summary>
    public bool AllowsPage(long width, long height) =>
        width > 0 && height > 0 && width <= MaxPixelsPerPage && height <= MaxPixelsPerPage / width;
}
