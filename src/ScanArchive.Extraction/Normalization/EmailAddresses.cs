using System.Text.RegularExpressions;

namespace ScanArchive.Extraction.Normalization;

/// <summary>E-mail addresses as printed or handwritten on forms.</summary>
public static partial class EmailAddresses
{
    /// <summary>
    /// Reads an e-mail address: full-width forms and spaces OCR puts around <c>.</c> and <c>@</c> are removed,
    /// the domain is lower-cased. The local part keeps its case (it may be case-sensitive).
    /// </summary>
    public static bool TryParse(string? text, out string address)
    {
        address = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = string.Concat(HalfWidth.Convert(text).Where(c => !char.IsWhiteSpace(c))).Trim('.', ',', ';', ':');
        var match = Shape().Match(compact);
        if (!match.Success)
        {
            return false;
        }

        address = match.Groups["local"].Value + "@" + match.Groups["domain"].Value.ToLowerInvariant();
        return true;
    }

    /// <summary>Finds e-mail addresses in a line of text (allowing spaces OCR inserts around <c>.</c> and <c>@</c>).</summary>
    public static IEnumerable<(int Index, int Length)> Find(string text) =>
        InText().Matches(text).Select(m => (m.Index, m.Length));

    [GeneratedRegex(@"^(?<local>[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_])?)@(?<domain>[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24})$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9._%+-]*(?:\s?\.\s?[A-Za-z0-9._%+-]+)*\s?@\s?[A-Za-z0-9-]+(?:\s?\.\s?[A-Za-z0-9-]+)*\s?\.\s?[A-Za-z]{2,24}\b")]
    private static partial Regex InText();
}
