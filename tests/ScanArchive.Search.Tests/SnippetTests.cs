namespace ScanArchive.Search.Tests;

public sealed class SnippetTests : IDisposable
{
    private readonly IndexFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Long_page_is_cut_around_the_match_with_ellipses()
    {
        var filler = string.Join(' ', Enumerable.Range(0, 80).Select(i => $"word{i}"));
        var text = $"{filler} 这里是客户档案 and the invoice total {filler}";
        _f.Add(IndexFixture.Entry("KH-2026-000001", pages: text));

        var hit = Assert.Single(_f.Search("客户档案 invoice").Hits);
        Assert.StartsWith("…", hit.Snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", hit.Snippet, StringComparison.Ordinal);
        Assert.InRange(hit.Snippet.Length, 60, 125);
        Assert.Equal(["客户档案", "invoice"], hit.Highlights.Select(s => hit.Snippet.Substring(s.Start, s.Length)));
        Assert.Matches(@"^…word\d+ ", hit.Snippet); // not cut in the middle of a word
    }

    [Fact]
    public void Window_prefers_the_densest_cluster_of_matches()
    {
        var filler = string.Join(' ', Enumerable.Repeat("lorem ipsum", 40));
        var text = $"refund once. {filler} refund policy: refund within thirty days, refund to card. {filler}";
        _f.Add(IndexFixture.Entry("KH-2026-000001", pages: text));

        var hit = Assert.Single(_f.Search("refund").Hits);
        Assert.Equal(3, hit.Highlights.Count);
        Assert.Contains("refund policy", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Whitespace_runs_and_line_breaks_collapse_and_offsets_follow()
    {
        _f.Add(IndexFixture.Entry("KH-2026-000001", pages: "客户姓名          张伟\n\n\n联系电话   13812345678\r\n地址  上海"));

        var hit = Assert.Single(_f.Search("张伟 13812345678").Hits);
        Assert.Equal("客户姓名 【张伟】 联系电话 【13812345678】 地址 上海", hit.MarkedSnippet());
    }

    [Fact]
    public void Only_the_searched_page_text_is_highlighted_not_other_words()
    {
        _f.Add(IndexFixture.Entry("KH-2026-000001", pages: "客户 客服 档案 户口"));
        var hit = Assert.Single(_f.Search("客户").Hits);
        Assert.Equal("【客户】 客服 档案 户口", hit.MarkedSnippet());
    }

    [Fact]
    public void Marked_snippet_uses_the_given_markers()
    {
        _f.Add(IndexFixture.Entry("KH-2026-000001", pages: "the invoice"));
        Assert.Equal("the <b>invoice</b>", Assert.Single(_f.Search("invoice").Hits).MarkedSnippet("<b>", "</b>"));
    }
}
