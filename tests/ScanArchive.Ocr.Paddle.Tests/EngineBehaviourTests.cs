using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.TestSupport;
using Xunit.Abstractions;

namespace ScanArchive.Ocr.Paddle.Tests;

[Collection(PaddleCollection.Name)]
public sealed class EngineBehaviourTests(PaddleFixture engines, ITestOutputHelper output)
{
    /// <summary>How long a test waits for a cancelled or loaded engine before failing (not a sleep: a bound).</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    [Fact]
    public void Missing_model_files_give_a_clear_bilingual_error()
    {
        using var empty = new TempDirectory();
        var ex = Assert.Throws<OcrException>(() => PaddleOcrEngine.Create(new PaddleOptions { ModelsPath = empty.Path, Workers = 1 }));
        Assert.Contains(PaddleModelFiles.DetectionFile, ex.Message, StringComparison.Ordinal);
        Assert.Contains("tools/prerequisites.sh", ex.Message, StringComparison.Ordinal);
    }

    // Known defect, kept visible rather than deleted: on a page turned 180° the text is not read yet (suspects: the
    // classifier's input or its 180° label in PaddleEngine.Classify). Issue 19 stays open until it passes.
    [Fact(Skip = "Known defect (issue 19): the direction classifier does not turn upside-down lines yet.")]
    public async Task Upside_down_page_is_read_by_the_direction_classifier()
    {
        var page = PaddleFixture.Decode("zh-invoice.jpg");
        var turned = Turn180(page);
        var ocr = await engines.Paddle.RecognizeAsync(turned);
        var truth = Truth("zh-invoice.jpg");
        var cer = TextMetrics.CerNoSpace(truth, string.Concat(ocr.Lines.OrderBy(l => -l.Box.Y).Select(l => l.Text)));
        output.WriteLine($"upside down: CERns (order-insensitive check) {cer:F3}");
        Assert.Contains(ocr.Lines, l => l.Text.Contains("电子发票", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Photo_like_page_blurred_and_dim_is_still_read()
    {
        var page = PaddleFixture.Decode("qc-low-contrast-zh-service-record.jpg");
        var truth = Truth("qc-low-contrast-zh-service-record.jpg");
        var ocr = await engines.Paddle.RecognizeAsync(page);
        var cer = TextMetrics.CerNoSpace(truth, ReadingOrder.Text(ocr.Lines));
        output.WriteLine($"low contrast: CERns {cer:F3}");
        Assert.True(cer < 0.15, $"CERns {cer:F3}");
    }

    // Known defect, kept visible rather than deleted: auto reads the generated Chinese invoice worse than Tesseract
    // alone (CERns 0.056 vs 0.014; Tesseract word pieces no PP-OCR line replaced are left over in LineMerger), which
    // is why the default engine stays tesseract. Issue 19 stays open until it passes.
    [Fact(Skip = "Known defect (issue 19): LineMerger leaves Tesseract word pieces beside PP-OCR lines; auto is not the default.")]
    public async Task Auto_reads_Chinese_lines_with_PP_OCR_and_Latin_text_with_Tesseract()
    {
        var zh = PaddleFixture.Decode("zh-invoice.jpg");
        var hybrid = await engines.Hybrid.RecognizeAsync(zh);

        // PP-OCR's lines carry its per-character symbols on every word; Tesseract's Latin words have none.
        var chinese = hybrid.Lines.SelectMany(l => l.Words).Where(w => w.Text.Any(OcrText.IsCjk)).ToList();
        Assert.NotEmpty(chinese);
        Assert.All(chinese, w => Assert.Equal(w.Text.Length, w.Symbols!.Sum(s => s.Text.Length)));
        Assert.NotNull(hybrid.TextLayerPdf);

        var truth = Truth("zh-invoice.jpg");
        var tesseract = await engines.Tesseract.RecognizeAsync(zh);
        var cerHybrid = TextMetrics.CerNoSpace(truth, ReadingOrder.Text(hybrid.Lines));
        var cerTesseract = TextMetrics.CerNoSpace(truth, ReadingOrder.Text(tesseract.Lines));
        output.WriteLine($"zh-invoice CERns: auto {cerHybrid:F4}, tesseract {cerTesseract:F4}\n{ReadingOrder.Text(hybrid.Lines)}\n----\n{ReadingOrder.Text(tesseract.Lines)}");
        Assert.True(cerHybrid <= cerTesseract + 0.01, $"auto {cerHybrid:F4} vs tesseract {cerTesseract:F4}");

        // An English page: Tesseract's reading, untouched.
        var en = PaddleFixture.Decode("en-invoice.jpg");
        var enHybrid = await engines.Hybrid.RecognizeAsync(en);
        Assert.False(HybridOcrEngine.NeedsPaddle(enHybrid));
        Assert.Contains(enHybrid.Lines, l => l.Text.Contains("Thank you for your business", StringComparison.Ordinal));
    }

    [Fact]
    public void Mixed_line_keeps_Tesseract_Latin_words_and_PP_OCR_Chinese()
    {
        // Tesseract read "客户 Name: Zhang" with garbled Chinese; PP-OCR read the whole line without spaces.
        var t = new OcrPage(1000, 200, 300, 80, "chi_sim+eng",
        [
            new OcrLine("容尸 Name: Zhang", new PixelBox(10, 10, 500, 40),
            [
                new OcrWord("容尸", new PixelBox(10, 10, 80, 40), 40),
                new OcrWord("Name:", new PixelBox(120, 10, 120, 40), 92),
                new OcrWord("Zhang", new PixelBox(260, 10, 250, 40), 95),
            ], 3),
        ]);
        var box = new RotatedBox(260, 30, 1, 0, 500, 44, 0.9f);
        var chars = new List<PaddleCharacter> { new("客", 0, 40, 0.99f), new("户", 40, 80, 0.97f) };
        chars.AddRange("Name:Zhang".Select((c, i) => new PaddleCharacter(c.ToString(), 110 + (i * 38), 110 + ((i + 1) * 38), 0.9f)));
        var merged = LineMerger.Merge(t, [new PaddleLine(box, false, chars)], 1000, 200);
        var line = Assert.Single(merged);
        Assert.Equal("客户 Name: Zhang", line.Text);
        Assert.Equal(3, line.Block);
    }

    [Fact]
    public async Task Cancelling_stops_a_queued_or_running_page()
    {
        var page = PaddleFixture.Decode("zh-contract.jpg");
        using var cts = new CancellationTokenSource();
        var tasks = Enumerable.Range(0, 4).Select(_ => engines.Paddle.RecognizeAsync(page, cts.Token)).ToList();
        await cts.CancelAsync();
        var all = Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        Assert.Same(all, await Task.WhenAny(all, Task.Delay(Bound)));
        Assert.All(tasks, t => Assert.True(t.IsCanceled || t.IsCompletedSuccessfully));
        Assert.Contains(tasks, t => t.IsCanceled);
        Assert.True((await engines.Paddle.RecognizeAsync(page)).Lines.Count > 10, "the pool still works after a cancellation");
    }

    [Fact]
    public async Task Pool_under_load_gives_every_caller_the_same_reading()
    {
        var page = PaddleFixture.Decode("en-invoice.jpg");
        var readings = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => engines.Paddle.RecognizeAsync(page))))
            .WaitAsync(Bound);
        var first = ReadingOrder.Text(readings[0].Lines);
        Assert.True(first.Length > 200);
        Assert.All(readings, r => Assert.Equal(first, ReadingOrder.Text(r.Lines)));
        Assert.Equal(2, engines.Paddle.Concurrency);
    }

    private static string Truth(string name) => SamplePages.All.Single(p => Path.GetFileName(p.ImagePath) == name).Text;

    private static RasterImage Turn180(RasterImage page)
    {
        var bpp = page.BytesPerPixel;
        var pixels = new byte[page.Width * page.Height * bpp];
        for (var y = 0; y < page.Height; y++)
        {
            var row = page.Row(y);
            for (var x = 0; x < page.Width; x++)
            {
                row.Slice(x * bpp, bpp).CopyTo(pixels.AsSpan((((page.Height - 1 - y) * page.Width) + (page.Width - 1 - x)) * bpp));
            }
        }

        return new RasterImage(page.Width, page.Height, page.Format, pixels, page.Dpi);
    }
}
