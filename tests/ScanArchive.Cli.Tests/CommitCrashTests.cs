using System.Security.Cryptography;
using ScanArchive.Archive.Storage;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.TestSupport;
using Xunit.Abstractions;

namespace ScanArchive.Cli.Tests;

/// <summary>
/// The archive's central promise: kill the committing process at any moment, as often as you like, and the archive
/// still holds every committed entry whole, each number exactly once, with no gap.
/// </summary>
public sealed class CommitCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Batches = 24;
    private const int DocumentsPerBatch = 3;
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Killing_commits_at_random_moments_never_loses_duplicates_or_skips_a_number()
    {
        PrepareApprovedBatches();
        var random = new Random(20261122);
        var kills = 0;
        var midCommitKills = 0;
        long lastRun = 1500;
        var attempts = 0;
        var pending = Enumerable.Range(1, Batches).Select(i => $"batch-{i:D2}").ToList();

        // Each round starts a commit and kills it (SIGKILL) after a random delay spanning start-up, the commit
        // itself and its aftermath, then retries the batch if it did not commit. Bounded so a bug cannot loop forever.
        while (pending.Count > 0 && attempts < Batches * 6)
        {
            attempts++;
            var name = pending[0];
            using (var process = CliRunner.Start("commit", name, "--data", _data.Path))
            {
                // Every third attempt runs to the end, so the loop progresses however slow commits are on this machine;
                // the others are killed somewhere between 30% and 110% of the last full run (start-up, commit, exit).
                var delay = attempts % 3 == 0 ? Timeout.Infinite : random.Next((int)(lastRun * 0.3), (int)(lastRun * 1.1));
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var exited = await WaitAsync(process, delay);
                if (exited && delay == Timeout.Infinite)
                {
                    lastRun = Math.Max(200, clock.ElapsedMilliseconds);
                }
                if (!exited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                    kills++;
                }
            }

            // Evidence that a kill landed inside the commit: files of the transaction on disk (a PDF being written,
            // or written under its number) while the records do not show the batch committed.
            var leftovers = Directory.EnumerateFiles(Path.Combine(_data.Path, "tmp")).Any()
                || (Directory.Exists(Path.Combine(_data.Path, "entries")) && Directory.EnumerateFiles(Path.Combine(_data.Path, "entries"), "*.pdf", SearchOption.AllDirectories).Count() > CommittedEntryCount());
            using var store = new LiteDbArchiveStore(new ArchiveStoreOptions(_data.Path));
            AssertConsistent(store);
            if (leftovers && store.FindBatch(name)!.State != BatchState.Committed)
            {
                midCommitKills++;
            }
            if (store.FindBatch(name)!.State == BatchState.Committed)
            {
                pending.RemoveAt(0);
            }
        }

        output.WriteLine($"{attempts} attempts, {kills} killed, {midCommitKills} killed inside the commit");
        Assert.Empty(pending);
        Assert.True(kills >= 5, $"only {kills} commit(s) were killed; the test did not exercise crashes");
        Assert.True(midCommitKills >= 1, "no kill landed inside a commit; the delays miss the commit window");

        using var final = new LiteDbArchiveStore(new ArchiveStoreOptions(_data.Path));
        AssertConsistent(final);
        Assert.Equal(Batches * DocumentsPerBatch, final.EntryCount);
        Assert.True(final.Verify().Intact);
    }

    private int CommittedEntryCount()
    {
        using var store = new LiteDbArchiveStore(new ArchiveStoreOptions(_data.Path));
        return store.EntryCount;
    }

    private static async Task<bool> WaitAsync(System.Diagnostics.Process process, int milliseconds)
    {
        using var timeout = milliseconds == Timeout.Infinite ? new CancellationTokenSource() : new CancellationTokenSource(milliseconds);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Every visible entry is complete and belongs to a committed batch; numbers run 1..N without repeats.</summary>
    private static void AssertConsistent(LiteDbArchiveStore store)
    {
        var entries = store.Entries();
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(entries.Count, entries.Select(e => e.Number).Distinct().Count());
        foreach (var batch in store.Batches())
        {
            var own = entries.Where(e => e.BatchId == batch.Id).Select(e => e.Number).ToList();
            if (batch.State == BatchState.Committed)
            {
                Assert.Equal(DocumentsPerBatch, own.Count);
                Assert.Equal(own, batch.EntryNumbers);
            }
            else
            {
                Assert.Empty(own);
            }
        }

        foreach (var entry in entries)
        {
            Assert.Equal(DocumentsPerBatch > 0 ? 2 : 0, entry.Pages.Count);
            using var pdf = store.OpenFile(entry.Pdf);
            Assert.Equal(entry.Pdf.Sha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
        }
    }

    private void PrepareApprovedBatches()
    {
        var jpegPath = TestPaths.SampleScan("en-invoice.jpg");
        var jpeg = File.ReadAllBytes(jpegPath);
        using var store = new LiteDbArchiveStore(new ArchiveStoreOptions(_data.Path));
        for (var b = 1; b <= Batches; b++)
        {
            var batch = store.CreateBatch($"batch-{b:D2}", "clerk");
            for (var d = 1; d <= DocumentsPerBatch; d++)
            {
                var document = store.AddDocument(batch.Id, jpegPath, $"doc-{d}.jpg", "clerk");
                for (var p = 1; p <= 2; p++)
                {
                    var ocr = new OcrPage(2480, 3508, 300, 90, "eng", [new OcrLine($"batch {b} doc {d} page {p}", new PixelBox(10, 10, 500, 40), [])]);
                    store.SavePage(new PageResult(batch.Id, document.Id, p, ocr, new EncodedPageImage(jpeg, PageImageKind.Jpeg, 2480, 3508, 300), null));
                }

                store.UpdateDocument(document with { Status = DocumentStatus.Done, PageCount = 2 });
            }

            store.MoveBatch(batch.Id, BatchState.Processing, "clerk");
            store.MoveBatch(batch.Id, BatchState.ReadyForReview, "clerk");
            store.SetReview(batch.Id, ReviewStatus.Approved, "reviewer");
            store.MoveBatch(batch.Id, BatchState.Approved, "reviewer");
        }
    }
}
