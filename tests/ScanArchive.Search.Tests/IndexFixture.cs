using ScanArchive.Core.Search;
using ScanArchive.TestSupport;

namespace ScanArchive.Search.Tests;

/// <summary>A real Lucene index in a fresh temp folder, plus helpers to build entries.</summary>
internal sealed class IndexFixture : IDisposable
{
    private readonly TempDirectory _temp = new("scanarchive-search");

    public IndexFixture() => Index = new LuceneSearchIndex(IndexFolder);

    public string IndexFolder => Path.Combine(_temp.Path, "index");

    public LuceneSearchIndex Index { get; private set; }

    public static SearchDocument Entry(
        string number,
        string type = "letter",
        string customer = "",
        string customerNo = "",
        DateOnly? date = null,
        DateTimeOffset? committed = null,
        Dictionary<string, string>? fields = null,
        params string[] pages) => new()
        {
            ArchiveNumber = number,
            DocumentType = type,
            CustomerName = customer,
            CustomerNo = customerNo,
            DocumentDate = date,
            CommittedAt = committed ?? new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)),
            BatchName = "batch-1",
            Fields = fields ?? [],
            Pages = pages.Select((text, i) => new SearchPage(i + 1, text)).ToList(),
        };

    public void Add(params SearchDocument[] entries)
    {
        Index.Upsert(entries);
        Index.Commit();
    }

    public SearchResults Search(string text, int take = 20) => Index.Search(new SearchQuery { Text = text, Take = take });

    public string[] Numbers(string text) => Search(text).Hits.Select(h => h.ArchiveNumber).ToArray();

    public void Reopen()
    {
        Index.Dispose();
        Index = new LuceneSearchIndex(IndexFolder);
    }

    public void Dispose()
    {
        Index.Dispose(); // idempotent: a test may have closed it already
        _temp.Dispose();
    }
}
