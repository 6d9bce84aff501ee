using ScanArchive.Core.Search;
using ScanArchive.TestSupport;

namespace ScanArchive.Search.Tests;

/// <summary>
/// The ground truth of sample-scans/ (as if OCR were perfect) indexed as one entry per page: every phone, ID, customer
/// and document number and customer name written on a page finds that page.
/// </summary>
public sealed class SampleScanSearchTests : IDisposable
{
    private readonly IndexFixture _f = new();
    private readonly List<(SearchDocument Entry, SamplePage Page)> _entries;

    public SampleScanSearchTests()
    {
        _entries = SamplePages.All.Where(p => p.Fields.Count > 0)
            .Select((page, i) => (new SearchDocument
            {
                ArchiveNumber = $"KH-2026-{i + 1:000000}",
                DocumentType = page.DocType,
                CommittedAt = DateTimeOffset.UnixEpoch,
                Pages = [new SearchPage(1, page.Text)],
            }, page))
            .ToList();
        Assert.True(_entries.Count >= 10, "sample-scans/ should hold at least 10 pages with fields");
    }

    public void Dispose() => _f.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_identifier_and_name_on_a_page_finds_that_page(bool withFields)
    {
        _f.Add(_entries.Select(e => withFields ? e.Entry with { Fields = e.Page.Fields.ToDictionary() } : e.Entry).ToArray());

        var failures = new List<string>();
        var checkedQueries = 0;
        foreach (var (entry, page) in _entries)
        {
            foreach (var key in new[] { "phone", "id_number", "customer_no", "document_no", "customer_name", "company_name" })
            {
                if (!page.Fields.TryGetValue(key, out var value) || !Written(page.Text, value))
                {
                    continue;
                }

                foreach (var query in key == "id_number" ? new[] { value, value.ToLowerInvariant() } : [value])
                {
                    checkedQueries++;
                    var hits = _f.Index.Search(new SearchQuery { Text = query, Take = 100 }).Hits;
                    var exactKind = key is "phone" or "id_number" or "document_no" or "customer_no";
                    var hit = hits.FirstOrDefault(h => h.ArchiveNumber == entry.ArchiveNumber);
                    if (hit is null)
                    {
                        failures.Add($"{page}: {key} '{query}' did not find the page");
                    }
                    else if (exactKind && hits[0].ArchiveNumber != entry.ArchiveNumber)
                    {
                        failures.Add($"{page}: {key} '{query}' ranked {hits[0].ArchiveNumber} first");
                    }
                    else if (hit.Highlights.Count == 0)
                    {
                        failures.Add($"{page}: {key} '{query}' found the page without highlighting anything");
                    }
                }
            }
        }

        Assert.True(checkedQueries >= 40, $"only {checkedQueries} queries were checked");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void Phone_numbers_written_with_spaces_in_the_forms_are_exact_matches()
    {
        _f.Add(_entries.Select(e => e.Entry).ToArray());
        var withPhone = _entries.Where(e => e.Page.Fields.ContainsKey("phone")).ToList();
        Assert.NotEmpty(withPhone);
        foreach (var (entry, page) in withPhone)
        {
            var hits = _f.Index.Search(new SearchQuery { Text = page.Fields["phone"] }).Hits;
            Assert.True(hits.Count > 0 && hits[0].ArchiveNumber == entry.ArchiveNumber && hits[0].ExactMatch, $"{page}: phone {page.Fields["phone"]}");
        }
    }

    [Fact]
    public void Document_type_filter_separates_the_sample_types()
    {
        _f.Add(_entries.Select(e => e.Entry).ToArray());
        foreach (var type in _entries.Select(e => e.Page.DocType).Distinct())
        {
            var expected = _entries.Where(e => e.Page.DocType == type).Select(e => e.Entry.ArchiveNumber).Order();
            var found = _f.Index.Search(new SearchQuery { DocumentType = type, Take = 100 }).Hits.Select(h => h.ArchiveNumber).Order();
            Assert.Equal(expected, found);
        }
    }

    // Ground-truth values are normalized (phone digits only); the page may write them with spaces or dashes.
    private static bool Written(string text, string value) =>
        SearchKeys.Normalize(text).Contains(SearchKeys.Normalize(value), StringComparison.Ordinal)
        || text.Contains(value, StringComparison.Ordinal);
}
