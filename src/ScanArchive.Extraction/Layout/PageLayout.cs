using System.Text;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Extraction.Normalization;

namespace ScanArchive.Extraction.Layout;

/// <summary>A recognized word prepared for extraction: half-width text, confidence 0–1, its row and place in it.</summary>
internal sealed class LayoutToken(string text, PixelBox box, double confidence, PixelBox pageBox)
{
    public LayoutToken(string text, PixelBox box, double confidence)
        : this(text, box, confidence, box)
    {
    }

    public string Text { get; } = text;

    /// <summary>Where the word is in the upright frame the layout works in.</summary>
    public PixelBox Box { get; } = box;

    /// <summary>Where the word is in the page image's pixels (differs from <see cref="Box"/> on a page read sideways).</summary>
    public PixelBox PageBox { get; } = pageBox;

    public double Confidence { get; } = confidence;

    /// <summary>The text as labels are compared (<see cref="HalfWidth.LabelKey"/>).</summary>
    public string Key { get; } = HalfWidth.LabelKey(text);

    public int Row { get; set; }

    public int Index { get; set; }

    /// <summary>True when the word ends a label: it ends with a colon.</summary>
    public bool EndsWithColon => Text.EndsWith(':');

    /// <summary>True for a word that is only a colon.</summary>
    public bool IsColon => Text == ":";
}

/// <summary>A run of words on one row with no wide gap between them: a form cell, a label, a value, or a line of prose.</summary>
internal sealed class LayoutCell(LayoutRow row, int start, int end)
{
    public LayoutRow Row { get; } = row;

    /// <summary>Index of the first token in the row.</summary>
    public int Start { get; } = start;

    /// <summary>Index after the last token in the row.</summary>
    public int End { get; } = end;

    public IReadOnlyList<LayoutToken> Tokens => Row.Tokens.Skip(Start).Take(End - Start).ToList();

    public PixelBox Box => LayoutText.Union(Tokens);

    public string Text => LayoutText.Join(Tokens).Text;
}

/// <summary>One visual row of a page: its words left to right, split into cells at wide gaps and table rules.</summary>
internal sealed class LayoutRow
{
    /// <summary>Gap between two words, in row heights, that separates two cells (a label and its value).</summary>
    public const double CellGap = 1.5;

    public LayoutRow(int index, List<LayoutToken> tokens, List<int> separatorsAfter)
    {
        Index = index;
        Tokens = tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            tokens[i].Row = index;
            tokens[i].Index = i;
        }

        Height = tokens.Count == 0 ? 0 : Median(tokens.Select(t => (double)t.Box.Height));
        Box = LayoutText.Union(tokens);
        var cells = new List<LayoutCell>();
        var start = 0;
        for (var i = 1; i <= tokens.Count; i++)
        {
            if (i == tokens.Count || separatorsAfter.Contains(i - 1) || tokens[i].Box.X - tokens[i - 1].Box.Right > CellGap * Height)
            {
                if (i > start)
                {
                    cells.Add(new LayoutCell(this, start, i));
                }

                start = i;
            }
        }

        Cells = cells;
    }

    public int Index { get; }

    public List<LayoutToken> Tokens { get; }

    public IReadOnlyList<LayoutCell> Cells { get; }

    public PixelBox Box { get; }

    /// <summary>Median word height: the row's text size.</summary>
    public double Height { get; }

    /// <summary>The cell holding a token.</summary>
    public LayoutCell CellOf(int tokenIndex) => Cells.First(c => tokenIndex >= c.Start && tokenIndex < c.End);

    public string Text => LayoutText.Join(Tokens).Text;

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <summary>A page's words arranged in rows and cells, in reading order.</summary>
internal sealed class PageLayout
{
    private PageLayout(int number, OcrPage page, List<LayoutRow> rows, PageTurn turn)
    {
        Number = number;
        Page = page;
        Rows = rows;
        Turn = turn;
        TextHeight = LayoutRow.Median(rows.SelectMany(r => r.Tokens).Select(t => (double)t.Box.Height));
    }

    /// <summary>How the page's text runs: the layout works in a frame where it reads left to right.</summary>
    public PageTurn Turn { get; }

    /// <summary>Width of the upright frame.</summary>
    public int Width => Turn == PageTurn.None ? Page.Width : Page.Height;

    /// <summary>Height of the upright frame.</summary>
    public int Height => Turn == PageTurn.None ? Page.Height : Page.Width;

    /// <summary>A page-image box in the upright frame.</summary>
    public PixelBox ToUpright(PixelBox box) => Upright(box, Turn, Page.Width, Page.Height);

    /// <summary>An upright-frame box in page-image pixels.</summary>
    public PixelBox ToPage(PixelBox box) => Turn switch
    {
        PageTurn.Clockwise => new PixelBox(Page.Width - (box.Y + box.Height), box.X, box.Height, box.Width),
        PageTurn.CounterClockwise => new PixelBox(box.Y, Page.Height - (box.X + box.Width), box.Height, box.Width),
        _ => box,
    };

    private static PixelBox Upright(PixelBox box, PageTurn turn, int width, int height) => turn switch
    {
        PageTurn.Clockwise => new PixelBox(box.Y, width - (box.X + box.Width), box.Height, box.Width),
        PageTurn.CounterClockwise => new PixelBox(height - (box.Y + box.Height), box.X, box.Height, box.Width),
        _ => box,
    };

    /// <summary>
    /// A page fed sideways that the engine still read: its words run down (or up) the image. Detected from the
    /// words' shapes (tall and narrow) and their order along each line.
    /// </summary>
    private static PageTurn DetectTurn(OcrPage page)
    {
        var shaped = page.Lines.SelectMany(l => l.Words).Where(w => w.Text.Count(char.IsLetterOrDigit) >= 3 && !w.Text.Any(OcrText.IsCjk)).ToList();
        var vertical = shaped.Count(w => w.Box.Height > 1.5 * w.Box.Width);
        if (shaped.Count < 10 || vertical < 0.6 * shaped.Count)
        {
            return PageTurn.None;
        }

        var down = 0;
        var up = 0;
        foreach (var line in page.Lines.Where(l => l.Words.Count >= 2))
        {
            if (line.Words[^1].Box.Y > line.Words[0].Box.Y)
            {
                down++;
            }
            else
            {
                up++;
            }
        }

        return down >= up ? PageTurn.Clockwise : PageTurn.CounterClockwise;
    }

    /// <summary>1-based page number.</summary>
    public int Number { get; }

    public OcrPage Page { get; }

    public IReadOnlyList<LayoutRow> Rows { get; }

    /// <summary>Median word height on the page.</summary>
    public double TextHeight { get; }

    public LayoutToken Token(int row, int index) => Rows[row].Tokens[index];

    public static PageLayout Build(OcrPage page, int number)
    {
        var turn = DetectTurn(page);
        var lines = turn == PageTurn.None
            ? page.Lines
            : page.Lines.Select(l => l with { Words = l.Words.Select(w => w with { Box = Upright(w.Box, turn, page.Width, page.Height) }).ToList() }).ToList();
        PixelBox ToPageFrame(PixelBox box) => turn switch
        {
            PageTurn.Clockwise => new PixelBox(page.Width - (box.Y + box.Height), box.X, box.Height, box.Width),
            PageTurn.CounterClockwise => new PixelBox(box.Y, page.Height - (box.X + box.Width), box.Height, box.Width),
            _ => box,
        };

        var rows = new List<LayoutRow>();
        foreach (var band in Bands(lines))
        {
            var words = band.SelectMany(l => l.Words)
                .Where(w => !string.IsNullOrWhiteSpace(w.Text) && w.Box.Width > 0 && w.Box.Height > 0)
                .OrderBy(w => w.Box.X)
                .ToList();
            var tokens = new List<LayoutToken>();
            var separatorsAfter = new List<int>();
            foreach (var word in words)
            {
                var text = HalfWidth.Convert(word.Text).Trim();
                if (IsTableRule(text))
                {
                    // A ruled table's vertical line read as '|': it separates cells but is no text.
                    if (tokens.Count > 0)
                    {
                        separatorsAfter.Add(tokens.Count - 1);
                    }

                    continue;
                }

                foreach (var piece in SplitAfterColons(text, word.Box))
                {
                    tokens.Add(new LayoutToken(piece.Text, piece.Box, Math.Clamp(word.Confidence / 100.0, 0, 1), ToPageFrame(piece.Box)));
                    if (piece.Text.EndsWith(':'))
                    {
                        // A colon ends a label: what follows is its value, however close.
                        separatorsAfter.Add(tokens.Count - 1);
                    }
                }
            }

            if (tokens.Count > 0)
            {
                rows.Add(new LayoutRow(rows.Count, tokens, separatorsAfter));
            }
        }

        return new PageLayout(number, page, rows, turn);
    }

    /// <summary>
    /// Groups lines into visual rows by their words' vertical centres. The engine's own order (and the reading
    /// order built from it) can put a column of labels before the column of their values; a label and its value
    /// still share a row here.
    /// </summary>
    private static List<List<OcrLine>> Bands(IReadOnlyList<OcrLine> lines)
    {
        var measured = lines
            .Where(l => l.Words.Any(w => !string.IsNullOrWhiteSpace(w.Text)))
            .Select(l =>
            {
                var words = l.Words.Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
                return (Line: l, Center: LayoutRow.Median(words.Select(w => w.Box.CenterY)), Height: LayoutRow.Median(words.Select(w => (double)w.Box.Height)));
            })
            .OrderBy(l => l.Center)
            .ToList();
        var bands = new List<(List<OcrLine> Lines, double Center, double Height)>();
        foreach (var (line, center, height) in measured)
        {
            if (bands.Count > 0)
            {
                var last = bands[^1];
                if (Math.Abs(center - last.Center) <= 0.5 * Math.Min(height, last.Height))
                {
                    last.Lines.Add(line);
                    var n = last.Lines.Count;
                    bands[^1] = (last.Lines, last.Center + ((center - last.Center) / n), Math.Max(last.Height, height));
                    continue;
                }
            }

            bands.Add(([line], center, height));
        }

        return bands.Select(b => b.Lines).ToList();
    }

    private static bool IsTableRule(string text) => text.Length > 0 && text.All(c => c is '|' or '¦' or '│' or '[' or ']' or '_');

    /// <summary>Splits "单号:SQ2026…" after the colon; a colon between digits (a time, 5:06) stays.</summary>
    private static IEnumerable<(string Text, PixelBox Box)> SplitAfterColons(string text, PixelBox box)
    {
        var start = 0;
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] == ':' && !(char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1])))
            {
                yield return (text[start..(i + 1)], LayoutText.SubBox(text, box, start, i + 1));
                start = i + 1;
            }
        }

        yield return (text[start..], start == 0 ? box : LayoutText.SubBox(text, box, start, text.Length));
    }
}

/// <summary>Which way a page's text runs in its image.</summary>
internal enum PageTurn
{
    /// <summary>Left to right, as printed.</summary>
    None,

    /// <summary>Down the image: the page was turned a quarter clockwise.</summary>
    Clockwise,

    /// <summary>Up the image: the page was turned a quarter counter-clockwise.</summary>
    CounterClockwise,
}

/// <summary>Joins tokens into text (with a map back to the tokens) and measures them.</summary>
internal static class LayoutText
{
    /// <summary>
    /// Joins tokens: no space between Chinese characters, nor between a Chinese character and a digit or letter set
    /// close to it (路177号); one space elsewhere.
    /// </summary>
    public static (string Text, int[] TokenOfChar) Join(IReadOnlyList<LayoutToken> tokens)
    {
        var sb = new StringBuilder();
        var map = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i > 0 && NeedsSpace(tokens[i - 1], token))
            {
                sb.Append(' ');
                map.Add(i);
            }

            sb.Append(token.Text);
            for (var k = 0; k < token.Text.Length; k++)
            {
                map.Add(i);
            }
        }

        return (sb.ToString(), map.ToArray());
    }

    public static PixelBox Union(IEnumerable<LayoutToken> tokens) =>
        tokens.Aggregate(default(PixelBox), (acc, t) => acc.Union(t.Box));

    /// <summary>The tokens' union in page-image pixels (what fields and pairs report).</summary>
    public static PixelBox PageUnion(IEnumerable<LayoutToken> tokens) =>
        tokens.Aggregate(default(PixelBox), (acc, t) => acc.Union(t.PageBox));

    /// <summary>Length-weighted mean confidence of tokens (0–1).</summary>
    public static double Confidence(IEnumerable<LayoutToken> tokens)
    {
        double sum = 0;
        double weight = 0;
        foreach (var t in tokens)
        {
            sum += t.Confidence * t.Text.Length;
            weight += t.Text.Length;
        }

        return weight == 0 ? 0 : sum / weight;
    }

    /// <summary>The part of a word's box that holds characters [start, end), estimated from character widths.</summary>
    public static PixelBox SubBox(string text, PixelBox box, int start, int end)
    {
        double Width(char c) => OcrText.IsCjk(c) ? 1.0 : 0.55;
        var total = text.Sum(Width);
        if (total <= 0)
        {
            return box;
        }

        var before = text[..start].Sum(Width);
        var inside = text[start..end].Sum(Width);
        var x = box.X + (int)Math.Round(box.Width * before / total);
        var w = Math.Max(1, (int)Math.Round(box.Width * inside / total));
        return new PixelBox(x, box.Y, Math.Min(w, box.Right - x), box.Height);
    }

    private static bool NeedsSpace(LayoutToken left, LayoutToken right)
    {
        var a = left.Text[^1];
        var b = right.Text[0];
        var aCjk = OcrText.IsCjk(a);
        var bCjk = OcrText.IsCjk(b);
        if (aCjk && bCjk)
        {
            return false;
        }

        if (aCjk || bCjk)
        {
            var gap = right.Box.X - left.Box.Right;
            var height = Math.Max(left.Box.Height, right.Box.Height);
            return gap > 0.8 * height;
        }

        return true;
    }
}
