namespace ScanArchive.Search.Tests;

public class SearchKeysTests
{
    [Theory]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData("0086 13812345678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("１３８－１２３４－５６７８", "13812345678")]
    [InlineData("010-12345678", "01012345678")]
    public void Phones_normalize_to_digits_without_country_prefix(string input, string key)
    {
        Assert.Equal(key, SearchKeys.NormalizePhone(input));
    }

    [Theory]
    [InlineData("11010519491231002x", "11010519491231002X")]
    [InlineData("KH-2026-000001", "KH2026000001")]
    [InlineData("ｋｈ－２０２６－０００００１", "KH2026000001")]
    public void Identifiers_normalize_to_upper_case_letters_and_digits(string input, string key)
    {
        Assert.Equal(key, SearchKeys.Normalize(input));
    }

    [Fact]
    public void Phones_and_ids_are_found_in_text_with_their_positions()
    {
        const string text = "电话：138 1234 5678，身份证 110105 19491231 002x；座机 (021) 87654321；订单号 9913812345678123";
        var found = SearchKeys.FindInText(text).ToList();
        Assert.Equal(["11010519491231002X", "13812345678", "02187654321"], found.Select(f => f.Key));
        Assert.Equal(["110105 19491231 002x", "138 1234 5678", "(021) 87654321"], found.Select(f => text.Substring(f.Start, f.Length)));
    }

    [Fact]
    public void Numbers_written_with_spaces_in_a_query_become_one_word()
    {
        Assert.Equal("张伟 13812345678 合同", SearchKeys.JoinSpacedNumbers("张伟 +86 138 1234 5678 合同"));
        Assert.Equal("11010519491231002X", SearchKeys.JoinSpacedNumbers("110105 19491231 002x"));
        Assert.Equal("2026 03 01", SearchKeys.JoinSpacedNumbers("2026 03 01"));
    }

    [Fact]
    public void Only_words_with_digits_or_at_signs_are_key_candidates()
    {
        Assert.Empty(SearchKeys.CandidatesFor("invoice"));
        Assert.Empty(SearchKeys.CandidatesFor("客户"));
        Assert.Equal(["13812345678"], SearchKeys.CandidatesFor("13812345678"));
        Assert.Equal(["8613812345678", "13812345678"], SearchKeys.CandidatesFor("+8613812345678"));
        Assert.Equal(["ZHANGEXAMPLECOM"], SearchKeys.CandidatesFor("zhang@example.com"));
    }
}
