using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using ScanArchive.Core.Search;

namespace ScanArchive.Search;

/// <summary>A Lucene query for a <see cref="SearchQuery"/>, and what to highlight in the hits.</summary>
/// <param name="Query">What to match, or null when the text asked for nothing searchable (no hits).</param>
/// <param name="Filter">Type, date and customer restrictions, or null.</param>
/// <param name="Terms">Terms and keys to mark in snippets.</param>
internal sealed record QueryPlan(Query? Query, Filter? Filter, HighlightTerms Terms);

/// <summary>Terms of a query as they appear in analyzed page text, for highlighting.</summary>
internal sealed class HighlightTerms
{
    public HashSet<string> Exact { get; } = new(StringComparer.Ordinal);

    public List<(string Term, int Edits)> Fuzzy { get; } = [];

    public List<string> Prefixes { get; } = [];

    public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>True when a term of analyzed page text is one the query searched for (span: no string per token).</summary>
    public bool Matches(ReadOnlySpan<char> term)
    {
        if (Exact.Count > 0 && Exact.GetAlternateLookup<ReadOnlySpan<char>>().Contains(term))
        {
            return true;
        }

        foreach (var prefix in Prefixes)
        {
            if (term.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var (fuzzy, edits) in Fuzzy)
        {
            if (Math.Abs(fuzzy.Length - term.Length) <= edits && EditDistance(fuzzy, term, edits) <= edits)
            {
                return true;
            }
        }

        return false;
    }

    // Damerau-Levenshtein (optimal string alignment), like FuzzyQuery with transpositions.
    private static int EditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                }

                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > limit)
            {
                return rowMin;
            }
        }

        return d[a.Length, b.Length];
    }
}

/// <summary>
/// Builds the Lucene query: every clause must match (unless joined by OR); a clause matches the page text or the
/// entry's fields as text, or an exact key (phone, ID, archive/customer/document number) — exact keys score a constant
/// far above any text score, so exact hits come first; text hits rank by BM25.
/// </summary>
internal sealed class QueryPlanner(Analyzer queryAnalyzer)
{
    /// <summary>Score of an exact key match; BM25 text scores stay well below it.</summary>
    internal const float ExactBoost = 1000f;

    /// <summary>Longer query text is cut: nobody types more, and it bounds the work.</summary>
    internal const int MaxQueryLength = 1000;

    private const int MaxClauses = 64;

    public QueryPlan Plan(SearchQuery query)
    {
        var terms = new HighlightTerms();
        var text = query.Text ?? "";
        if (text.Length > MaxQueryLength)
        {
            text = text[..MaxQueryLength];
        }

        var filter = BuildFilter(query);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new QueryPlan(new MatchAllDocsQuery(), filter, terms);
        }

        var required = new List<Query>();
        var excluded = new List<Query>();
        BooleanQuery? alternatives = null;
        foreach (var clause in QueryText.Parse(text).Take(MaxClauses))
        {
            var built = BuildClause(clause, clause.Negated ? null : terms);
            if (built is null)
            {
                continue;
            }

            if (clause.Negated)
            {
                excluded.Add(built);
            }
            else if (clause.OrWithPrevious && required.Count > 0)
            {
                if (alternatives is null || !ReferenceEquals(required[^1], alternatives))
                {
                    alternatives = new BooleanQuery(disableCoord: true) { { required[^1], Occur.SHOULD } };
                    required[^1] = alternatives;
                }

                alternatives.Add(built, Occur.SHOULD);
            }
            else
            {
                required.Add(built);
            }
        }

        if (required.Count == 0 && excluded.Count == 0)
        {
            return new QueryPlan(null, filter, terms);
        }

        var top = new BooleanQuery(disableCoord: true);
        if (required.Count == 0)
        {
            top.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        foreach (var q in required)
        {
            top.Add(q, Occur.MUST);
        }

        foreach (var q in excluded)
        {
            top.Add(q, Occur.MUST_NOT);
        }

        return new QueryPlan(top, filter, terms);
    }

    private Query? BuildClause(QueryClause clause, HighlightTerms? terms)
    {
        var either = new BooleanQuery(disableCoord: true);
        var highlight = terms;
        foreach (var field in new[] { IndexFields.Text, IndexFields.Meta })
        {
            var textQuery = clause.Kind switch
            {
                ClauseKind.Fuzzy => FuzzyQueryFor(field, clause, terms),
                ClauseKind.Prefix => PrefixQueryFor(field, clause, terms),
                _ => (Query?)null,
            } ?? TextQuery(field, clause.Text, clause.Kind == ClauseKind.Phrase ? clause.Edits : 0, terms);
            if (textQuery is not null)
            {
                either.Add(textQuery, Occur.SHOULD);
            }

            terms = null; // the same terms for both fields
        }

        foreach (var key in SearchKeys.CandidatesFor(SearchKeys.JoinSpacedNumbers(clause.Text)))
        {
            highlight?.Keys.Add(key);
            either.Add(new ConstantScoreQuery(new TermQuery(new Term(IndexFields.Key, key))) { Boost = ExactBoost }, Occur.SHOULD);
            either.Add(new ConstantScoreQuery(new TermQuery(new Term(IndexFields.PageKey, key))) { Boost = ExactBoost }, Occur.SHOULD);
        }

        if (either.Clauses.Count == 0)
        {
            return null;
        }

        return either.Clauses.Count == 1 ? either.Clauses[0].Query : either;
    }

    private Query? TextQuery(string field, string text, int slop, HighlightTerms? terms)
    {
        var tokens = Analyze(field, CjkSpacing.Compact(text));
        if (tokens.Count == 0)
        {
            return null;
        }

        foreach (var (term, _) in tokens)
        {
            terms?.Exact.Add(term);
        }

        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0].Term));
        }

        var phrase = new PhraseQuery { Slop = slop };
        foreach (var (term, position) in tokens)
        {
            phrase.Add(new Term(field, term), position);
        }

        return phrase;
    }

    private FuzzyQuery? FuzzyQueryFor(string field, QueryClause clause, HighlightTerms? terms)
    {
        var tokens = Analyze(field, clause.Text);
        if (tokens.Count != 1 || tokens[0].Term.Length < 3 || tokens[0].Term.Any(CjkSpacing.IsCjk))
        {
            return null;
        }

        var term = tokens[0].Term;
        var edits = clause.Edits > 0 ? Math.Min(clause.Edits, 2) : term.Length <= 5 ? 1 : 2;
        terms?.Fuzzy.Add((term, edits));
        return new FuzzyQuery(new Term(field, term), edits);
    }

    private static PrefixQuery? PrefixQueryFor(string field, QueryClause clause, HighlightTerms? terms)
    {
        var prefix = SearchKeys.FoldWidth(clause.Text).ToLowerInvariant();
        if (prefix.Length < 2 || !prefix.All(char.IsLetterOrDigit) || prefix.Any(CjkSpacing.IsCjk))
        {
            return null;
        }

        terms?.Prefixes.Add(prefix);
        return new PrefixQuery(new Term(field, prefix));
    }

    private List<(string Term, int Position)> Analyze(string field, string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = queryAnalyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position));
        }

        stream.End();
        return tokens;
    }

    private QueryWrapperFilter? BuildFilter(SearchQuery query)
    {
        var all = new BooleanQuery(disableCoord: true);
        if (!string.IsNullOrWhiteSpace(query.DocumentType))
        {
            all.Add(new TermQuery(new Term(IndexFields.DocumentType, query.DocumentType.Trim().ToLowerInvariant())), Occur.MUST);
        }

        if (query.From is not null || query.To is not null)
        {
            all.Add(
                NumericRangeQuery.NewInt32Range(IndexFields.Day, DayNumber(query.From), DayNumber(query.To), minInclusive: true, maxInclusive: true),
                Occur.MUST);
        }

        if (!string.IsNullOrWhiteSpace(query.Customer))
        {
            var customer = new BooleanQuery(disableCoord: true);
            var number = SearchKeys.Normalize(query.Customer);
            if (number.Length > 0)
            {
                customer.Add(new TermQuery(new Term(IndexFields.CustomerNo, number)), Occur.SHOULD);
            }

            if (TextQuery(IndexFields.Customer, SearchKeys.FoldWidth(query.Customer), 0, null) is { } name)
            {
                customer.Add(name, Occur.SHOULD);
            }

            // A customer filter that names nothing searchable matches nobody rather than everybody.
            all.Add(customer.Clauses.Count > 0 ? customer : new BooleanQuery(), Occur.MUST);
        }

        return all.Clauses.Count == 0 ? null : new QueryWrapperFilter(all);
    }

    private static int? DayNumber(DateOnly? day) => day is { } d ? (d.Year * 10000) + (d.Month * 100) + d.Day : null;
}
