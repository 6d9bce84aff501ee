using ScanArchive.Core.Search;

namespace ScanArchive.Search.Tests;

public sealed class FilterTests : IDisposable
{
    private readonly IndexFixture _f = new();

    public FilterTests() => _f.Add(
        IndexFixture.Entry("KH-2026-000001", type: "invoice", customer: "张伟", customerNo: "C001", date: new DateOnly(2025, 12, 31), pages: "发票 amount 100"),
        IndexFixture.Entry("KH-2026-000002", type: "Invoice", customer: "Zhang Wei", customerNo: "C002", date: new DateOnly(2026, 1, 15), pages: "发票 amount 200"),
        IndexFixture.Entry("KH-2026-000003", type: "contract", customer: "张伟", customerNo: "C001", pages: "合同 amount 300",
            committed: new DateTimeOffset(2026, 2, 10, 23, 30, 0, TimeSpan.Zero)),
        IndexFixture.Entry("KH-2026-000004", type: "contract", customer: "李娜", customerNo: "C003", date: new DateOnly(2026, 2, 11), pages: "合同 amount 400"));

    public void Dispose() => _f.Dispose();

    private string[] Numbers(SearchQuery q) => _f.Index.Search(q).Hits.Select(h => h.ArchiveNumber).Order().ToArray();

    [Fact]
    public void Document_type_filter_is_case_insensitive()
    {
        Assert.Equal(["KH-2026-000001", "KH-2026-000002"], Numbers(new SearchQuery { Text = "amount", DocumentType = "INVOICE" }));
        Assert.Equal(["KH-2026-000003", "KH-2026-000004"], Numbers(new SearchQuery { Text = "amount", DocumentType = "contract" }));
        Assert.Empty(Numbers(new SearchQuery { Text = "amount", DocumentType = "receipt" }));
    }

    [Fact]
    public void Date_range_is_inclusive_and_falls_back_to_the_commit_day()
    {
        Assert.Equal(["KH-2026-000002", "KH-2026-000003"], Numbers(new SearchQuery { Text = "amount", From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 2, 10) }));
        Assert.Equal(["KH-2026-000001"], Numbers(new SearchQuery { Text = "amount", To = new DateOnly(2025, 12, 31) }));
        Assert.Equal(["KH-2026-000004"], Numbers(new SearchQuery { Text = "amount", From = new DateOnly(2026, 2, 11) }));
    }

    [Fact]
    public void Commit_day_is_the_day_in_the_offset_the_commit_was_recorded_with()
    {
        // 01:00 in Beijing on 12 February is still 11 February in UTC.
        _f.Add(IndexFixture.Entry("KH-2026-000005", pages: "amount 500", committed: new DateTimeOffset(2026, 2, 12, 1, 0, 0, TimeSpan.FromHours(8))));
        Assert.Equal(["KH-2026-000005"], Numbers(new SearchQuery { Text = "500", From = new DateOnly(2026, 2, 12), To = new DateOnly(2026, 2, 12) }));
        Assert.Empty(Numbers(new SearchQuery { Text = "500", To = new DateOnly(2026, 2, 11) }));
    }

    [Fact]
    public void Customer_filter_takes_a_name_or_a_customer_number()
    {
        Assert.Equal(["KH-2026-000001", "KH-2026-000003"], Numbers(new SearchQuery { Text = "amount", Customer = "张伟" }));
        Assert.Equal(["KH-2026-000002"], Numbers(new SearchQuery { Text = "amount", Customer = "zhang wei" }));
        Assert.Equal(["KH-2026-000004"], Numbers(new SearchQuery { Text = "amount", Customer = "C003" }));
        Assert.Empty(Numbers(new SearchQuery { Text = "amount", Customer = "王芳" }));
        Assert.Empty(Numbers(new SearchQuery { Text = "amount", Customer = "!!" }));
    }

    [Fact]
    public void Filters_combine()
    {
        Assert.Equal(["KH-2026-000003"], Numbers(new SearchQuery { Text = "amount", Customer = "张伟", DocumentType = "contract", From = new DateOnly(2026, 1, 1) }));
    }

    [Fact]
    public void Empty_text_lists_filtered_entries_newest_first()
    {
        var all = _f.Index.Search(new SearchQuery { Text = " " });
        Assert.Equal(4, all.TotalHits);
        var committed = all.Hits.Select(h => h.CommittedAt).ToList();
        Assert.Equal(committed.OrderDescending(), committed);
        Assert.Equal(["KH-2026-000003", "KH-2026-000004"], Numbers(new SearchQuery { DocumentType = "contract" }));
    }

    [Fact]
    public void Hits_carry_the_entry_metadata()
    {
        var hit = Assert.Single(_f.Index.Search(new SearchQuery { Text = "amount 200" }).Hits);
        Assert.Equal("Invoice", hit.DocumentType);
        Assert.Equal("Zhang Wei", hit.CustomerName);
        Assert.Equal(new DateOnly(2026, 1, 15), hit.DocumentDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)), hit.CommittedAt);
        Assert.Equal(1, hit.PageNumber);
    }

    [Fact]
    public void Field_values_and_customer_names_are_searchable_as_text()
    {
        Assert.Equal(["KH-2026-000004"], _f.Numbers("李娜"));
        Assert.Equal(["KH-2026-000003", "KH-2026-000004"], _f.Numbers("contract").Order());
    }
}
