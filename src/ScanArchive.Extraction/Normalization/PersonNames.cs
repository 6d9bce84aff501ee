using System.Text;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Extraction.Normalization;

/// <summary>How plausible a text is as a person's name.</summary>
public enum NamePlausibility
{
    /// <summary>Not a name (digits, a label word, too long, mixed scripts…).</summary>
    NotAName,

    /// <summary>Has the shape of a name (2–4 Chinese characters, or 2–4 capitalized words).</summary>
    Plausible,

    /// <summary>Shape of a name and a known Chinese surname.</summary>
    Likely,
}

/// <summary>Checks and tidies person names read from forms.</summary>
public static class PersonNames
{
    /// <summary>
    /// Tidies a name: half-width, no spaces between Chinese characters, one space between Latin words,
    /// surrounding punctuation removed.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = HalfWidth.Convert(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(',', '.', ';', ':', '|', '"', '\'', '(', ')', '*', '_', '-'))
            .Where(w => w.Length > 0);
        var sb = new StringBuilder();
        foreach (var word in words)
        {
            if (sb.Length > 0 && !(OcrText.IsCjk(sb[^1]) && OcrText.IsCjk(word[0])))
            {
                sb.Append(' ');
            }

            sb.Append(word);
        }

        return sb.ToString();
    }

    /// <summary>How plausible a cleaned text is as a name.</summary>
    /// <param name="name">The name, as <see cref="Clean"/> returns it.</param>
    /// <param name="surnames">Known single-character Chinese surnames.</param>
    /// <param name="compoundSurnames">Known two-character Chinese surnames.</param>
    /// <param name="notNames">Words that are never names (label words, titles).</param>
    public static NamePlausibility Check(string name, ISet<char> surnames, IEnumerable<string> compoundSurnames, ISet<string> notNames)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(surnames);
        ArgumentNullException.ThrowIfNull(compoundSurnames);
        ArgumentNullException.ThrowIfNull(notNames);
        if (name.Length == 0 || notNames.Contains(name))
        {
            return NamePlausibility.NotAName;
        }

        if (name.All(c => IsHan(c) || c == '·'))
        {
            var han = name.Count(IsHan);
            if (han is < 2 or > 4 && !(name.Contains('·', StringComparison.Ordinal) && han <= 12))
            {
                return NamePlausibility.NotAName;
            }

            return surnames.Contains(name[0]) || compoundSurnames.Any(s => name.StartsWith(s, StringComparison.Ordinal))
                ? NamePlausibility.Likely
                : NamePlausibility.Plausible;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 4)
        {
            return NamePlausibility.NotAName;
        }

        foreach (var word in words)
        {
            if (!char.IsAsciiLetterUpper(word[0]) || word.Length > 20 || notNames.Contains(word) ||
                !word.All(c => char.IsAsciiLetter(c) || c is '\'' or '-' or '.'))
            {
                return NamePlausibility.NotAName;
            }
        }

        return NamePlausibility.Plausible;
    }

    /// <summary>
    /// Two readings of the same Chinese name on one page (its field and the signature line) that differ in exactly one
    /// character: the character the engine was surer of is kept (郭守 at 85 % vs 郭宇 at 93 % → 郭宇).
    /// </summary>
    /// <param name="chosen">The reading chosen so far, one confidence (0–1) per character.</param>
    /// <param name="other">The other reading.</param>
    /// <param name="margin">How much surer the other reading's character must be to replace the chosen one.</param>
    /// <returns>The reconciled name, or null when the readings are not one character apart or the chosen one stands.</returns>
    public static string? Reconcile(IReadOnlyList<(char Char, double Confidence)> chosen, IReadOnlyList<(char Char, double Confidence)> other, double margin = 0.05)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(other);
        if (chosen.Count != other.Count || chosen.Count < 2 || !chosen.All(c => IsHan(c.Char)) || !other.All(c => IsHan(c.Char)))
        {
            return null;
        }

        var differing = Enumerable.Range(0, chosen.Count).Where(i => chosen[i].Char != other[i].Char).ToList();
        if (differing.Count != 1 || other[differing[0]].Confidence < chosen[differing[0]].Confidence + margin)
        {
            return null;
        }

        var chars = chosen.Select(c => c.Char).ToArray();
        chars[differing[0]] = other[differing[0]].Char;
        return new string(chars);
    }

    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');
}
