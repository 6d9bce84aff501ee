using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Ocr.Paddle;

/// <summary>
/// Merges a page read by both engines, line by line: where PP-OCR found Chinese, its reading replaces Tesseract's words
/// under that line, except the Latin runs of a mixed line, which keep Tesseract's words (with their spaces); Latin-only
/// lines keep Tesseract's reading; lines only PP-OCR found are added. Tesseract's layout blocks are kept, and a PP-OCR
/// line that runs across two of them (two columns side by side) is cut between them, so that the reading order
/// (<see cref="ReadingOrder"/>) still sees the columns.
/// </summary>
internal static class LineMerger
{
    /// <summary>A PP-OCR line only PP-OCR found is added when its mean probability is at least this (specks and rules read as text score lower).</summary>
    internal const float MinNewLineProbability = 0.8f;

    /// <summary>Share of a Tesseract Chinese word's box under a PP-OCR Chinese line for the line to replace it.</summary>
    internal const double MinClaimedOverlap = 0.3;

    /// <summary>A gap inside a PP-OCR line wider than this many line heights separates two columns.</summary>
    internal const double ColumnGapHeights = 2.5;

    /// <summary>Mean Tesseract confidence a Latin run of a mixed line needs for Tesseract's words to be kept there.</summary>
    internal const float MinLatinConfidence = 60;

    public static List<OcrLine> Merge(OcrPage tesseract, IReadOnlyList<PaddleLine> paddle, int pageWidth, int pageHeight)
    {
        var words = tesseract.Lines.SelectMany(l => l.Words.Select(w => (Word: w, l.Block))).ToList();
        var claimed = new bool[words.Count];
        var added = new List<OcrLine>();
        var nextBlock = tesseract.Lines.Count == 0 ? 0 : tesseract.Lines.Max(l => l.Block) + 1;
        foreach (var line in paddle)
        {
            var symbols = PaddleLineBuilder.Words(line, pageWidth, pageHeight).SelectMany(w => w.Symbols ?? []).ToList();
            if (symbols.Count == 0)
            {
                continue;
            }

            var region = symbols.Skip(1).Aggregate(symbols[0].Box, (b, s) => b.Union(s.Box));
            var inside = Enumerable.Range(0, words.Count).Where(i => Inside(words[i].Word.Box, region)).ToList();

            // Tesseract's Chinese "words" can be long groups of characters whose centre falls between PP-OCR's lines.
            var overlapping = Enumerable.Range(0, words.Count)
                .Where(i => words[i].Word.Text.Any(OcrText.IsCjk) && OverlapShare(words[i].Word.Box, region) >= MinClaimedOverlap).ToList();
            var hasChinese = symbols.Any(s => OcrText.IsCjk(s.Text[0]));
            if (!hasChinese)
            {
                if (inside.Count == 0 && symbols.Average(s => s.Confidence) >= MinNewLineProbability * 100 && symbols.Count >= 2)
                {
                    added.Add(Build(PaddleLineBuilder.Words(line, pageWidth, pageHeight), nextBlock++));
                }

                continue;
            }

            foreach (var i in inside.Concat(overlapping))
            {
                claimed[i] = true;
            }

            // Cut the line at wide gaps (two columns PP-OCR joined), each piece in the block most of its Tesseract words came from.
            foreach (var piece in SplitAtGaps(symbols, line.Vertical ? line.Box.Width : line.Box.Height))
            {
                var pieceBox = piece.Skip(1).Aggregate(piece[0].Box, (b, s) => b.Union(s.Box));
                var under = inside.Where(i => Inside(words[i].Word.Box, pieceBox)).ToList();
                var block = under.Count > 0 ? under.GroupBy(i => words[i].Block).MaxBy(g => g.Count())!.Key : nextBlock++;
                var pieceWords = WordsOf(piece, under.Select(i => words[i].Word).ToList());
                if (pieceWords.Count > 0)
                {
                    added.Add(Build(pieceWords, block));
                }
            }
        }

        var kept = new List<OcrLine>();
        var index = 0;
        foreach (var line in tesseract.Lines)
        {
            var remaining = new List<OcrWord>();
            foreach (var word in line.Words)
            {
                if (!claimed[index++])
                {
                    remaining.Add(word);
                }
            }

            if (remaining.Count == line.Words.Count)
            {
                kept.Add(line);
            }
            else if (remaining.Count > 0)
            {
                kept.Add(Build(remaining, line.Block));
            }
        }

        // Blocks in Tesseract's order, new ones after; lines of a block top to bottom.
        var blockOrder = new Dictionary<int, int>();
        foreach (var line in tesseract.Lines)
        {
            blockOrder.TryAdd(line.Block, blockOrder.Count);
        }

        return [.. kept.Concat(added)
            .OrderBy(l => blockOrder.TryGetValue(l.Block, out var o) ? o : int.MaxValue)
            .ThenBy(l => blockOrder.ContainsKey(l.Block) ? 0 : l.Box.Y)
            .ThenBy(l => l.Box.CenterY)
            .ThenBy(l => l.Box.X)];
    }

    /// <summary>The line's words: Chinese runs from PP-OCR (one word per run, with its characters), Latin runs from Tesseract where it read them confidently.</summary>
    private static List<OcrWord> WordsOf(List<OcrSymbol> symbols, List<OcrWord> tesseractWords)
    {
        var result = new List<OcrWord>();
        var start = 0;
        while (start < symbols.Count)
        {
            var chinese = OcrText.IsCjk(symbols[start].Text[0]);
            var end = start;
            while (end + 1 < symbols.Count && OcrText.IsCjk(symbols[end + 1].Text[0]) == chinese)
            {
                end++;
            }

            var run = symbols.GetRange(start, end - start + 1);
            start = end + 1;
            if (chinese)
            {
                result.Add(Word(run));
                continue;
            }

            var from = run[0].Box.X;
            var to = run[^1].Box.Right;
            var latin = tesseractWords
                .Where(w => w.Box.X + (w.Box.Width / 2.0) >= from && w.Box.X + (w.Box.Width / 2.0) <= to && !w.Text.Any(OcrText.IsCjk))
                .OrderBy(w => w.Box.X)
                .ToList();
            // Tesseract's words (with their spaces) only where both engines read the same characters.
            var same = string.Concat(latin.Select(w => w.Text)).Equals(string.Concat(run.Where(s => !string.IsNullOrWhiteSpace(s.Text)).Select(s => s.Text)), StringComparison.OrdinalIgnoreCase);
            if (latin.Count > 0 && same && latin.Average(w => w.Confidence) >= MinLatinConfidence)
            {
                result.AddRange(latin);
            }
            else
            {
                result.Add(Word(run));
            }
        }

        return result;
    }

    private static OcrWord Word(List<OcrSymbol> run) =>
        new(string.Concat(run.Select(s => s.Text)), run.Skip(1).Aggregate(run[0].Box, (b, s) => b.Union(s.Box)), run.Average(s => s.Confidence)) { Symbols = run };

    /// <summary>Pieces of a line between gaps wider than <see cref="ColumnGapHeights"/> line heights.</summary>
    private static IEnumerable<List<OcrSymbol>> SplitAtGaps(List<OcrSymbol> symbols, double lineHeight)
    {
        var current = new List<OcrSymbol> { symbols[0] };
        for (var i = 1; i < symbols.Count; i++)
        {
            if (symbols[i].Box.X - symbols[i - 1].Box.Right > ColumnGapHeights * lineHeight)
            {
                yield return current;
                current = [];
            }

            current.Add(symbols[i]);
        }

        yield return current;
    }

    private static OcrLine Build(List<OcrWord> words, int block)
    {
        var box = words.Skip(1).Aggregate(words[0].Box, (b, w) => b.Union(w.Box));
        return new OcrLine(OcrText.JoinWords(words.Select(w => w.Text)), box, words, block);
    }

    private static double OverlapShare(PixelBox word, PixelBox region)
    {
        var w = Math.Min(word.Right, region.Right) - Math.Max(word.X, region.X);
        var h = Math.Min(word.Bottom, region.Bottom) - Math.Max(word.Y, region.Y);
        return w <= 0 || h <= 0 ? 0 : (double)w * h / Math.Max(1, word.Width * word.Height);
    }

    /// <summary>Whether a word's centre lies in the region, and it sits mostly within the region's height.</summary>
    private static bool Inside(PixelBox word, PixelBox region)
    {
        var cx = word.X + (word.Width / 2.0);
        var cy = word.Y + (word.Height / 2.0);
        return cx >= region.X && cx <= region.Right && cy >= region.Y && cy <= region.Bottom && word.VerticalOverlap(region) * 2 >= word.Height;
    }
}
