using System.Diagnostics;
using ScanArchive.Core.Ocr;
using ScanArchive.TestSupport;
using Xunit.Abstractions;

namespace ScanArchive.Ocr.Paddle.Tests;

[Collection(PaddleCollection.Name)]
public sealed class PaddleEngineTests(PaddleFixture engines, ITestOutputHelper output)
{
    /// <summary>Whitespace-free CER PP-OCR must reach on a clean generated page (Tesseract reads these at 0.01–0.02).</summary>
    private const double MaxCleanPageCer = 0.08;

    [Theory]
    [InlineData("zh-contract.jpg")]
    [InlineData("zh-invoice.jpg")]
    [InlineData("en-invoice.jpg")]
    [InlineData("zh-customer-registration.png")]
    public async Task Reads_clean_sample_pages_close_to_their_ground_truth(string name)
    {
        var page = PaddleFixture.Decode(name);
        var truth = SamplePages.All.Single(p => Path.GetFileName(p.ImagePath) == name).Text;
        var watch = Stopwatch.StartNew();
        var ocr = await engines.Paddle.RecognizeAsync(page);
        var text = ReadingOrder.Text(ocr.Lines);
        var cer = TextMetrics.CerNoSpace(truth, text);
        output.WriteLine($"{name}: {watch.ElapsedMilliseconds} ms, {ocr.Lines.Count} lines, CERns {cer:F4}\n{text}");
        Assert.True(cer <= MaxCleanPageCer, $"CERns {cer:F4} > {MaxCleanPageCer}");
        Assert.All(ocr.Lines.SelectMany(l => l.Words), w =>
        {
            Assert.InRange(w.Box.Right, 1, page.Width);
            Assert.InRange(w.Box.Bottom, 1, page.Height);
            Assert.InRange(w.Confidence, 0, 100);
            Assert.Equal(w.Text, string.Concat(w.Symbols!.Select(s => s.Text)));
        });
    }
}
