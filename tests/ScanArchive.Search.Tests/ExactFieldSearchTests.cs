namespace ScanArchive.Search.Tests;

public sealed class ExactFieldSearchTests : IDisposable
{
    private readonly IndexFixture _f = new();

    public ExactFieldSearchTests() => _f.Add(
        IndexFixture.Entry(
            "KH-2026-000001",
            type: "application",
            customer: "张伟",
            customerNo: "C-000123",
            fields: new() { ["id_number"] = "11010519491231002X", ["phone"] = "+86 139-0000-1111" },
            pages: ["开户申请表 客户姓名 张伟", "联系电话：138 1234 5678 地址：北京市朝阳区"]),
        IndexFixture.Entry(
            "KH-2026-000002",
            type: "contract",
            customer: "Li Na",
            pages: ["Contract. Phone 138-1234-5678 (emergency contact). ID: 440301 19851012 3456"]),
        IndexFixture.Entry(
            "KH-2026-000003",
            type: "memo",
            pages: ["Memo referring to entry KH-2026-000001 and to customer 张伟."]));

    public void Dispose() => _f.Dispose();

    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("+8613812345678")]
    [InlineData("１３８１２３４５６７８")]
    public void Phone_in_any_spelling_finds_pages_that_write_it_with_spaces_or_dashes(string query)
    {
        var hits = _f.Search(query).Hits;
        Assert.Equal(["KH-2026-000001", "KH-2026-000002"], hits.Select(h => h.ArchiveNumber).Order());
        Assert.All(hits, h => Assert.True(h.ExactMatch));
        var first = hits.Single(h => h.ArchiveNumber == "KH-2026-000001");
        Assert.Equal(2, first.PageNumber);
        var span = Assert.Single(first.Highlights);
        Assert.Equal("138 1234 5678", first.Snippet.Substring(span.Start, span.Length));
    }

    [Fact]
    public void Phone_field_with_country_prefix_is_found_by_the_bare_number()
    {
        var hit = Assert.Single(_f.Search("13900001111").Hits);
        Assert.Equal("KH-2026-000001", hit.ArchiveNumber);
        Assert.True(hit.ExactMatch);
    }

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("110105 19491231 002x")]
    public void Id_number_field_is_found_with_lower_case_x_and_spaces(string query)
    {
        Assert.Equal(["KH-2026-000001"], _f.Numbers(query));
    }

    [Fact]
    public void Id_number_written_with_spaces_on_a_page_is_found_by_the_compact_number()
    {
        var hit = Assert.Single(_f.Search("440301198510123456").Hits);
        Assert.Equal("KH-2026-000002", hit.ArchiveNumber);
        Assert.Equal(1, hit.PageNumber);
        Assert.Equal("【440301 19851012 3456】", hit.MarkedSnippet()[hit.MarkedSnippet().IndexOf('【')..(hit.MarkedSnippet().IndexOf('】') + 1)]);
    }

    [Theory]
    [InlineData("KH-2026-000001")]
    [InlineData("kh-2026-000001")]
    [InlineData("KH2026000001")]
    public void Archive_number_finds_its_entry_first_and_a_text_mention_after_it(string query)
    {
        var hits = _f.Search(query).Hits;
        Assert.Equal("KH-2026-000001", hits[0].ArchiveNumber);
        Assert.True(hits[0].ExactMatch);
        Assert.True(hits[0].Score > hits.Skip(1).Select(h => h.Score).DefaultIfEmpty(0).Max());
    }

    [Fact]
    public void Text_mention_of_an_archive_number_is_found_but_is_not_an_exact_match()
    {
        var hits = _f.Search("KH-2026-000001").Hits;
        var mention = Assert.Single(hits, h => h.ArchiveNumber == "KH-2026-000003");
        Assert.False(mention.ExactMatch);
    }

    [Fact]
    public void Customer_number_is_an_exact_key()
    {
        Assert.Equal(["KH-2026-000001"], _f.Numbers("C000123"));
        Assert.Equal(["KH-2026-000001"], _f.Numbers("c-000123"));
    }

    [Fact]
    public void Name_plus_phone_needs_both()
    {
        // 000001 and 000003 mention 张伟, 000001 and 000002 have the phone.
        Assert.Equal(["KH-2026-000001"], _f.Numbers("张伟 13812345678"));
        Assert.Equal(["KH-2026-000001", "KH-2026-000003"], _f.Numbers("张伟").Order());
    }
}
