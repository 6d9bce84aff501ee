using SkiaSharp;

namespace ScanArchive.SampleGenerator.Rendering;

/// <summary>Company header elements shared by the templates.</summary>
internal static class Letterhead
{
    /// <summary>A wordless logo mark (ring with a stylised shape), so it adds no text to the transcript.</summary>
    public static void Logo(PageCanvas page, SKPoint center, float radius, SKColor color)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = radius * 0.14f };
        page.Canvas.DrawCircle(center, radius, paint);
        paint.Style = SKPaintStyle.Fill;
        using var path = new SKPath();
        path.MoveTo(center.X - radius * 0.55f, center.Y + radius * 0.35f);
        path.LineTo(center.X, center.Y - radius * 0.55f);
        path.LineTo(center.X + radius * 0.55f, center.Y + radius * 0.35f);
        path.LineTo(center.X + radius * 0.2f, center.Y + radius * 0.35f);
        path.LineTo(center.X, center.Y - radius * 0.05f);
        path.LineTo(center.X - radius * 0.2f, center.Y + radius * 0.35f);
        path.Close();
        page.Canvas.DrawPath(path, paint);
    }

    /// <summary>A full-width rule under a header.</summary>
    public static void Rule(PageCanvas page, float left, float right, float y, float thickness = 5f) =>
        page.Line(left, y, right, y, thickness);
}
