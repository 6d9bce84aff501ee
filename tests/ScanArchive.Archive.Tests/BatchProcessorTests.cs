using System.Globalization;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.TestSupport;

namespace ScanArchive.Archive.Tests;

/// <summary>The processing pipeline against the real store, with a fake reader and engine for speed and control.</summary>
public sealed class BatchProcessorTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _inputs = new();

    public void Dispose()
    {
        _data.Dispose();
        _inputs.Dispose();
    }

    [Fact]
    public async Task Every_page_is_stored_and_the_batch_becomes_ready_for_review()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = Import(store, "b", ("a.tif", 3), ("b.tif", 2));
        var engine = new CountingEngine();
        var result = await new BatchProcessor(store, new PageCountReader(), engine, new TinyEncoder()).ProcessAsync(batch.Name, "clerk");

        Assert.Equal(BatchState.ReadyForReview, result.Batch.State);
        Assert.Equal(5, result.PagesProcessed);
        Assert.Equal(["a.tif:1", "a.tif:2", "a.tif:3", "b.tif:1", "b.tif:2"], store.Pages(batch.Id).Select(p => p.Ocr.Lines[0].Text));
        Assert.All(store.Documents(batch.Id), d => Assert.Equal(DocumentStatus.Done, d.Status));
        Assert.All(store.Pages(batch.Id), p => Assert.NotNull(p.Image));
    }

    [Fact]
    public async Task A_cancelled_run_keeps_finished_pages_and_the_next_run_does_only_the_rest()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = Import(store, "b", ("a.tif", 4), ("b.tif", 4));
        using var cancel = new CancellationTokenSource();
        var first = new CountingEngine { CancelAfter = 3, Cancel = cancel, Concurrency = 1 };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new BatchProcessor(store, new PageCountReader(), first, new TinyEncoder()).ProcessAsync(batch.Name, "clerk", null, cancel.Token));

        var kept = store.Pages(batch.Id).Count;
        // Three recognitions were allowed; the cancel may catch one of them in flight (at most two pages are in flight).
        Assert.InRange(kept, 2, 3);
        Assert.Equal(BatchState.Processing, store.FindBatch(batch.Id)!.State);

        var second = new CountingEngine();
        var result = await new BatchProcessor(store, new PageCountReader(), second, new TinyEncoder()).ProcessAsync(batch.Name, "clerk");
        Assert.Equal(8 - kept, second.Calls);
        Assert.Equal(kept, result.PagesSkipped);
        Assert.Equal(8, store.Pages(batch.Id).Count);
        Assert.Equal(8, store.Pages(batch.Id).Select(p => p.Id).Distinct().Count());
        Assert.Equal(BatchState.ReadyForReview, result.Batch.State);
    }

    [Fact]
    public async Task A_file_that_breaks_midway_is_marked_failed_with_its_reason_and_the_rest_goes_on()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = Import(store, "b", ("good.tif", 2), ("broken.tif", 3), ("also-good.tif", 1));
        var result = await new BatchProcessor(store, new PageCountReader(), new CountingEngine(), new TinyEncoder()).ProcessAsync(batch.Name, "clerk");

        var failed = Assert.Single(result.FailedDocuments);
        Assert.Equal("broken.tif", failed.SourceName);
        Assert.False(string.IsNullOrWhiteSpace(failed.Error));
        Assert.Equal(BatchState.ReadyForReview, result.Batch.State);

        // The page read before the break is kept (nothing captured is lost), but the failed file makes no entry.
        Assert.Contains(store.Pages(batch.Id), p => p.Ocr.Lines[0].Text == "broken.tif:1");
        store.MoveBatch(batch.Id, BatchState.Approved, "reviewer");
        var entries = store.Commit(batch.Id, "reviewer");
        Assert.Equal(["good.tif", "also-good.tif"], entries.Select(e => e.Title));
    }

    [Fact]
    public async Task A_batch_in_which_every_file_failed_goes_back_to_the_clerk_not_to_review()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = Import(store, "b", ("cut-a.png", 1), ("cut-b.pdf", 2));

        var result = await new BatchProcessor(store, new PageCountReader(), new CountingEngine(), new TinyEncoder()).ProcessAsync(batch.Name, "clerk");

        Assert.Equal(2, result.FailedDocuments.Count);
        Assert.Equal(BatchState.Capturing, result.Batch.State);
        Assert.Equal(BatchState.Capturing, store.FindBatch(batch.Id)!.State);
    }

    [Fact]
    public async Task A_failed_file_is_named_by_its_own_name_not_by_its_stored_hash_name()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = Import(store, "b", ("cut-scan.png", 1), ("good.tif", 1));
        var stored = Path.GetFileName(store.PathOf(store.Documents(batch.Id)[0].Original));

        var result = await new BatchProcessor(store, new PageCountReader(), new CountingEngine(), new TinyEncoder()).ProcessAsync(batch.Name, "clerk");

        var failed = Assert.Single(result.FailedDocuments);
        Assert.Equal("cut-scan.png", failed.SourceName);
        Assert.DoesNotContain(stored, failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetFileNameWithoutExtension(stored)[..16], failed.Error, StringComparison.Ordinal);
        Assert.Equal(new DocumentReadException("x", DocumentProblem.Truncated).ReasonIn(null), failed.Error);
        Assert.Equal(BatchState.ReadyForReview, result.Batch.State);
    }

    [Fact]
    public async Task A_page_the_file_gave_neither_text_nor_a_picture_is_flagged_blank()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = Import(store, "b", ("empty-page.pdf", 1));

        await new BatchProcessor(store, new PageCountReader(), new CountingEngine(), new TinyEncoder()).ProcessAsync(batch.Name, "clerk");

        Assert.True(Assert.Single(store.Pages(batch.Id)).Blank);
    }

    [Fact]
    public async Task Processing_a_committed_batch_is_refused()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = ArchiveTestData.ApprovedBatch(store, "done");
        store.Commit(batch.Id, "clerk");
        var ex = await Assert.ThrowsAsync<ArchiveException>(() =>
            new BatchProcessor(store, new PageCountReader(), new CountingEngine(), new TinyEncoder()).ProcessAsync("done", "clerk"));
        Assert.Equal(ArchiveProblem.InvalidState, ex.Problem);
    }

    private Batch Import(IArchiveStore store, string name, params (string File, int Pages)[] files)
    {
        var batch = store.CreateBatch(name, "clerk");
        foreach (var (file, pages) in files)
        {
            // The "file" says how many pages it has; the fake reader believes it.
            var path = Path.Combine(_inputs.Path, file);
            File.WriteAllText(path, $"{file}|{pages}");
            store.AddDocument(batch.Id, path, file, "clerk");
        }

        return batch;
    }

    /// <summary>
    /// Reads "name|pages" files; a name starting with "broken" fails after its first page, "cut" fails at once, and
    /// "empty-page" has pages with neither text nor image.
    /// </summary>
    private sealed class PageCountReader : IDocumentReader
    {
        public DocumentFormat Identify(string path) => DocumentFormat.Tiff;

        public IEnumerable<DocumentPage> ReadPages(string path)
        {
            var parts = File.ReadAllText(path).Split('|');
            var pages = int.Parse(parts[1], CultureInfo.InvariantCulture);
            for (var i = 1; i <= pages; i++)
            {
                if (parts[0].StartsWith("broken", StringComparison.Ordinal) && i == 2)
                {
                    throw new DocumentReadException(parts[0], DocumentProblem.Truncated);
                }

                // Cut off at once, reported (as the real reader does) for the path it was given: the stored copy.
                if (parts[0].StartsWith("cut", StringComparison.Ordinal))
                {
                    throw new DocumentReadException(path, DocumentProblem.Truncated);
                }

                if (parts[0].StartsWith("empty-page", StringComparison.Ordinal))
                {
                    yield return DocumentPage.FromText(i, new OcrPage(8, 8, 300, 0, "pdf-text", []));
                    continue;
                }

                var label = System.Text.Encoding.UTF8.GetBytes($"{parts[0]}:{i}");
                var pixels = new byte[64];
                label.CopyTo(pixels, 0);
                yield return DocumentPage.FromImage(i, new RasterImage(8, 8, PixelFormat.Gray8, pixels, 300));
            }
        }
    }

    private sealed class CountingEngine : IOcrEngine
    {
        private int _calls;

        public int CancelAfter { get; init; } = int.MaxValue;

        public CancellationTokenSource? Cancel { get; init; }

        public int Calls => _calls;

        public string Languages => "fake";

        public int Concurrency { get; init; } = 2;

        public async Task<OcrPage> RecognizeAsync(RasterImage page, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _calls) > CancelAfter)
            {
                await Cancel!.CancelAsync();
            }

            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            var text = System.Text.Encoding.UTF8.GetString(page.Pixels).TrimEnd('\0');
            var box = new PixelBox(0, 0, 8, 8);
            return new OcrPage(8, 8, 300, 90, Languages, [new OcrLine(text, box, [new OcrWord(text, box, 90)])]);
        }

        public void Dispose()
        {
        }
    }

    private sealed class TinyEncoder : IPageImageEncoder
    {
        public EncodedPageImage Encode(RasterImage image) => ArchiveTestData.Jpeg();
    }
}
