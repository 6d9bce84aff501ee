namespace ScanArchive.Core.Imaging;

/// <summary>An axis-aligned rectangle in image pixels, origin at the top-left corner.</summary>
/// <param name="X">Left edge (inclusive).</param>
/// <param name="Y">Top edge (inclusive).</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public readonly record struct PixelBox(int X, int Y, int Width, int Height)
{
    /// <summary>Right edge (exclusive).</summary>
    public int Right => X + Width;

    /// <summary>Bottom edge (exclusive).</summary>
    public int Bottom => Y + Height;

    /// <summary>Vertical centre.</summary>
    public double CenterY => Y + (Height / 2.0);

    /// <summary>Creates a box from its edges (right and bottom exclusive).</summary>
    public static PixelBox FromEdges(int left, int top, int right, int bottom) =>
        new(left, top, Math.Max(0, right - left), Math.Max(0, bottom - top));

    /// <summary>The smallest box containing both boxes.</summary>
    public PixelBox Union(PixelBox other) =>
        Width == 0 && Height == 0 ? other
        : other.Width == 0 && other.Height == 0 ? this
        : FromEdges(Math.Min(X, other.X), Math.Min(Y, other.Y), Math.Max(Right, other.Right), Math.Max(Bottom, other.Bottom));

    /// <summary>Number of rows both boxes cover (0 when they do not overlap vertically).</summary>
    public int VerticalOverlap(PixelBox other) => Math.Max(0, Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y));

    /// <summary>The box moved by (<paramref name="dx"/>, <paramref name="dy"/>) pixels.</summary>
    public PixelBox Offset(int dx, int dy) => this with { X = X + dx, Y = Y + dy };

    /// <summary>Scales every coordinate, e.g. to map boxes found on an upscaled image back to the original.</summary>
    public PixelBox Scale(double factor) => FromEdges(
        (int)Math.Floor(X * factor), (int)Math.Floor(Y * factor),
        (int)Math.Ceiling(Right * factor), (int)Math.Ceiling(Bottom * factor));
}
