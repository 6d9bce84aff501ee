using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using ScanArchive.Core.Search;

namespace ScanArchive.Search;

/// <summary>
/// Cuts a snippet around the best cluster of matches on a page and marks the matches. There is no Lucene highlighter
/// package here, so the stored page text is analyzed again with the index analyzer: a token is marked when its term is
/// one the query searched for; overlapping Chinese bigrams (客户 + 户档 + 档案) merge into one span.
/// </summary>
internal static class SnippetBuilder
{
    /// <summary>Target snippet length in characters.</summary>
    public const int Window = 120;

    public static (string Snippet, IReadOnlyList<TextSpan> Highlights) Build(Analyzer indexAnalyzer, string text, HighlightTerms terms)
    {
        var spans = FindMatches(indexAnalyzer, text, terms);
        var (start, end) = ChooseWindow(text, spans);
        return Render(text, start, end, spans);
    }

    /// <summary>Matched ranges of <paramref name="text"/>, sorted, merged where they overlap or touch.</summary>
    internal static List<TextSpan> FindMatches(Analyzer indexAnalyzer, string text, HighlightTerms terms)
    {
        var raw = new List<TextSpan>();
        if (terms.Exact.Count + terms.Fuzzy.Count + terms.Prefixes.Count > 0)
        {
            var map = new List<int>(text.Length + 1);
            var compact = CjkSpacing.Compact(text, map);
            using var stream = indexAnalyzer.GetTokenStream(IndexFields.Text, compact);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (terms.Matches(term.Buffer.AsSpan(0, term.Length)) && offset.EndOffset > offset.StartOffset)
                {
                    var start = map[offset.StartOffset];
                    var end = map[offset.EndOffset - 1] + 1;
                    raw.Add(new TextSpan(start, end - start));
                }
            }

            stream.End();
        }

        if (terms.Keys.Count > 0)
        {
            foreach (var (key, start, length) in SearchKeys.FindInText(text))
            {
                if (terms.Keys.Contains(key))
                {
                    raw.Add(new TextSpan(start, length));
                }
            }
        }

        raw.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var merged = new List<TextSpan>(raw.Count);
        foreach (var span in raw)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new TextSpan(last.Start, Math.Max(last.End, span.End) - last.Start);
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private static (int Start, int End) ChooseWindow(string text, List<TextSpan> spans)
    {
        if (text.Length <= Window)
        {
            return (0, text.Length);
        }

        if (spans.Count == 0)
        {
            return (0, SnapEnd(text, Window, 0));
        }

        // The window holding the most matches, starting at a match; the first such window wins.
        int bestFirst = 0, bestLast = 0, bestCount = 0;
        var last = 0;
        for (var first = 0; first < spans.Count; first++)
        {
            last = Math.Max(last, first);
            while (last + 1 < spans.Count && spans[last + 1].End - spans[first].Start <= Window)
            {
                last++;
            }

            if (last - first + 1 > bestCount)
            {
                (bestFirst, bestLast, bestCount) = (first, last, last - first + 1);
            }
        }

        var clusterStart = spans[bestFirst].Start;
        var clusterEnd = spans[bestLast].End;
        var pad = Math.Max(0, (Window - (clusterEnd - clusterStart)) / 2);
        var start = Math.Max(0, clusterStart - pad);
        var end = Math.Min(text.Length, Math.Max(start + Window, clusterEnd));
        start = Math.Max(0, Math.Min(start, end - Window));
        return (SnapStart(text, start, clusterStart), SnapEnd(text, end, clusterEnd));
    }

    // Do not start or end in the middle of an English word or number when a boundary is near.
    private static int SnapStart(string text, int start, int limit)
    {
        if (start == 0 || !InWord(text, start))
        {
            return start;
        }

        for (var i = start; i < Math.Min(limit, start + 15); i++)
        {
            if (!InWord(text, i))
            {
                return i;
            }
        }

        return start;
    }

    private static int SnapEnd(string text, int end, int limit)
    {
        if (end >= text.Length || !InWord(text, end))
        {
            return end;
        }

        for (var i = end; i > Math.Max(limit, end - 15); i--)
        {
            if (!InWord(text, i))
            {
                return i;
            }
        }

        return end;
    }

    private static bool InWord(string text, int index) =>
        index > 0 && index < text.Length && IsWordChar(text[index - 1]) && IsWordChar(text[index]);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && !CjkSpacing.IsCjk(c);

    /// <summary>The window's text with whitespace runs collapsed to one space and the spans moved to match.</summary>
    private static (string, IReadOnlyList<TextSpan>) Render(string text, int start, int end, List<TextSpan> spans)
    {
        var builder = new StringBuilder(end - start + 2);
        var position = new int[end - start + 1];
        if (start > 0)
        {
            builder.Append('…');
        }

        for (var i = start; i < end; i++)
        {
            position[i - start] = builder.Length;
            if (char.IsWhiteSpace(text[i]))
            {
                if (builder.Length > 0 && builder[^1] != ' ' && builder[^1] != '…')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        position[end - start] = builder.Length;
        while (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
        }

        var length = builder.Length;
        if (end < text.Length)
        {
            builder.Append('…');
        }

        var moved = new List<TextSpan>();
        foreach (var span in spans)
        {
            var s = Math.Max(span.Start, start);
            var e = Math.Min(span.End, end);
            if (e <= s)
            {
                continue;
            }

            var ms = position[s - start];
            var me = Math.Min(position[e - start], length);
            if (me > ms)
            {
                moved.Add(new TextSpan(ms, me - ms));
            }
        }

        return (builder.ToString(), moved);
    }
}
