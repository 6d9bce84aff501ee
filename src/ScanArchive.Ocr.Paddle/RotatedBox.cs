using ScanArchive.Core.Imaging;

namespace ScanArchive.Ocr.Paddle;

/// <summary>
/// A text line found by the detector: a rectangle at any angle, in page pixels. <see cref="Ux"/>,<see cref="Uy"/> is
/// the unit vector along the line (the side nearest to horizontal), the perpendicular (−Uy, Ux) points down the page.
/// </summary>
internal readonly record struct RotatedBox(double CenterX, double CenterY, double Ux, double Uy, double Width, double Height, float Score)
{
    /// <summary>The corner at the start of the line's top edge.</summary>
    public (double X, double Y) Origin => (CenterX - (Ux * Width / 2) + (Uy * Height / 2), CenterY - (Uy * Width / 2) - (Ux * Height / 2));

    /// <summary>The point at <paramref name="along"/> px along the line and <paramref name="down"/> px down from <see cref="Origin"/>.</summary>
    public (double X, double Y) At(double along, double down)
    {
        var (ox, oy) = Origin;
        return (ox + (Ux * along) - (Uy * down), oy + (Uy * along) + (Ux * down));
    }

    /// <summary>The upright box around the part from <paramref name="from"/> to <paramref name="to"/> px along the line, clipped to the page.</summary>
    public PixelBox Bounds(double from, double to, int pageWidth, int pageHeight)
    {
        Span<(double X, double Y)> corners = [At(from, 0), At(to, 0), At(to, Height), At(from, Height)];
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var (x, y) in corners)
        {
            minX = Math.Min(minX, x);
            minY = Math.Min(minY, y);
            maxX = Math.Max(maxX, x);
            maxY = Math.Max(maxY, y);
        }

        var left = Math.Clamp((int)Math.Floor(minX), 0, pageWidth);
        var top = Math.Clamp((int)Math.Floor(minY), 0, pageHeight);
        var right = Math.Clamp((int)Math.Ceiling(maxX), 0, pageWidth);
        var bottom = Math.Clamp((int)Math.Ceiling(maxY), 0, pageHeight);
        return PixelBox.FromEdges(left, top, right, bottom);
    }

    /// <summary>The upright box around the part from <paramref name="from"/> to <paramref name="to"/> px down a standing line.</summary>
    public PixelBox BoundsDown(double from, double to, int pageWidth, int pageHeight)
    {
        var a = At(0, from);
        var b = At(Width, to);
        var c = At(0, to);
        var d = At(Width, from);
        var left = Math.Clamp((int)Math.Floor(Math.Min(Math.Min(a.X, b.X), Math.Min(c.X, d.X))), 0, pageWidth);
        var top = Math.Clamp((int)Math.Floor(Math.Min(Math.Min(a.Y, b.Y), Math.Min(c.Y, d.Y))), 0, pageHeight);
        var right = Math.Clamp((int)Math.Ceiling(Math.Max(Math.Max(a.X, b.X), Math.Max(c.X, d.X))), 0, pageWidth);
        var bottom = Math.Clamp((int)Math.Ceiling(Math.Max(Math.Max(a.Y, b.Y), Math.Max(c.Y, d.Y))), 0, pageHeight);
        return PixelBox.FromEdges(left, top, right, bottom);
    }

    /// <summary>The upright box around the whole line.</summary>
    public PixelBox Bounds(int pageWidth, int pageHeight) => Bounds(0, Width, pageWidth, pageHeight);
}
