using ScanArchive.Core.Ocr;

namespace ScanArchive.Ocr.Paddle;

/// <summary>
/// Puts back the spaces between Latin words that PP-OCR's recognizer drops ("PleasecompleteinBLOCKLETTERS"): between
/// two Latin characters, a run of ink-free columns in the line image as wide as a fraction of the line height is a
/// word gap. Letters of one word stand closer than that; Chinese text gets no spaces.
/// </summary>
internal static class WordGaps
{
    /// <summary>Blank run, as a share of the recognizer's line height (48 px), that separates two words (letter gaps measure ≤ 0.1).</summary>
    internal const double SpaceGapOfHeight = 0.2;

    /// <summary>A word gap is also this many times the line's median gap between Latin characters (a narrow "1" leaves wide blanks beside it).</summary>
    internal const double SpaceGapOfMedian = 2.0;

    /// <summary>A column is paper when its darkest pixel is within this share of the line's contrast of the paper.</summary>
    private const float PaperShare = 0.35f;

    /// <summary>
    /// The characters with spaces inserted at word gaps. <paramref name="plane"/> is the line's first input plane
    /// (<paramref name="stride"/> × <paramref name="height"/>, normalized), <paramref name="width"/> its used width.
    /// </summary>
    public static List<PaddleCharacter> Restore(List<PaddleCharacter> characters, ReadOnlySpan<float> plane, int stride, int width, int height, double boxPerPx, bool turned)
    {
        if (characters.Count < 2 || !characters.Any(c => IsLatin(c.Text)))
        {
            return characters;
        }

        // Darkest value per column; paper is the lightest of these, ink the darkest.
        var darkest = new float[width];
        for (var x = 0; x < width; x++)
        {
            var min = float.MaxValue;
            for (var y = 0; y < height; y++)
            {
                min = Math.Min(min, plane[(y * stride) + x]);
            }

            darkest[x] = min;
        }

        var ink = darkest.Min();
        var paper = darkest.Max();
        var cut = paper - ((paper - ink) * PaperShare);
        var length = width * boxPerPx;
        var minRun = SpaceGapOfHeight * height;
        var gaps = new int[characters.Count];
        for (var i = 1; i < characters.Count; i++)
        {
            var a = characters[i - 1];
            var b = characters[i];
            gaps[i] = -1;
            if (IsLatin(a.Text) && IsLatin(b.Text))
            {
                var from = (a.From + a.To) / 2;
                var to = (b.From + b.To) / 2;
                var (c0, c1) = turned ? ((length - to) / boxPerPx, (length - from) / boxPerPx) : (from / boxPerPx, to / boxPerPx);
                gaps[i] = LongestPaperRun(darkest, (int)Math.Floor(c0), (int)Math.Ceiling(c1), cut);
            }
        }

        var measured = gaps.Where(g => g >= 0).Order().ToList();
        var median = measured.Count == 0 ? 0 : measured[measured.Count / 2];
        var result = new List<PaddleCharacter>(characters.Count + 8) { characters[0] };
        for (var i = 1; i < characters.Count; i++)
        {
            if (gaps[i] >= minRun && gaps[i] >= median * SpaceGapOfMedian)
            {
                result.Add(new PaddleCharacter(" ", characters[i - 1].To, characters[i].From, Math.Min(characters[i - 1].Probability, characters[i].Probability)));
            }

            result.Add(characters[i]);
        }

        return result;
    }

    /// <summary>Not Chinese, not a space: a letter, digit or sign of Latin text.</summary>
    internal static bool IsLatin(string text) => text.Length > 0 && !char.IsWhiteSpace(text[0]) && !OcrText.IsCjk(text[0]) && text[0] < 0x2000;

    private static int LongestPaperRun(float[] darkest, int from, int to, float cut)
    {
        from = Math.Clamp(from, 0, darkest.Length);
        to = Math.Clamp(to, 0, darkest.Length);
        int best = 0, run = 0;
        for (var x = from; x < to; x++)
        {
            run = darkest[x] > cut ? run + 1 : 0;
            best = Math.Max(best, run);
        }

        return best;
    }
}
