using System.Security.Cryptography;
using System.Text;
using ScanArchive.Core.Search;
using ScanArchive.TestSupport;

namespace ScanArchive.Search.Tests;

public sealed class EncryptedIndexTests : IDisposable
{
    private const string Name = "欧阳振华";
    private const string IdNumber = "11010819600913403X";
    private const string Phone = "13064239013";
    private const string Street = "Nanjing West Road";
    private readonly TempDirectory _folder = new();
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_encrypted_index_answers_every_kind_of_query_and_leaves_no_term_on_disk()
    {
        using (var index = Open(_key))
        {
            // Enough entries that Lucene writes several segments and merges them (compound files, checksums, slices).
            for (var batch = 0; batch < 5; batch++)
            {
                index.Upsert(Enumerable.Range(0, 40).Select(i => Entry(batch * 40 + i)));
                index.Commit();
            }

            Assert.Equal(1, index.Search(new SearchQuery { Text = IdNumber }).TotalHits);
            Assert.Equal(1, index.Search(new SearchQuery { Text = "130 6423 9013" }).TotalHits);
            Assert.Equal(1, index.Search(new SearchQuery { Text = Name }).TotalHits);
            Assert.Equal(1, index.Search(new SearchQuery { Text = $"\"{Street}\"" }).TotalHits);
            Assert.Equal(200, index.Search(new SearchQuery { Text = "合同", Take = 5 }).TotalHits);
            Assert.True(index.Search(new SearchQuery { Text = "Nanjng~" }).TotalHits >= 1);
        }

        using (var reopened = Open(_key))
        {
            Assert.Equal(200, reopened.Count);
            Assert.Equal("KH-2026-000008", reopened.Search(new SearchQuery { Text = IdNumber }).Hits[0].ArchiveNumber);
            Assert.Contains(Name, reopened.Search(new SearchQuery { Text = Name }).Hits[0].Snippet, StringComparison.Ordinal);
        }

        var bytes = Directory.EnumerateFiles(_folder.Path).Select(File.ReadAllBytes).ToList();
        Assert.True(bytes.Sum(b => b.Length) > 10_000);
        foreach (var needle in new[] { Name, IdNumber, Phone, Street, "合同", "contract" })
        {
            foreach (var encoding in new[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode })
            {
                var pattern = encoding.GetBytes(needle);
                Assert.DoesNotContain(bytes, b => b.AsSpan().IndexOf(pattern) >= 0);
            }
        }
    }

    [Fact]
    public void The_index_opened_with_another_key_or_none_is_reported_damaged_not_misread()
    {
        using (var index = Open(_key))
        {
            index.Upsert([Entry(1)]);
            index.Commit();
        }

        Assert.Equal(SearchIndexProblem.Corrupt, Assert.Throws<SearchIndexException>(() => Open(RandomNumberGenerator.GetBytes(32))).Problem);
        Assert.Equal(SearchIndexProblem.Corrupt, Assert.Throws<SearchIndexException>(() => Open(null)).Problem);
        using var rebuilt = new LuceneSearchIndex(_folder.Path, recreate: true, encryptionKey: RandomNumberGenerator.GetBytes(32));
        Assert.Equal(0, rebuilt.Count);
    }

    [Fact]
    public void A_changed_byte_in_an_index_file_is_detected()
    {
        using (var index = Open(_key))
        {
            index.Upsert(Enumerable.Range(0, 20).Select(Entry));
            index.Commit();
        }

        var largest = Directory.EnumerateFiles(_folder.Path).OrderByDescending(f => new FileInfo(f).Length).First();
        var content = File.ReadAllBytes(largest);
        content[content.Length / 2] ^= 0x10;
        File.WriteAllBytes(largest, content);
        Assert.ThrowsAny<Exception>(() =>
        {
            using var index = Open(_key);
            index.Search(new SearchQuery { Text = "合同" });
        });
    }

    private LuceneSearchIndex Open(byte[]? key) => new(_folder.Path, encryptionKey: key);

    private static SearchDocument Entry(int i) => IndexFixture.Entry(
        $"KH-2026-{i + 1:000000}",
        type: "contract",
        customer: i == 7 ? Name : $"客户{i}",
        fields: i == 7 ? new Dictionary<string, string> { ["id_number"] = IdNumber, ["phone"] = Phone } : null,
        pages: [$"服务合同 contract page {i} 甲方 乙方 " + (i == 7 ? $"{Name} {IdNumber} {Phone} Room 1111, 141 {Street}" : "")]);
}
