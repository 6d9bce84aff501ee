using ScanArchive.Core.Search;
using ScanArchive.TestSupport;

namespace ScanArchive.Search.Tests;

public sealed class LifecycleTests : IDisposable
{
    private readonly IndexFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Upsert_replaces_an_entry_instead_of_duplicating_it()
    {
        _f.Add(IndexFixture.Entry("KH-2026-000001", pages: ["alpha page one", "alpha page two"]));
        _f.Add(IndexFixture.Entry("KH-2026-000001", pages: "beta only"));
        _f.Add(IndexFixture.Entry("KH-2026-000001", pages: "beta only"));

        Assert.Empty(_f.Numbers("alpha"));
        var result = _f.Search("beta");
        Assert.Equal(1, result.TotalHits);
        Assert.Equal(1, _f.Index.Count);
        Assert.Equal(1, _f.Index.PageCount);
    }

    [Fact]
    public void Upsert_matches_archive_numbers_regardless_of_spelling()
    {
        _f.Add(IndexFixture.Entry("KH-2026-000001", pages: "alpha"));
        _f.Add(IndexFixture.Entry("kh-2026-000001", pages: "beta"));
        Assert.Equal(1, _f.Index.Count);
    }

    [Fact]
    public void An_entry_with_many_matching_pages_is_one_hit_on_its_best_page()
    {
        _f.Add(
            IndexFixture.Entry("KH-2026-000001", pages: ["合同 第一页", "合同 第二页 合同 合同 违约责任 合同", "合同 附件"]),
            IndexFixture.Entry("KH-2026-000002", pages: ["unrelated", "another", "违约责任 appears on page three"]));

        var result = _f.Search("合同");
        var hit = Assert.Single(result.Hits);
        Assert.Equal(1, result.TotalHits);
        Assert.Equal(2, hit.PageNumber);

        var other = _f.Search("违约责任").Hits.Single(h => h.ArchiveNumber == "KH-2026-000002");
        Assert.Equal(3, other.PageNumber);
    }

    [Fact]
    public void Changes_are_visible_only_after_commit()
    {
        _f.Index.Upsert([IndexFixture.Entry("KH-2026-000001", pages: "gamma")]);
        Assert.Empty(_f.Numbers("gamma"));
        Assert.Equal(0, _f.Index.Count);
        _f.Index.Commit();
        Assert.Equal(["KH-2026-000001"], _f.Numbers("gamma"));
    }

    [Fact]
    public void Reopening_keeps_committed_data_and_drops_uncommitted_changes()
    {
        _f.Add(IndexFixture.Entry("KH-2026-000001", pages: "客户档案 delta"));
        _f.Index.Upsert([IndexFixture.Entry("KH-2026-000002", pages: "delta uncommitted")]);
        _f.Index.Delete("KH-2026-000001");

        _f.Reopen();

        Assert.Equal(["KH-2026-000001"], _f.Numbers("delta"));
        Assert.Equal(["KH-2026-000001"], _f.Numbers("档"));
        Assert.Equal(1, _f.Index.Count);
    }

    [Fact]
    public void Delete_removes_an_entry_and_ignores_unknown_numbers()
    {
        _f.Add(IndexFixture.Entry("KH-2026-000001", pages: "epsilon"), IndexFixture.Entry("KH-2026-000002", pages: "epsilon"));
        _f.Index.Delete("KH-2026-000001");
        _f.Index.Delete("KH-2099-999999");
        _f.Index.Commit();
        Assert.Equal(["KH-2026-000002"], _f.Numbers("epsilon"));
    }

    [Fact]
    public void Rebuild_replaces_everything_and_an_interrupted_rebuild_leaves_the_old_index()
    {
        _f.Add(IndexFixture.Entry("KH-2026-000001", pages: "old"), IndexFixture.Entry("KH-2026-000002", pages: "old"));

        _f.Index.DeleteAll();
        _f.Index.Upsert([IndexFixture.Entry("KH-2026-000001", pages: "new")]);
        _f.Reopen(); // interrupted before Commit
        Assert.Equal(2, _f.Index.Count);

        _f.Index.DeleteAll();
        _f.Index.Upsert([IndexFixture.Entry("KH-2026-000001", pages: "new")]);
        Assert.Equal(2, _f.Index.Count); // searches keep seeing the old index during the rebuild
        _f.Index.Commit();
        Assert.Equal(1, _f.Index.Count);
        Assert.Empty(_f.Numbers("old"));
        Assert.Equal(["KH-2026-000001"], _f.Numbers("new"));
    }

    [Fact]
    public void Entry_without_pages_is_found_by_its_fields()
    {
        _f.Add(IndexFixture.Entry("KH-2026-000001", customer: "王芳", fields: new() { ["phone"] = "13700000000" }));
        var hit = Assert.Single(_f.Search("13700000000").Hits);
        Assert.Null(hit.PageNumber);
        Assert.Equal("", hit.Snippet);
        Assert.Equal(["KH-2026-000001"], _f.Numbers("王芳"));
    }

    [Fact]
    public void Paging_returns_disjoint_slices_of_one_ranking()
    {
        _f.Add(Enumerable.Range(1, 30).Select(i => IndexFixture.Entry($"KH-2026-{i:000000}", pages: $"zeta {string.Join(' ', Enumerable.Repeat("zeta", i))}")).ToArray());

        var first = _f.Index.Search(new SearchQuery { Text = "zeta", Take = 10 });
        var second = _f.Index.Search(new SearchQuery { Text = "zeta", Skip = 10, Take = 10 });
        var all = _f.Index.Search(new SearchQuery { Text = "zeta", Take = 100 });

        Assert.Equal(30, first.TotalHits);
        Assert.Equal(all.Hits.Take(20).Select(h => h.ArchiveNumber), first.Hits.Concat(second.Hits).Select(h => h.ArchiveNumber));
        Assert.Equal(all.Hits.Select(h => h.Score).OrderDescending(), all.Hits.Select(h => h.Score));
        Assert.Empty(_f.Index.Search(new SearchQuery { Text = "zeta", Skip = 30 }).Hits);
    }

    [Fact]
    public void A_second_writer_on_the_same_folder_gets_a_clear_locked_error()
    {
        var e = Assert.Throws<SearchIndexException>(() => new LuceneSearchIndex(_f.IndexFolder));
        Assert.Equal(SearchIndexProblem.Locked, e.Problem);
        Assert.Contains("in use", e.MessageIn(new System.Globalization.CultureInfo("en")), StringComparison.Ordinal);
        Assert.Contains("使用", e.MessageIn(new System.Globalization.CultureInfo("zh-CN")), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_process_holding_the_index_locks_it_out_until_it_is_killed()
    {
        // util-linux flock(1) takes the same flock(2) lock that .NET's FileShare.None takes on Linux.
        var lockFile = Path.Combine(_f.IndexFolder, LuceneSearchIndex.LockFileName);
        _f.Index.Dispose();
        using var holder = System.Diagnostics.Process.Start("flock", ["--exclusive", lockFile, "sleep", "60"]);
        try
        {
            WaitUntil(() => RunFlock(lockFile) == 1, "the flock process did not take the lock");

            var e = Assert.Throws<SearchIndexException>(() => new LuceneSearchIndex(_f.IndexFolder));
            Assert.Equal(SearchIndexProblem.Locked, e.Problem);
        }
        finally
        {
            holder.Kill(entireProcessTree: true); // SIGKILL (sleep inherited the lock): the OS must release it
            holder.WaitForExit();
        }

        WaitUntil(() => RunFlock(lockFile) == 0, "the killed process's lock was not released"); // sleep dies a moment after flock
        using var reopened = new LuceneSearchIndex(_f.IndexFolder);
        Assert.Equal(0, reopened.Count);
    }

    [Fact]
    public void An_open_index_keeps_other_processes_out()
    {
        Assert.Equal(1, RunFlock(Path.Combine(_f.IndexFolder, LuceneSearchIndex.LockFileName)));
        _f.Index.Dispose();
        Assert.Equal(0, RunFlock(Path.Combine(_f.IndexFolder, LuceneSearchIndex.LockFileName)));
    }

    private static int RunFlock(string lockFile)
    {
        using var process = System.Diagnostics.Process.Start("flock", ["--nonblock", "--exclusive", lockFile, "true"]);
        process.WaitForExit();
        return process.ExitCode;
    }

    private static void WaitUntil(Func<bool> condition, string failure)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            Thread.Sleep(100);
        }

        Assert.True(condition(), failure);
    }

    [Fact]
    public void A_damaged_index_gives_a_clear_corrupt_error_that_says_reindex()
    {
        using var temp = new TempDirectory("scanarchive-search-corrupt");
        using (var index = new LuceneSearchIndex(temp.Path))
        {
            index.Upsert([IndexFixture.Entry("KH-2026-000001", pages: "theta")]);
            index.Commit();
        }

        foreach (var file in Directory.GetFiles(temp.Path, "segments_*"))
        {
            var bytes = File.ReadAllBytes(file);
            Array.Fill(bytes, (byte)0x5A, 0, Math.Min(bytes.Length, 64));
            File.WriteAllBytes(file, bytes);
        }

        var e = Assert.Throws<SearchIndexException>(() => new LuceneSearchIndex(temp.Path));
        Assert.Equal(SearchIndexProblem.Corrupt, e.Problem);
        Assert.Contains("reindex", e.MessageIn(new System.Globalization.CultureInfo("en")), StringComparison.Ordinal);
        Assert.Contains("reindex", e.MessageIn(new System.Globalization.CultureInfo("zh-CN")), StringComparison.Ordinal);

        // What reindex does then: start over in the same folder.
        using (var rebuilt = new LuceneSearchIndex(temp.Path, recreate: true))
        {
            Assert.Equal(0, rebuilt.Count);
            rebuilt.Upsert([IndexFixture.Entry("KH-2026-000001", pages: "theta")]);
            rebuilt.Commit();
        }

        using var reopened = new LuceneSearchIndex(temp.Path);
        Assert.Equal(["KH-2026-000001"], reopened.Search(new SearchQuery { Text = "theta" }).Hits.Select(h => h.ArchiveNumber));
    }

    [Fact]
    public void Damaged_segment_data_is_reported_as_corrupt()
    {
        using var temp = new TempDirectory("scanarchive-search-damaged");
        using (var index = new LuceneSearchIndex(temp.Path))
        {
            index.Upsert([IndexFixture.Entry("KH-2026-000001", pages: "lambda")]);
            index.Commit();
        }

        foreach (var file in Directory.GetFiles(temp.Path, "_*"))
        {
            var bytes = File.ReadAllBytes(file);
            Array.Fill(bytes, (byte)0x33, bytes.Length / 3, Math.Max(1, bytes.Length / 3));
            File.WriteAllBytes(file, bytes);
        }

        var e = Assert.Throws<SearchIndexException>(() =>
        {
            using var index = new LuceneSearchIndex(temp.Path);
            index.Search(new SearchQuery { Text = "lambda" });
        });
        Assert.Equal(SearchIndexProblem.Corrupt, e.Problem);
    }

    [Fact]
    public void A_missing_segment_file_is_reported_as_corrupt()
    {
        using var temp = new TempDirectory("scanarchive-search-missing");
        using (var index = new LuceneSearchIndex(temp.Path))
        {
            index.Upsert([IndexFixture.Entry("KH-2026-000001", pages: "iota")]);
            index.Commit();
        }

        foreach (var file in Directory.GetFiles(temp.Path).Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal) && !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }

        var e = Assert.Throws<SearchIndexException>(() => new LuceneSearchIndex(temp.Path));
        Assert.Equal(SearchIndexProblem.Corrupt, e.Problem);
    }

    [Fact]
    public async Task Searches_run_while_another_thread_writes_and_commits()
    {
        _f.Add(IndexFixture.Entry("KH-2026-000000", pages: "kappa"));
        var writer = Task.Run(() =>
        {
            for (var i = 1; i <= 40; i++)
            {
                _f.Index.Upsert([IndexFixture.Entry($"KH-2026-{i:000000}", pages: $"kappa page {i}")]);
                if (i % 5 == 0)
                {
                    _f.Index.Commit();
                }
            }
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var last = 0;
            do
            {
                var total = _f.Search("kappa").TotalHits;
                Assert.True(total >= last, "a committed entry disappeared");
                Assert.Equal(1, total % 5); // only committed states are visible: 1, 6, 11, ...
                last = total;
            }
            while (!writer.IsCompleted);
        })).ToArray();

        await writer;
        await Task.WhenAll(readers);
        Assert.Equal(41, _f.Search("kappa").TotalHits);
    }
}
