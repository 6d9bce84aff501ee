using SkiaSharp;

namespace ScanArchive.SampleGenerator.Rendering;

/// <param name="Shaded">Label cells on printed forms are often tinted grey.</param>
internal sealed record TableCell(string Text, TextStyle Style, int ColumnSpan = 1, SKTextAlign Align = SKTextAlign.Left, bool Shaded = false);

/// <summary>A ruled form table; each table row becomes one transcript row.</summary>
internal sealed class RuledTable
{
    private static readonly SKColor ShadeColor = new(232, 232, 232);
    private readonly PageCanvas _page;
    private readonly float[] _columnLefts;
    private readonly float _right;
    private readonly float _lineWidth;
    private readonly float _top;

    public RuledTable(PageCanvas page, float left, float top, IReadOnlyList<float> columnWidths, float lineWidth = 3f)
    {
        _page = page;
        _top = top;
        _lineWidth = lineWidth;
        _columnLefts = new float[columnWidths.Count];
        var x = left;
        for (var i = 0; i < columnWidths.Count; i++)
        {
            _columnLefts[i] = x;
            x += columnWidths[i];
        }

        _right = x;
        Bottom = top;
    }

    public float Bottom { get; private set; }

    public float Left => _columnLefts[0];

    public float Right => _right;

    public static float CellPadding => PageCanvas.Mm(2.2);

    public TableCell Label(string text, TextStyle style, int span = 1) => new(text, style, span, SKTextAlign.Left, Shaded: true);

    /// <summary>Adds a row and returns its transcript row and cell boxes, so callers can add tick boxes etc.</summary>
    public (TextRow Row, SKRect[] Cells) AddRow(float height, params TableCell[] cells)
    {
        var boxes = new List<SKRect>();
        var top = Bottom;
        var bottom = top + height;
        var row = _page.Row(top + height / 2);
        var column = 0;
        foreach (var cell in cells)
        {
            var left = _columnLefts[column];
            column += cell.ColumnSpan;
            var right = column < _columnLefts.Length ? _columnLefts[column] : _right;
            var box = new SKRect(left, top, right, bottom);
            boxes.Add(box);
            if (cell.Text.Length > 0 && PageCanvas.Measure(cell.Text, cell.Style) > box.Width - 2 * CellPadding)
            {
                throw new InvalidOperationException($"'{cell.Text}' does not fit its table cell; widen the column or shrink the font.");
            }

            if (cell.Shaded)
            {
                _page.Fill(box, ShadeColor);
            }

            var baseline = PageCanvas.CenteredBaseline(box.MidY, cell.Style);
            var x = cell.Align switch
            {
                SKTextAlign.Center => box.MidX,
                SKTextAlign.Right => box.Right - CellPadding,
                _ => box.Left + CellPadding,
            };
            row.Text(cell.Text, x, baseline, cell.Style, cell.Align);
            _page.Line(left, top, left, bottom, _lineWidth);
        }

        if (column != _columnLefts.Length)
        {
            throw new ArgumentException($"Row spans {column} columns but the table has {_columnLefts.Length}.", nameof(cells));
        }

        _page.Line(_right, top, _right, bottom, _lineWidth);
        _page.Line(_columnLefts[0], top, _right, top, _lineWidth);
        _page.Line(_columnLefts[0], bottom, _right, bottom, _lineWidth);
        Bottom = bottom;
        return (row, [.. boxes]);
    }

    /// <summary>
    /// A row whose value cell holds wrapped text (addresses, notes). The label sits on the first
    /// line's baseline so that it is transcribed together with that line.
    /// </summary>
    public void AddParagraphRow(TableCell label, string text, TextStyle style, float minHeight = 0, float lineSpacing = 1.45f)
    {
        var top = Bottom;
        var labelRight = _columnLefts[label.ColumnSpan];
        var valueLeft = labelRight + CellPadding;
        var lines = TextWrapper.Wrap(text, _right - CellPadding - valueLeft, t => PageCanvas.Measure(t, style));
        var lineHeight = style.SizePx * lineSpacing;
        var verticalPadding = PageCanvas.Mm(3);
        var bottom = top + Math.Max(minHeight, lines.Count * lineHeight + 2 * verticalPadding);
        var labelBox = new SKRect(_columnLefts[0], top, labelRight, bottom);
        if (label.Shaded)
        {
            _page.Fill(labelBox, ShadeColor);
        }

        // A single line is centred like every other row; wrapped text starts at the top of the cell.
        var firstBaseline = lines.Count == 1
            ? PageCanvas.CenteredBaseline(labelBox.MidY, style)
            : top + verticalPadding + lineHeight * 0.72f;
        var labelBaseline = lines.Count == 1 ? PageCanvas.CenteredBaseline(labelBox.MidY, label.Style) : firstBaseline;
        var firstRow = _page.Row(firstBaseline);
        firstRow.Text(label.Text, labelBox.Left + CellPadding, labelBaseline, label.Style);
        for (var i = 0; i < lines.Count; i++)
        {
            var baseline = firstBaseline + i * lineHeight;
            (i == 0 ? firstRow : _page.Row(baseline)).Text(lines[i], valueLeft, baseline, style);
        }

        _page.Line(_columnLefts[0], top, _columnLefts[0], bottom, _lineWidth);
        _page.Line(labelRight, top, labelRight, bottom, _lineWidth);
        _page.Line(_right, top, _right, bottom, _lineWidth);
        _page.Line(_columnLefts[0], top, _right, top, _lineWidth);
        _page.Line(_columnLefts[0], bottom, _right, bottom, _lineWidth);
        Bottom = bottom;
    }

    /// <summary>Thicker outer frame, as printed forms have.</summary>
    public void DrawFrame(float widthPx = 6f) =>
        _page.Rect(new SKRect(_columnLefts[0], _top, _right, Bottom), widthPx);
}
