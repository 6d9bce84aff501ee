namespace ScanArchive.Search;

/// <summary>What one part of a clerk's query asks for.</summary>
internal enum ClauseKind
{
    /// <summary>A word (or a run of Chinese characters, or an identifier).</summary>
    Word,

    /// <summary>A quoted phrase.</summary>
    Phrase,

    /// <summary><c>word~</c>: similar words.</summary>
    Fuzzy,

    /// <summary><c>word*</c>: words starting with it.</summary>
    Prefix,
}

/// <summary>One part of a parsed query.</summary>
/// <param name="Text">The word or phrase, without quotes or operators.</param>
/// <param name="Kind">How to match it.</param>
/// <param name="Edits">For <see cref="ClauseKind.Fuzzy"/>: 1 or 2 edits, or 0 for "by word length"; for a phrase, the slop.</param>
/// <param name="Negated">Entries matching it are excluded.</param>
/// <param name="OrWithPrevious">It is an alternative to the clause before it instead of an additional condition.</param>
internal sealed record QueryClause(string Text, ClauseKind Kind, int Edits = 0, bool Negated = false, bool OrWithPrevious = false);

/// <summary>
/// Parses a clerk's query text (syntax in <see cref="Core.Search.SearchQuery"/>) into clauses. Never throws: anything
/// it does not understand is treated as text, and punctuation is left to the analyzer, which drops it.
/// </summary>
internal static class QueryText
{
    public static IReadOnlyList<QueryClause> Parse(string? text)
    {
        var clauses = new List<QueryClause>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return clauses;
        }

        text = SearchKeys.FoldWidth(text).Replace('“', '"').Replace('”', '"').Replace('„', '"');
        var negateNext = false;
        var orNext = false;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                var end = close < 0 ? text.Length : close;
                var phrase = text[(i + 1)..end];
                i = close < 0 ? text.Length : close + 1;
                var slop = 0;
                if (i < text.Length && text[i] == '~')
                {
                    var digits = i + 1;
                    while (digits < text.Length && char.IsAsciiDigit(text[digits]) && digits - i <= 2)
                    {
                        digits++;
                    }

                    slop = digits > i + 1 ? int.Parse(text.AsSpan(i + 1, digits - i - 1), System.Globalization.CultureInfo.InvariantCulture) : 2;
                    i = digits;
                }

                if (!string.IsNullOrWhiteSpace(phrase))
                {
                    clauses.Add(new QueryClause(phrase.Trim(), ClauseKind.Phrase, slop, negateNext, orNext && clauses.Count > 0));
                }

                negateNext = orNext = false;
                continue;
            }

            // A free run up to the next quote: numbers written with spaces are joined before splitting into words.
            var runEnd = text.IndexOf('"', i);
            if (runEnd < 0)
            {
                runEnd = text.Length;
            }

            foreach (var word in SearchKeys.JoinSpacedNumbers(text[i..runEnd]).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                switch (word)
                {
                    case "AND" or "&&" or "+":
                        continue;
                    case "OR" or "||" or "|":
                        orNext = clauses.Count > 0;
                        continue;
                    case "NOT" or "!" or "-":
                        negateNext = true;
                        continue;
                }

                var clause = ParseWord(word, negateNext, orNext && clauses.Count > 0);
                if (clause is not null)
                {
                    clauses.Add(clause);
                }

                negateNext = orNext = false;
            }

            i = runEnd;
        }

        return clauses;
    }

    private static QueryClause? ParseWord(string word, bool negated, bool or)
    {
        while (word.Length > 1 && word[0] is '-' or '!' or '+')
        {
            negated |= word[0] is '-' or '!';
            word = word[1..];
        }

        var kind = ClauseKind.Word;
        var edits = 0;
        if (word.Length > 1 && word[^1] == '~')
        {
            kind = ClauseKind.Fuzzy;
            word = word.TrimEnd('~');
        }
        else if (word.Length > 2 && word[^2] == '~' && word[^1] is '0' or '1' or '2')
        {
            edits = word[^1] - '0';
            kind = edits == 0 ? ClauseKind.Word : ClauseKind.Fuzzy;
            word = word[..^2];
        }
        else if (word.Length > 2 && word[^1] == '*')
        {
            kind = ClauseKind.Prefix;
            word = word.TrimEnd('*');
        }

        // Words of punctuation only ("(", "*", "~") carry nothing to search for.
        return word.Any(char.IsLetterOrDigit) ? new QueryClause(word, kind, edits, negated, or) : null;
    }
}
