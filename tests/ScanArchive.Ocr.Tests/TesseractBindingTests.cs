using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.TestSupport;

namespace ScanArchive.Ocr.Tests;

/// <summary>The binding against the real libtesseract.so.5, on the project's sample scans.</summary>
[Collection(EngineCollection.Name)]
public partial class TesseractBindingTests(EngineFixture engine)
{
    [Fact]
    public async Task English_page_gives_words_with_boxes_on_the_ink_and_confidences()
    {
        var sample = SamplePages.First(p => p.Language == "en" && p.IsCleanDocument && p.Fields.ContainsKey("customer_no"), "a clean English page with a customer number");
        var image = EngineFixture.Decode(sample);

        var page = await engine.Pool.RecognizeAsync(image);

        Assert.Equal("chi_sim+eng", page.Languages);
        Assert.Equal(image.Dpi, page.Dpi);
        Assert.Equal((image.Width, image.Height), (page.Width, page.Height));
        Assert.InRange(page.MeanConfidence, 70, 100);
        var words = page.Lines.SelectMany(l => l.Words).ToList();
        Assert.True(words.Count > 30, $"only {words.Count} words recognized");
        foreach (var line in page.Lines)
        {
            Assert.All(line.Words, w => Assert.Equal(line.Box, line.Box.Union(w.Box)));
        }

        Assert.All(words, w =>
        {
            Assert.False(string.IsNullOrWhiteSpace(w.Text));
            Assert.InRange(w.Confidence, 0, 100);
            Assert.True(w.Box.X >= 0 && w.Box.Y >= 0 && w.Box.Right <= page.Width && w.Box.Bottom <= page.Height, $"{w.Text} at {w.Box} is off the page");
        });

        // The customer number is found as a word whose box covers printed ink of text size.
        var customerNo = sample.Fields["customer_no"];
        var word = Assert.Single(words, w => w.Text.Contains(customerNo, StringComparison.Ordinal));
        Assert.InRange(word.Box.Height, 15, 120);
        Assert.True(InkInside(image, word.Box) > 0.05, $"no ink under the box of '{word.Text}'");

        // Most ground-truth words are recognized exactly.
        var truth = Words().Matches(sample.Text).Select(m => m.Value).ToList();
        var recognized = words.Select(w => w.Text).ToHashSet();
        Assert.True(truth.Count(recognized.Contains) >= truth.Count * 0.9, $"{truth.Count(recognized.Contains)}/{truth.Count} ground-truth words recognized");
    }

    [Fact]
    public async Task Chinese_page_keeps_chinese_runs_without_spaces()
    {
        var sample = SamplePages.First(p => p.Language == "zh" && p.IsCleanDocument && p.Fields.ContainsKey("customer_name"), "a clean Chinese page with a customer name");

        var page = await engine.Pool.RecognizeAsync(EngineFixture.Decode(sample));

        var text = ReadingOrder.Text(page.Lines);
        Assert.Contains(sample.Fields["customer_name"], text, StringComparison.Ordinal);
        Assert.Contains(page.Lines.SelectMany(l => l.Words), w => w.Text.Any(OcrText.IsCjk) && w.Confidence > 80);
    }

    [Fact]
    public async Task Skewed_page_is_straightened_before_recognition()
    {
        var sample = SamplePages.First(p => Math.Abs(p.Number("skewDegrees")) >= 3 && p.Number("rotation") == 0, "strongly skewed");

        var page = await engine.Pool.RecognizeAsync(EngineFixture.Decode(sample));

        Assert.InRange(Math.Abs(page.SkewCorrectedDegrees), Math.Abs(sample.Number("skewDegrees")) - 0.5, Math.Abs(sample.Number("skewDegrees")) + 0.5);
        Assert.InRange(page.MeanConfidence, 60, 100);
    }

    [Fact]
    public async Task Low_resolution_page_is_enlarged_and_boxes_come_back_in_its_own_pixels()
    {
        var sample = SamplePages.First(p => p.Flag("lowResolution") && p.Number("rotation") == 0, "low resolution");
        var image = EngineFixture.Decode(sample);

        var page = await engine.Pool.RecognizeAsync(image);

        Assert.True(image.Dpi < 200, $"sample declares {image.Dpi} dpi");
        Assert.Equal(image.Dpi, page.Dpi);
        Assert.True(page.UpscaleFactor >= 2, $"upscale factor {page.UpscaleFactor}");
        var words = page.Lines.SelectMany(l => l.Words).Where(w => w.Text.Length >= 3).ToList();
        Assert.NotEmpty(words);
        Assert.All(words, w => Assert.True(w.Box.Right <= image.Width && w.Box.Bottom <= image.Height));
        Assert.True(words.Average(w => InkInside(image, w.Box)) > 0.05, "word boxes do not sit on the ink of the original image");
    }

    [Fact]
    public void OpenMP_thread_limit_reaches_the_native_environment()
    {
        _ = engine.Pool.Concurrency;
        Assert.Equal("1", Marshal.PtrToStringUTF8(getenv("OMP_THREAD_LIMIT")));
    }

    [Theory]
    [InlineData(300, 2480, 3508, 300)]
    [InlineData(96, 2481, 3508, 0)] // an A4 scan at 300 dpi tagged 96: 36 inches long, not believable
    [InlineData(72, 612, 792, 72)]
    [InlineData(null, 1000, 1000, 0)]
    [InlineData(0, 1000, 1000, 0)]
    public void Implausible_declared_resolutions_are_ignored(int? declared, int width, int height, int expected) =>
        Assert.Equal(expected, TesseractEngine.PlausibleDpi(declared, width, height));

    private static double InkInside(RasterImage image, PixelBox box)
    {
        long dark = 0;
        for (var y = box.Y; y < box.Bottom; y++)
        {
            var row = image.Row(y);
            for (var x = box.X; x < box.Right; x++)
            {
                if (row[x * image.BytesPerPixel] < 128)
                {
                    dark++;
                }
            }
        }

        return dark / (double)Math.Max(1, box.Width * box.Height);
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint getenv(string name);

    [GeneratedRegex(@"[A-Za-z]{4,}")]
    private static partial Regex Words();
}
