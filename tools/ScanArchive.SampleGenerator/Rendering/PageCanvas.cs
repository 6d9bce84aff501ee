using SkiaSharp;

namespace ScanArchive.SampleGenerator.Rendering;

/// <summary>
/// A clean 300-dpi page. All transcribed text goes through <see cref="TextRow"/>, so the ground-truth
/// transcript is produced from exactly the strings that were drawn and cannot drift from the image.
/// </summary>
internal sealed class PageCanvas : IDisposable
{
    public const float Dpi = 300f;
    public const float A4WidthMm = 210f;
    public const float A4HeightMm = 297f;

    private readonly List<TextRow> _rows = [];

    public PageCanvas(Random random, float widthMm = A4WidthMm, float heightMm = A4HeightMm)
    {
        Random = random;
        Bitmap = new SKBitmap(new SKImageInfo((int)MathF.Round(Mm(widthMm)), (int)MathF.Round(Mm(heightMm)), SKColorType.Rgba8888, SKAlphaType.Premul));
        Canvas = new SKCanvas(Bitmap);
        Canvas.Clear(SKColors.White);
    }

    public SKBitmap Bitmap { get; }

    public SKCanvas Canvas { get; }

    /// <summary>Content randomness (handwriting wobble), shared with the page's data generation.</summary>
    public Random Random { get; }

    public float Width => Bitmap.Width;

    public float Height => Bitmap.Height;

    public static float Mm(double mm) => (float)(mm * Dpi / 25.4);

    public static float Pt(double points) => (float)(points * Dpi / 72.0);

    /// <summary>Starts a visual row; rows are transcribed top to bottom by <paramref name="y"/>, items left to right.</summary>
    public TextRow Row(float y)
    {
        var row = new TextRow(this, y, _rows.Count);
        _rows.Add(row);
        return row;
    }

    /// <summary>One line per visual row, top to bottom; within a row, items left to right separated by one space.</summary>
    public string Transcript() => string.Join(
        "\n",
        _rows.Where(r => r.Items.Count > 0)
            .OrderBy(r => r.Y)
            .ThenBy(r => r.Order)
            .Select(r => string.Join(" ", r.Items.OrderBy(i => i.Left).Select(i => i.Text))));

    public static float Measure(string text, TextStyle style)
    {
        using var font = style.CreateFont();
        return font.MeasureText(text) + Math.Max(0, text.Length - 1) * Pt(style.LetterSpacingPt);
    }

    /// <summary>Baseline that vertically centres a single line of <paramref name="style"/> on <paramref name="centerY"/>.</summary>
    public static float CenteredBaseline(float centerY, TextStyle style)
    {
        using var font = style.CreateFont();
        var metrics = font.Metrics;
        return centerY - (metrics.Ascent + metrics.Descent) / 2f;
    }

    /// <summary>
    /// Draws one run of text on <paramref name="canvas"/> and returns its left edge. Only
    /// <see cref="TextRow"/> (transcribed text) and deliberately untranscribed text such as seal
    /// inscriptions call this directly; glyph coverage is checked either way.
    /// </summary>
    internal float DrawRun(SKCanvas canvas, string text, float x, float baseline, TextStyle style, SKTextAlign align)
    {
        using var font = style.CreateFont();
        if (!font.ContainsGlyphs(text.Replace(" ", "", StringComparison.Ordinal)))
        {
            // A missing glyph would print as a box while the transcript claims a character.
            throw new InvalidOperationException($"Font '{style.Typeface.FamilyName}' cannot draw every character of '{text}'.");
        }

        using var paint = new SKPaint { Color = style.Color, IsAntialias = true };
        var width = Measure(text, style);
        var left = align switch
        {
            SKTextAlign.Center => x - width / 2,
            SKTextAlign.Right => x - width,
            _ => x,
        };

        canvas.Save();
        if (style.Handwritten)
        {
            // Pen-filled values never sit exactly on the printed baseline or perfectly level.
            var wobble = (float)(Random.NextDouble() - 0.5) * Pt(1.2);
            var slant = (float)(Random.NextDouble() - 0.5) * 2.4f;
            canvas.RotateDegrees(slant, left, baseline);
            baseline += wobble;
        }

        if (style.LetterSpacingPt == 0)
        {
            canvas.DrawText(text, left, baseline, SKTextAlign.Left, font, paint);
        }
        else
        {
            var pen = left;
            foreach (var ch in text)
            {
                var glyph = ch.ToString();
                canvas.DrawText(glyph, pen, baseline, SKTextAlign.Left, font, paint);
                pen += font.MeasureText(glyph) + Pt(style.LetterSpacingPt);
            }
        }

        canvas.Restore();
        return left;
    }

    public void Line(float x1, float y1, float x2, float y2, float widthPx = 3f, SKColor? color = null)
    {
        using var paint = new SKPaint { Color = color ?? TextStyle.Ink, StrokeWidth = widthPx, IsAntialias = true, Style = SKPaintStyle.Stroke };
        Canvas.DrawLine(x1, y1, x2, y2, paint);
    }

    public void Rect(SKRect rect, float widthPx = 3f, SKColor? color = null)
    {
        using var paint = new SKPaint { Color = color ?? TextStyle.Ink, StrokeWidth = widthPx, IsAntialias = true, Style = SKPaintStyle.Stroke };
        Canvas.DrawRect(rect, paint);
    }

    public void Fill(SKRect rect, SKColor color)
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
        Canvas.DrawRect(rect, paint);
    }

    /// <summary>A printed tick box; its state is visual only and not part of the transcript.</summary>
    public void Checkbox(float x, float centerY, bool isChecked, float sizePx = 38f)
    {
        var box = new SKRect(x, centerY - sizePx / 2, x + sizePx, centerY + sizePx / 2);
        Rect(box, 3f);
        if (!isChecked)
        {
            return;
        }

        using var paint = new SKPaint { Color = TextStyle.BluePen, StrokeWidth = 6f, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round };
        using var tick = new SKPath();
        tick.MoveTo(box.Left + sizePx * 0.15f, box.MidY);
        tick.LineTo(box.Left + sizePx * 0.42f, box.Bottom - sizePx * 0.12f);
        tick.LineTo(box.Right + sizePx * 0.2f, box.Top - sizePx * 0.25f);
        Canvas.DrawPath(tick, paint);
    }

    /// <summary>Draws wrapped paragraph text, one transcript row per printed line; returns the y below the last line.</summary>
    public float Paragraph(string text, float x, float firstBaseline, float maxWidth, TextStyle style, float lineSpacing = 1.6f)
    {
        var baseline = firstBaseline;
        foreach (var line in TextWrapper.Wrap(text, maxWidth, s => Measure(s, style)))
        {
            Row(baseline).Text(line, x, baseline, style);
            baseline += style.SizePx * lineSpacing;
        }

        return baseline;
    }

    public void Dispose()
    {
        Canvas.Dispose();
        Bitmap.Dispose();
    }
}
