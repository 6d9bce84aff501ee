using SkiaSharp;

namespace ScanArchive.SampleGenerator.Rendering;

internal static class Shapes
{
    /// <summary>Five-pointed star, point up (seals, emblems).</summary>
    public static SKPath Star(SKPoint center, float outerRadius, float innerRatio = 0.382f)
    {
        var path = new SKPath();
        for (var i = 0; i < 10; i++)
        {
            var r = i % 2 == 0 ? outerRadius : outerRadius * innerRatio;
            var a = (-90 + i * 36) * MathF.PI / 180f;
            var p = new SKPoint(center.X + r * MathF.Cos(a), center.Y + r * MathF.Sin(a));
            if (i == 0)
            {
                path.MoveTo(p);
            }
            else
            {
                path.LineTo(p);
            }
        }

        path.Close();
        return path;
    }
}
