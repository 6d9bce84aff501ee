using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Extraction.Tests;

/// <summary>
/// Builds OCR results by hand: rows of cells placed at given x positions, words sized like 300-dpi print
/// (Chinese characters 40 px wide, Latin characters 22 px, 40 px tall). Each row is one engine line unless
/// <see cref="Line"/> is used to place single lines freely.
/// </summary>
internal sealed class SyntheticPage
{
    public const int CharHeight = 40;
    private readonly List<OcrLine> _lines = [];

    public SyntheticPage(int width = 2480, int height = 3508)
    {
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    public float Confidence { get; set; } = 92;

    /// <summary>A row of cells: each cell's text (words split on spaces) starts at its x.</summary>
    public SyntheticPage Row(int y, params (int X, string Text)[] cells)
    {
        var words = cells.SelectMany(c => Words(c.X, y, c.Text)).ToList();
        _lines.Add(new OcrLine(string.Join(' ', words.Select(w => w.Text)), Union(words), words, _lines.Count));
        return this;
    }

    /// <summary>A single line (its own engine block), for layouts where labels and values come from different blocks.</summary>
    public SyntheticPage Line(int x, int y, string text) => Row(y, (x, text));

    /// <summary>Adds a ready-made line (e.g. with rotated boxes).</summary>
    public SyntheticPage Add(OcrLine line)
    {
        _lines.Add(line with { Block = _lines.Count });
        return this;
    }

    public OcrPage Build() => new(Width, Height, 300, Confidence, "chi_sim+eng", _lines.ToList());

    public static int TextWidth(string word) => word.Sum(c => OcrText.IsCjk(c) ? 40 : 22);

    private List<OcrWord> Words(int x, int y, string text)
    {
        var words = new List<OcrWord>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var width = TextWidth(word);
            words.Add(new OcrWord(word, new PixelBox(x, y, width, CharHeight), Confidence));
            x += width + 15;
        }

        return words;
    }

    private static PixelBox Union(IEnumerable<OcrWord> words) => words.Aggregate(default(PixelBox), (acc, w) => acc.Union(w.Box));
}
