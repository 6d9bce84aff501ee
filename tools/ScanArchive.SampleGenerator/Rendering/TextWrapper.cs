using System.Globalization;

namespace ScanArchive.SampleGenerator.Rendering;

/// <summary>
/// Greedy line breaking for mixed Chinese/English text: Chinese may break between any two
/// ideographs, Latin words and numbers stay whole, and closing punctuation never starts a line.
/// </summary>
internal static class TextWrapper
{
    private const string NoLineStart = "，。、；：？！）》」』”’,.;:?!)%";

    public static IReadOnlyList<string> Wrap(string text, float maxWidth, Func<string, float> measure)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var unit in BreakUnits(text))
        {
            var candidate = current + unit;
            if (current.Length > 0 && measure(candidate.TrimEnd()) > maxWidth && !string.IsNullOrWhiteSpace(unit))
            {
                lines.Add(current.TrimEnd());
                current = unit.TrimStart();
            }
            else
            {
                current = candidate;
            }
        }

        if (current.Trim().Length > 0)
        {
            lines.Add(current.Trim());
        }

        return lines;
    }

    /// <summary>Splits into the smallest pieces that may end a line, each carrying its trailing punctuation.</summary>
    private static IEnumerable<string> BreakUnits(string text)
    {
        var units = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (text[i] == ' ')
            {
                while (i < text.Length && text[i] == ' ')
                {
                    i++;
                }
            }
            else if (IsIdeographic(text[i]) || NoLineStart.Contains(text[i]))
            {
                i++;
            }
            else
            {
                // ASCII punctuation inside a run ("12,345.00", "e.g.") must not become a break point.
                while (i < text.Length && text[i] != ' ' && !IsIdeographic(text[i]))
                {
                    i++;
                }
            }

            while (i < text.Length && NoLineStart.Contains(text[i]))
            {
                i++;
            }

            units.Add(text[start..i]);
        }

        return units;
    }

    private static bool IsIdeographic(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter
        || (c >= '\u3000' && c <= '\u303F')
        || (c >= '\uFF00' && c <= '\uFFEF');
}
