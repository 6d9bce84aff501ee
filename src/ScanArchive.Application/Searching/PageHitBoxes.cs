using ScanArchive.Core.Imaging;

namespace ScanArchive.Application.Searching;

/// <summary>Where a search's words are on one page.</summary>
/// <param name="PageId">The batch page the entry page was (its image is served under that id), or null.</param>
/// <param name="Width">The page image's width in pixels (the boxes' frame).</param>
/// <param name="Height">Its height.</param>
/// <param name="Boxes">Boxes of the matching words, in the image's pixels.</param>
public sealed record PageHitBoxes(string? PageId, int Width, int Height, IReadOnlyList<PixelBox> Boxes);
