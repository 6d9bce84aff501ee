using System.Text;

namespace ScanArchive.Core.Ocr;

/// <summary>Joins recognized words into text the way the script expects.</summary>
public static class OcrText
{
    /// <summary>
    /// Joins words with one space, except between two CJK characters: Chinese is written without spaces,
    /// and Tesseract splits a Chinese run into several "words" arbitrarily.
    /// </summary>
    public static string JoinWords(IEnumerable<string> words)
    {
        var sb = new StringBuilder();
        foreach (var word in words)
        {
            if (word.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0 && !(IsCjk(sb[^1]) && IsCjk(word[0])))
            {
                sb.Append(' ');
            }

            sb.Append(word);
        }

        return sb.ToString();
    }

    /// <summary>True for Han ideographs, kana, hangul and CJK punctuation/full-width forms.</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u3000' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFF60') or (>= '\uAC00' and <= '\uD7AF');
}
