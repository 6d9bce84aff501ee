using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.TestSupport;

namespace ScanArchive.Ocr.Tests;

[Collection(EngineCollection.Name)]
public class EnginePoolTests(EngineFixture engine)
{
    private static RasterImage CleanPage(string language) =>
        EngineFixture.Decode(SamplePages.First(p => p.Language == language && p.IsCleanDocument, $"a clean {language} page"));

    [Fact]
    public async Task Concurrent_callers_get_the_same_results_as_sequential_ones()
    {
        var pages = new[] { CleanPage("en"), CleanPage("zh") };
        var sequential = new List<string>();
        foreach (var page in pages)
        {
            sequential.Add(ReadingOrder.Text((await engine.Pool.RecognizeAsync(page)).Lines));
        }

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => engine.Pool.RecognizeAsync(pages[i % 2]))));

        Assert.Equal(2, engine.Pool.Concurrency);
        for (var i = 0; i < concurrent.Length; i++)
        {
            Assert.Equal(sequential[i % 2], ReadingOrder.Text(concurrent[i].Lines));
        }
    }

    [Fact]
    public async Task A_request_cancelled_before_it_starts_never_runs()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var task = engine.Pool.RecognizeAsync(CleanPage("en"), cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.True(task.IsCanceled);
    }

    [Fact]
    public async Task A_queued_request_can_be_cancelled_while_others_complete()
    {
        using var pool = TesseractEnginePool.Create(new TesseractOptions { Workers = 1, Languages = "eng" });
        var page = CleanPage("en");
        using var cts = new CancellationTokenSource();

        var first = pool.RecognizeAsync(page);
        var queued = pool.RecognizeAsync(page, cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.NotEmpty((await first).Lines);
    }

    [Fact]
    public async Task A_running_page_is_stopped_by_cancellation_and_the_worker_goes_on()
    {
        using var pool = TesseractEnginePool.Create(new TesseractOptions { Workers = 1 });
        var page = CleanPage("zh");
        using var cts = new CancellationTokenSource();

        var running = pool.RecognizeAsync(page, cts.Token);
        await Task.Delay(300);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        var next = await pool.RecognizeAsync(page);
        Assert.NotEmpty(next.Lines);
    }

    [Fact]
    public void A_disposed_pool_refuses_work()
    {
        var pool = TesseractEnginePool.Create(new TesseractOptions { Workers = 1, Languages = "eng" });
        pool.Dispose();

        // Thrown at the call, not from the task: a caller learns at once that the pool is gone.
        Assert.Throws<ObjectDisposedException>(() => { _ = pool.RecognizeAsync(TestImages.WhitePageWithBox(100, 100, 300, new PixelBox(10, 10, 5, 5))); });
    }

    [Fact]
    public async Task A_blank_page_gives_no_lines()
    {
        var page = await engine.Pool.RecognizeAsync(TestImages.WhitePageWithBox(2480, 3508, 300, new PixelBox(0, 0, 1, 1)));

        Assert.Empty(page.Lines);
        Assert.Equal(0, page.MeanConfidence);
    }

    [Fact]
    public void Missing_language_data_names_the_package_to_install()
    {
        var error = Assert.Throws<OcrException>(() => TesseractEnginePool.Create(new TesseractOptions { Workers = 1, Languages = "eng+xyzlang" }));

        Assert.Contains("tesseract-ocr-xyzlang", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    [InlineData("eng+/tmp/x")]
    public void Malformed_language_lists_are_rejected(string languages) =>
        Assert.Throws<OcrException>(() => TesseractEnginePool.Create(new TesseractOptions { Workers = 1, Languages = languages }));
}
