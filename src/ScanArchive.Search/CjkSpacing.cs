namespace ScanArchive.Search;

/// <summary>
/// Removes spaces between two CJK characters. OCR often splits Chinese words or spaced-out form labels with spaces
/// (客户 档案, 客 户 姓 名); the bigram filter only pairs characters that touch, so without this a query for 客户档案
/// would miss that text. Done on the string rather than in a char filter because the bigram filter decides adjacency
/// from the (corrected, i.e. original) offsets and would still see the gap.
/// </summary>
internal static class CjkSpacing
{
    /// <summary>The text without spaces between CJK characters (the same instance when there are none).</summary>
    public static string Compact(string text) => Compact(text, null);

    /// <summary>
    /// The compacted text and, in <paramref name="originalIndex"/>, for each of its characters (and one past the end)
    /// the index of that character in <paramref name="text"/>; used to map highlight offsets back.
    /// </summary>
    public static string Compact(string text, List<int>? originalIndex)
    {
        if (!HasGap(text))
        {
            if (originalIndex is not null)
            {
                originalIndex.Clear();
                for (var i = 0; i <= text.Length; i++)
                {
                    originalIndex.Add(i);
                }
            }

            return text;
        }

        originalIndex?.Clear();
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsSpace(text[i]) && builder.Length > 0 && IsCjk(builder[^1]))
            {
                var next = i;
                while (next < text.Length && IsSpace(text[next]))
                {
                    next++;
                }

                if (next < text.Length && IsCjk(text[next]))
                {
                    i = next - 1;
                    continue;
                }
            }

            builder.Append(text[i]);
            originalIndex?.Add(i);
        }

        originalIndex?.Add(text.Length);
        return builder.ToString();
    }

    /// <summary>Han, kana and Hangul characters of the Basic Multilingual Plane.</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF');

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u3000';

    private static bool HasGap(string text)
    {
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (IsSpace(text[i]) && IsCjk(text[i - 1]))
            {
                var next = i;
                while (next < text.Length && IsSpace(text[next]))
                {
                    next++;
                }

                if (next < text.Length && IsCjk(text[next]))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
