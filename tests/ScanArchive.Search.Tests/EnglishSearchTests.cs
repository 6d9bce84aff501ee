namespace ScanArchive.Search.Tests;

public sealed class EnglishSearchTests : IDisposable
{
    private readonly IndexFixture _f = new();

    public EnglishSearchTests() => _f.Add(
        IndexFixture.Entry("KH-2026-000001", pages: "INVOICES for March. Total amount due: 1,234.56 USD."),
        IndexFixture.Entry("KH-2026-000002", pages: "Service record: the amount total was disputed by the customer."),
        IndexFixture.Entry("KH-2026-000003", pages: "Change of mailing addresses for the account holder."));

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Case_does_not_matter()
    {
        Assert.Equal(["KH-2026-000001"], _f.Numbers("invoices"));
        Assert.Equal(["KH-2026-000001"], _f.Numbers("Invoices"));
    }

    [Fact]
    public void Plurals_match_their_singular_and_back()
    {
        Assert.Equal(["KH-2026-000001"], _f.Numbers("invoice"));
        Assert.Equal(["KH-2026-000003"], _f.Numbers("address"));
        Assert.Equal(["KH-2026-000002"], _f.Numbers("records"));
    }

    [Fact]
    public void Quoted_phrase_needs_the_words_in_order()
    {
        Assert.Equal(["KH-2026-000001"], _f.Numbers("\"total amount\""));
        Assert.Equal(["KH-2026-000002"], _f.Numbers("\"amount total\""));
        Assert.Equal(["KH-2026-000001", "KH-2026-000002"], _f.Numbers("total amount").Order());
    }

    [Fact]
    public void Phrase_with_slop_allows_words_between()
    {
        Assert.Empty(_f.Numbers("\"mailing account\""));
        Assert.Equal(["KH-2026-000003"], _f.Numbers("\"mailing account\"~5"));
    }

    [Fact]
    public void Fuzzy_query_tolerates_ocr_errors_and_highlights_the_real_word()
    {
        Assert.Empty(_f.Numbers("disbuted"));
        var hit = Assert.Single(_f.Search("disbuted~").Hits);
        Assert.Equal("KH-2026-000002", hit.ArchiveNumber);
        var span = Assert.Single(hit.Highlights);
        Assert.Equal("disputed", hit.Snippet.Substring(span.Start, span.Length));
        Assert.Equal(["KH-2026-000001"], _f.Numbers("invoicse~1"));
    }

    [Fact]
    public void Prefix_query_matches_word_starts()
    {
        Assert.Equal(["KH-2026-000002"], _f.Numbers("disp*"));
    }

    [Fact]
    public void Or_and_not_work_as_clerks_expect()
    {
        Assert.Equal(["KH-2026-000001", "KH-2026-000003"], _f.Numbers("invoices OR mailing").Order());
        Assert.Equal(["KH-2026-000001"], _f.Numbers("amount -disputed"));
        Assert.Equal(["KH-2026-000001"], _f.Numbers("amount NOT disputed"));
        Assert.Equal(["KH-2026-000001", "KH-2026-000002"], _f.Numbers("amount AND total").Order());
    }

    [Fact]
    public void Highlight_offsets_point_at_the_words_in_the_snippet()
    {
        var hit = Assert.Single(_f.Search("total due").Hits);
        Assert.Equal(["Total", "due"], hit.Highlights.Select(s => hit.Snippet.Substring(s.Start, s.Length)));
        Assert.Contains("【Total】 amount 【due】", hit.MarkedSnippet(), StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_chinese_and_english_query_matches_both_parts()
    {
        _f.Add(IndexFixture.Entry("KH-2026-000004", pages: "发票 Invoice No. 8812 开票日期 2026-03-01"));
        Assert.Equal(["KH-2026-000004"], _f.Numbers("发票 invoice"));
        Assert.Equal(["KH-2026-000004"], _f.Numbers("开票 8812"));
    }
}
