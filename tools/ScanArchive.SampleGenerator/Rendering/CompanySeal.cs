using SkiaSharp;

namespace ScanArchive.SampleGenerator.Rendering;

/// <summary>
/// A round red company seal (公章): ring, five-pointed star, company name along the upper arc and
/// the seal's purpose underneath. The inscriptions are never transcribed: OCR is expected to read
/// through the seal, not the seal itself.
/// </summary>
internal static class CompanySeal
{
    private static readonly SKColor SealRed = new(214, 36, 44);

    public static void Stamp(PageCanvas page, SKPoint center, float radius, string companyName, string purpose, TextStyle inscriptionStyle)
    {
        var random = page.Random;
        var size = (int)MathF.Ceiling(radius * 2 + 20);
        using var layer = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(layer))
        {
            canvas.Clear(SKColors.Transparent);
            var c = new SKPoint(size / 2f, size / 2f);
            using var ink = new SKPaint { Color = SealRed, IsAntialias = true };

            ink.Style = SKPaintStyle.Stroke;
            ink.StrokeWidth = radius * 0.065f;
            canvas.DrawCircle(c, radius - ink.StrokeWidth / 2, ink);

            ink.Style = SKPaintStyle.Fill;
            using var star = Shapes.Star(c, radius * 0.3f);
            canvas.DrawPath(star, ink);

            var arcStyle = inscriptionStyle with { Color = SealRed, SizePt = radius / PageCanvas.Pt(1) * 0.2f };
            DrawArcText(page, canvas, companyName, c, radius * 0.72f, arcStyle);

            var purposeStyle = inscriptionStyle with { Color = SealRed, SizePt = radius / PageCanvas.Pt(1) * 0.14f };
            page.DrawRun(canvas, purpose, c.X, c.Y + radius * 0.62f, purposeStyle, SKTextAlign.Center);

            // Real impressions pick up uneven ink: knock small random holes out of the layer.
            using var eraser = new SKPaint { BlendMode = SKBlendMode.DstOut, IsAntialias = true };
            for (var i = 0; i < 260; i++)
            {
                eraser.Color = new SKColor(0, 0, 0, (byte)random.Next(60, 200));
                canvas.DrawCircle(random.Next(size), random.Next(size), (float)(1.5 + random.NextDouble() * 5), eraser);
            }
        }

        // Multiply keeps the black text under the seal visible, as with a real ink stamp.
        using var blend = new SKPaint { BlendMode = SKBlendMode.Multiply, Color = SKColors.White.WithAlpha(225) };
        page.Canvas.Save();
        page.Canvas.RotateDegrees((float)(random.NextDouble() - 0.5) * 24f, center.X, center.Y);
        page.Canvas.DrawBitmap(layer, center.X - size / 2f, center.Y - size / 2f, blend);
        page.Canvas.Restore();
    }

    private static void DrawArcText(PageCanvas page, SKCanvas canvas, string text, SKPoint center, float radius, TextStyle style)
    {
        // Characters fan out over ~220° of the upper arc, each standing upright towards the rim.
        const float sweep = 220f;
        var step = text.Length > 1 ? sweep / (text.Length - 1) : 0;
        var start = -90f - sweep / 2;
        for (var i = 0; i < text.Length; i++)
        {
            var angle = start + step * i;
            canvas.Save();
            canvas.RotateDegrees(angle + 90f, center.X, center.Y);
            page.DrawRun(canvas, text[i].ToString(), center.X, center.Y - radius + style.SizePx * 0.35f, style, SKTextAlign.Center);
            canvas.Restore();
        }
    }
}
