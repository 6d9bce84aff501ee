using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Ocr.Paddle;

/// <summary>
/// Turns PP-OCR lines into the project's OCR lines: words split at spaces, each with its box and confidence (0–100,
/// the model's probability × 100) in page pixels, and per character boxes (<see cref="OcrWord.Symbols"/>) for the
/// review screen's character check.
/// </summary>
internal static class PaddleLineBuilder
{
    /// <summary>
    /// Characters read with a confidence below this (0–100) are doubtful: the review screen's character check shows
    /// them. PP-OCR's probabilities run higher than Tesseract's confidences; below 0.8 the reading was wrong on about
    /// half of the characters we looked at on real-dev-zh.
    /// </summary>
    public const float DoubtfulCharacterConfidence = 80;

    /// <summary>One OCR line per PP-OCR line with text; <paramref name="firstBlock"/> numbers their blocks (one per line).</summary>
    public static List<OcrLine> Lines(IEnumerable<PaddleLine> lines, int pageWidth, int pageHeight, int firstBlock)
    {
        var result = new List<OcrLine>();
        var block = firstBlock;
        foreach (var line in lines)
        {
            var words = Words(line, pageWidth, pageHeight);
            if (words.Count == 0)
            {
                continue;
            }

            var box = words.Skip(1).Aggregate(words[0].Box, (b, w) => b.Union(w.Box));
            result.Add(new OcrLine(OcrText.JoinWords(words.Select(w => w.Text)), box, words, block++));
        }

        return result;
    }

    /// <summary>The words of a line, split at spaces.</summary>
    public static List<OcrWord> Words(PaddleLine line, int pageWidth, int pageHeight)
    {
        var words = new List<OcrWord>();
        var run = new List<PaddleCharacter>();
        foreach (var c in line.Characters.Append(new PaddleCharacter(" ", 0, 0, 1)))
        {
            if (!string.IsNullOrWhiteSpace(c.Text))
            {
                run.Add(c);
                continue;
            }

            if (run.Count > 0)
            {
                var symbols = run.Select(s => new OcrSymbol(s.Text, Bounds(line, s.From, s.To, pageWidth, pageHeight), s.Probability * 100)).ToList();
                var text = string.Concat(run.Select(s => s.Text));
                var confidence = run.Average(s => s.Probability) * 100;
                words.Add(new OcrWord(text, Bounds(line, run[0].From, run[^1].To, pageWidth, pageHeight), confidence) { Symbols = symbols });
                run.Clear();
            }
        }

        return words;
    }

    private static PixelBox Bounds(PaddleLine line, double from, double to, int pageWidth, int pageHeight) =>
        line.Vertical ? line.Box.BoundsDown(from, to, pageWidth, pageHeight) : line.Box.Bounds(from, to, pageWidth, pageHeight);
}
