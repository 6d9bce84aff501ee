using ScanArchive.Core.Search;

namespace ScanArchive.Search.Tests;

public sealed class QueryRobustnessTests : IDisposable
{
    private readonly IndexFixture _f = new();

    public QueryRobustnessTests() => _f.Add(
        IndexFixture.Entry("KH-2026-000001", pages: "Invoice (copy) for 客户档案: total \"due\" now"),
        IndexFixture.Entry("KH-2026-000002", pages: "Contract with annex"));

    public void Dispose() => _f.Dispose();

    public static TheoryData<string> BadQueries =>
    [
        "\"", "(", ")", "AND", "OR", "NOT", "-", "+", "*", "?", "~", "~2", "\\", ":", "[", "]", "{", "}", "^", "!", "&&", "||",
        "\"unclosed invoice", "invoice\"", "((invoice", "invoice)", "a AND OR b", "OR invoice", "invoice OR", "NOT NOT",
        "text:invoice", "invoice^3", "[a TO z]", "{a TO z}", "/regex/", "inv*ice", "*voice", "?nvoice", "invoice~9",
        "invoice~0.5", "\"\" \"", "“客户档案", "客户档案”", "（客户）", "【发票】", "😀 invoice", "\u0000\u0001", "\t\n",
        "---", "- -invoice", "13812345678~", "KH-2026-*", "AND invoice AND", "\"~", "~\"", "a\\\"b",
    ];

    [Theory]
    [MemberData(nameof(BadQueries))]
    public void Typing_mistakes_and_query_syntax_never_throw(string text)
    {
        var result = _f.Index.Search(new SearchQuery { Text = text });
        Assert.InRange(result.TotalHits, 0, 2);
        Assert.All(result.Hits, h => Assert.All(h.Highlights, s => Assert.InRange(s.End, 1, h.Snippet.Length)));
    }

    [Fact]
    public void Very_long_queries_do_not_throw()
    {
        var text = string.Join(' ', Enumerable.Repeat("invoice 客户 \"total due\" OR x~ (", 500));
        var result = _f.Index.Search(new SearchQuery { Text = text });
        Assert.InRange(result.TotalHits, 0, 2);
    }

    [Theory]
    [InlineData("invoice AND")]
    [InlineData("(invoice)")]
    [InlineData("invoice\"")]
    [InlineData("\"invoice")]
    [InlineData("+invoice")]
    [InlineData("AND invoice")]
    [InlineData("invoice OR")]
    [InlineData("（invoice）")]
    public void Stray_operators_and_brackets_around_a_word_still_find_it(string text)
    {
        Assert.Equal(["KH-2026-000001"], _f.Numbers(text));
    }

    [Fact]
    public void Chinese_quotation_marks_make_a_phrase()
    {
        Assert.Equal(["KH-2026-000001"], _f.Numbers("“total due”"));
        Assert.Empty(_f.Numbers("“due total”"));
    }

    [Fact]
    public void Punctuation_only_finds_nothing_rather_than_everything()
    {
        Assert.Equal(0, _f.Search("((( )))").TotalHits);
        Assert.Equal(0, _f.Search("\"").TotalHits);
    }

    [Fact]
    public void Take_and_skip_out_of_range_are_clamped()
    {
        Assert.Single(_f.Index.Search(new SearchQuery { Text = "invoice", Take = 0 }).Hits);
        Assert.Single(_f.Index.Search(new SearchQuery { Text = "invoice", Skip = -5, Take = int.MaxValue }).Hits);
    }
}
