using System.Text;
using System.Text.RegularExpressions;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Ocr;

/// <summary>
/// Removes what the recognizer makes of specks, card textures and rules, and repairs the brackets the Chinese
/// model confuses, on pages read with <c>chi_sim</c>.
/// </summary>
internal static partial class LineCleaner
{
    /// <summary>A lone mark needs this much empty space (in character heights) on both sides to count as noise.</summary>
    private const double LoneGapInHeights = 0.8;

    /// <summary>
    /// Marks that, standing alone far from any text, are specks or textures: quotes, bars, dots, commas, colons,
    /// @. Dashes and underscores are left alone: forms use them for "none".
    /// </summary>
    private const string NoiseMarks = "“”\"'‘’`|‖¦.·•,，:：;；@^~、";

    /// <summary>Cleans every line; lines left without words are dropped. On a Chinese page, also respaces the text.</summary>
    public static List<OcrLine> Clean(List<OcrLine> lines, bool chinesePage)
    {
        var result = new List<OcrLine>(lines.Count);
        foreach (var line in lines)
        {
            var words = DropLoneMarks(line.Words);
            if (words.Count == 0)
            {
                continue;
            }

            var text = ReferenceEquals(words, line.Words) ? line.Text : OcrText.JoinWords(words.Select(w => w.Text));
            var fixedText = FixBrackets(chinesePage ? ChineseSpacing(text) : text);
            if (ReferenceEquals(words, line.Words) && fixedText == text)
            {
                result.Add(line);
                continue;
            }

            var fixedWords = fixedText == text ? words : FixBrackets(words);
            if (fixedWords.Count == 0)
            {
                continue;
            }

            var box = fixedWords.Aggregate(default(PixelBox), (acc, w) => acc.Union(w.Box));
            result.Add(line with { Text = fixedText, Box = box, Words = fixedWords });
        }

        return result;
    }

    /// <summary>Confidence below which a tall mark at the end of a line counts as a graphic even when it reads as a Chinese character.</summary>
    private const float GraphicConfidence = 60;

    /// <summary>
    /// Drops graphics read as text: a word at either end of a line that is far taller than the line's text (see
    /// <see cref="ReadingOrder.TextBand"/>), unless it is a confidently read Chinese character. A bank's round logo
    /// comes out as "(A)", an ID photo as a low-confidence character. Lines of one word are left alone.
    /// </summary>
    public static List<OcrLine> DropGraphics(List<OcrLine> lines)
    {
        var result = new List<OcrLine>(lines.Count);
        foreach (var line in lines)
        {
            if (line.Words.Count < 2)
            {
                result.Add(line);
                continue;
            }

            var band = ReadingOrder.TextBand(line);
            bool IsGraphic(OcrWord w) =>
                w.Box.Height > band.Height * 1.5 && (w.Confidence < GraphicConfidence || !w.Text.Any(OcrText.IsCjk));
            var words = line.Words.ToList();
            var dropped = false;
            while (words.Count > 1 && IsGraphic(words[0]))
            {
                words.RemoveAt(0);
                dropped = true;
            }

            while (words.Count > 1 && IsGraphic(words[^1]))
            {
                words.RemoveAt(words.Count - 1);
                dropped = true;
            }

            result.Add(dropped
                ? line with { Text = OcrText.JoinWords(words.Select(w => w.Text)), Box = words.Aggregate(default(PixelBox), (acc, w) => acc.Union(w.Box)), Words = words }
                : line);
        }

        return result;
    }

    /// <summary>
    /// Removes single spaces next to Chinese text: Chinese is written without spaces, also around digits, Latin
    /// and its (full-width) punctuation ("2026年4月", "人民币¥37,480.00元", "单号：SQ2026..."), but Tesseract and
    /// the word joiner put one there. Punctuation touching a Chinese character counts as Chinese text. Runs of
    /// spaces (the gap between a label and its value) stay.
    /// </summary>
    internal static string ChineseSpacing(string text)
    {
        while (true)
        {
            var chinese = ChineseContext(text);
            var sb = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var single = text[i] == ' ' && i > 0 && i < text.Length - 1 && text[i - 1] != ' ' && text[i + 1] != ' ';
                if (!(single && (chinese[i - 1] || chinese[i + 1])))
                {
                    sb.Append(text[i]);
                }
            }

            if (sb.Length == text.Length)
            {
                return text;
            }

            text = sb.ToString();
        }
    }

    /// <summary>Chinese characters, and the punctuation chained to one without a space.</summary>
    private static bool[] ChineseContext(string text)
    {
        var chinese = text.Select(OcrText.IsCjk).ToArray();
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < text.Length; i++)
            {
                if (!chinese[i] && JoiningPunctuation.Contains(text[i]) &&
                    ((i > 0 && chinese[i - 1]) || (i < text.Length - 1 && chinese[i + 1])))
                {
                    chinese[i] = changed = true;
                }
            }
        }

        return chinese;
    }

    /// <summary>Punctuation that Chinese text writes full-width, without spaces (NFKC turns it into these).</summary>
    private const string JoiningPunctuation = ":;,.()!?";

    /// <summary>The words without lone noise marks, or <paramref name="words"/> itself when none were found.</summary>
    internal static IReadOnlyList<OcrWord> DropLoneMarks(IReadOnlyList<OcrWord> words)
    {
        var height = words.Select(w => w.Box.Height).Order().ElementAt(words.Count / 2);
        List<OcrWord>? kept = null;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var lone = word.Text.All(NoiseMarks.Contains) &&
                (i == 0 || word.Box.X - words[i - 1].Box.Right > height * LoneGapInHeights) &&
                (i == words.Count - 1 || words[i + 1].Box.X - word.Box.Right > height * LoneGapInHeights);
            if (lone)
            {
                kept ??= [.. words.Take(i)];
            }
            else
            {
                kept?.Add(word);
            }
        }

        return kept ?? words;
    }

    /// <summary>The words with their brackets fixed as one line: a bracket and its partner are often in different words.</summary>
    private static List<OcrWord> FixBrackets(IReadOnlyList<OcrWord> words)
    {
        var texts = FixBrackets(string.Join(WordSeparator, words.Select(w => w.Text))).Split(WordSeparator);
        // A word whose text changed keeps its characters only while they still spell it.
        return [.. words.Select((w, i) => w.Text == texts[i] ? w : w with { Text = texts[i], Symbols = null }).Where(w => w.Text.Length > 0)];
    }

    private const char WordSeparator = '\u0001';

    [GeneratedRegex("[〈《〔][\\s\u0001]*(?=[(（])")]
    private static partial Regex DoubledOpening();

    /// <summary>
    /// The Chinese model often reads a full-width parenthesis （ as 〈, 《 or 〔. An opening angle or tortoise-shell
    /// bracket whose partner in the line is a plain ) was a parenthesis (and the other way round).
    /// </summary>
    internal static string FixBrackets(string text)
    {
        // 〔( : the opening parenthesis read twice.
        var chars = DoubledOpening().Replace(text, string.Empty).ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '〈' or '《' or '〔')
            {
                var close = Array.FindIndex(chars, i + 1, c => c is ')' or '）' or '〉' or '》' or '〕' or '(' or '（' or '〈' or '《' or '〔');
                if (close > 0 && chars[close] is ')' or '）')
                {
                    chars[i] = chars[close] == '）' ? '（' : '(';
                }
            }
            else if (chars[i] is '〉' or '》' or '〕')
            {
                var open = Array.FindLastIndex(chars, i - 1, c => c is '(' or '（' or '〈' or '《' or '〔' or ')' or '）' or '〉' or '》' or '〕');
                if (open >= 0 && chars[open] is '(' or '（')
                {
                    chars[i] = chars[open] == '（' ? '）' : ')';
                }
            }
        }

        return new string(chars);
    }
}
