namespace ScanArchive.Search.Tests;

public sealed class ChineseSearchTests : IDisposable
{
    private readonly IndexFixture _f = new();

    public ChineseSearchTests() => _f.Add(
        IndexFixture.Entry("KH-2026-000001", pages: "本页为客户档案的首页，请妥善保管。"),
        IndexFixture.Entry("KH-2026-000002", pages: "档案管理规定：客户资料不得外借。"),
        IndexFixture.Entry("KH-2026-000003", pages: "Customer service record, no Chinese here."));

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Bigram_query_finds_the_word_inside_a_longer_run()
    {
        Assert.Equal(["KH-2026-000001", "KH-2026-000002"], _f.Numbers("客户").Order());
    }

    [Fact]
    public void Single_character_query_finds_every_entry_with_that_character()
    {
        Assert.Equal(["KH-2026-000001", "KH-2026-000002"], _f.Numbers("档").Order());
        Assert.Equal(["KH-2026-000001"], _f.Numbers("首"));
    }

    [Fact]
    public void A_run_of_characters_matches_only_in_that_order()
    {
        Assert.Equal(["KH-2026-000001"], _f.Numbers("客户档案"));
        Assert.Equal(["KH-2026-000001"], _f.Numbers("户档案"));
        Assert.Empty(_f.Numbers("档案客户"));
        Assert.Empty(_f.Numbers("案客"));
    }

    [Fact]
    public void Words_separated_by_spaces_must_all_match_anywhere()
    {
        Assert.Equal(["KH-2026-000002"], _f.Numbers("档案 外借"));
        Assert.Empty(_f.Numbers("首页 外借"));
    }

    [Fact]
    public void Ocr_spaces_between_chinese_characters_do_not_break_a_word()
    {
        _f.Add(IndexFixture.Entry("KH-2026-000009", pages: "客 户 姓 名  王小明   联系 地址 上海市"));

        var hit = Assert.Single(_f.Search("客户姓名").Hits);
        Assert.Equal("KH-2026-000009", hit.ArchiveNumber);
        var span = Assert.Single(hit.Highlights);
        Assert.Equal("客 户 姓 名", hit.Snippet.Substring(span.Start, span.Length));
        Assert.Equal(["KH-2026-000009"], _f.Numbers("联系地址"));
    }

    [Fact]
    public void Highlight_covers_exactly_the_matched_characters()
    {
        var hit = Assert.Single(_f.Search("客户档案").Hits);
        var span = Assert.Single(hit.Highlights);
        Assert.Equal("客户档案", hit.Snippet.Substring(span.Start, span.Length));
        Assert.Equal("本页为【客户档案】的首页，请妥善保管。", hit.MarkedSnippet());
    }

    [Fact]
    public void Single_character_highlight_marks_each_occurrence()
    {
        _f.Add(IndexFixture.Entry("KH-2026-000010", pages: "甲档乙档丙"));
        var hit = _f.Search("档").Hits.Single(h => h.ArchiveNumber == "KH-2026-000010");
        Assert.Equal("甲【档】乙【档】丙", hit.MarkedSnippet());
    }

    [Fact]
    public void Full_width_latin_in_the_text_matches_half_width_queries()
    {
        _f.Add(IndexFixture.Entry("KH-2026-000011", pages: "产品型号：ＡＢＣ１２３，数量２件"));
        Assert.Equal(["KH-2026-000011"], _f.Numbers("abc123"));
        Assert.Equal(["KH-2026-000011"], _f.Numbers("ＡＢＣ１２３"));
    }
}
