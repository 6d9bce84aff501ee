namespace ScanArchive.Search.Tests;

public class QueryTextTests
{
    [Fact]
    public void Words_phrases_and_operators_parse_into_clauses()
    {
        var clauses = QueryText.Parse("张伟 \"total due\"~3 invoise~ disp* -void OR cancelled NOT draft x~2 y~0");
        Assert.Equal(
            [
                new QueryClause("张伟", ClauseKind.Word),
                new QueryClause("total due", ClauseKind.Phrase, 3),
                new QueryClause("invoise", ClauseKind.Fuzzy),
                new QueryClause("disp", ClauseKind.Prefix),
                new QueryClause("void", ClauseKind.Word, Negated: true),
                new QueryClause("cancelled", ClauseKind.Word, OrWithPrevious: true),
                new QueryClause("draft", ClauseKind.Word, Negated: true),
                new QueryClause("x", ClauseKind.Fuzzy, 2),
                new QueryClause("y", ClauseKind.Word),
            ],
            clauses);
    }

    [Fact]
    public void Unclosed_quote_runs_to_the_end_and_empty_quotes_vanish()
    {
        Assert.Equal([new QueryClause("total due", ClauseKind.Phrase)], QueryText.Parse("\"total due"));
        Assert.Empty(QueryText.Parse("\"\" \"  \""));
    }

    [Fact]
    public void Leading_or_and_trailing_operators_are_ignored()
    {
        Assert.Equal([new QueryClause("invoice", ClauseKind.Word)], QueryText.Parse("OR invoice AND"));
    }

    [Fact]
    public void Spaced_phone_numbers_stay_one_clause()
    {
        Assert.Equal(
            [new QueryClause("13812345678", ClauseKind.Word), new QueryClause("合同", ClauseKind.Word)],
            QueryText.Parse("138 1234 5678 合同"));
    }
}
