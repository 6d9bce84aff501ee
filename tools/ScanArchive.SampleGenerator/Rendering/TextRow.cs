using SkiaSharp;

namespace ScanArchive.SampleGenerator.Rendering;

/// <summary>One visual line of the page as it should be read.</summary>
internal sealed class TextRow
{
    private readonly PageCanvas _page;

    internal TextRow(PageCanvas page, float y, int order)
    {
        _page = page;
        Y = y;
        Order = order;
    }

    internal float Y { get; }

    internal int Order { get; }

    internal List<(float Left, string Text)> Items { get; } = [];

    public TextRow Text(string text, float x, float baseline, TextStyle style, SKTextAlign align = SKTextAlign.Left)
    {
        if (text.Length == 0)
        {
            return this;
        }

        if (text != text.Trim() || text.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Transcribed runs must be single-line and trimmed: '{text}'", nameof(text));
        }

        var left = _page.DrawRun(_page.Canvas, text, x, baseline, style, align);
        Items.Add((left, text));
        return this;
    }
}
