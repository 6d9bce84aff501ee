using ImageMagick;

namespace ScanArchive.Imaging.Raster;

/// <summary>
/// ImageMagick's own limits, process-wide. Out of the box it may use all physical memory for its pixel cache
/// and then an unlimited temporary file on disk, accepts images of any width and height, and lists of any
/// length. Our header checks (<see cref="ImagingLimits"/>) come first; these are the backstop for anything a
/// header does not reveal, so a hostile file fails with a resource-limit error instead of exhausting the machine.
/// </summary>
internal static class MagickResourceGuard
{
    private const ulong GiB = 1UL << 30;

    /// <summary>Pixel cache in memory; above this ImageMagick spills to disk. Fits a 200-megapixel RGBA page.</summary>
    private const ulong MemoryLimit = 2 * GiB;

    /// <summary>Pixel cache on disk; above this the read fails (reported as TooLarge).</summary>
    private const ulong DiskLimit = 4 * GiB;

    /// <summary>Longest image side: 1,000,000 px is 85 m at 300 dpi.</summary>
    private const ulong SideLimit = 1_000_000;

    /// <summary>Frames in one read (we read one frame at a time; pinging a TIFF lists them all).</summary>
    private const ulong ListLengthLimit = 100_000;

    /// <summary>Largest embedded profile (ICC, EXIF, XMP); real ones are kilobytes.</summary>
    private const ulong ProfileLimit = 64UL << 20;

    private static readonly Lazy<bool> Applied = new(Apply);

    /// <summary>Applies the limits once per process (never raises a limit someone else lowered).</summary>
    public static void EnsureApplied() => _ = Applied.Value;

    private static bool Apply()
    {
        ResourceLimits.Memory = Math.Min(ResourceLimits.Memory, MemoryLimit);
        ResourceLimits.Disk = Math.Min(ResourceLimits.Disk, DiskLimit);
        ResourceLimits.Width = Math.Min(ResourceLimits.Width, SideLimit);
        ResourceLimits.Height = Math.Min(ResourceLimits.Height, SideLimit);
        ResourceLimits.ListLength = Math.Min(ResourceLimits.ListLength, ListLengthLimit);
        ResourceLimits.MaxProfileSize = Math.Min(ResourceLimits.MaxProfileSize, ProfileLimit);

        // Deliberately not ResourceLimits.Time: it counts from process start, and would kill a long-running service.
        return true;
    }
}
