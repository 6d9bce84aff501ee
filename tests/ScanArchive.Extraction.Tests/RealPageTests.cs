using ScanArchive.Core.Extraction;
using ScanArchive.Extraction.Normalization;
using ScanArchive.Imaging;
using ScanArchive.Ocr;
using ScanArchive.TestSupport;

namespace ScanArchive.Extraction.Tests;

/// <summary>One real two-worker pool (chi_sim+eng) shared by the end-to-end tests.</summary>
public sealed class EngineFixture : IDisposable
{
    public TesseractEnginePool Pool { get; } = TesseractEnginePool.Create(new TesseractOptions { Workers = 2 });

    public void Dispose() => Pool.Dispose();
}

/// <summary>Recognizes sample pages with the real engine and checks extraction against their ground truth.</summary>
public class RealPageTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    public static TheoryData<string> Pages => ["en-customer-registration.jpg", "zh-customer-registration.png", "zh-invoice.jpg"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Fields_and_type_of_a_recognized_sample_page_match_its_ground_truth(string name)
    {
        var sample = SamplePages.First(p => Path.GetFileName(p.ImagePath) == name, name);
        var image = new DocumentReader().ReadPages(sample.ImagePath).First().Image!;
        var page = await engine.Pool.RecognizeAsync(image);

        var extraction = new FieldExtractor().Extract([page]);

        Assert.Equal(sample.DocType, extraction.DocType);
        var found = extraction.Fields.ToDictionary(f => f.Key, f => f.Value);
        var right = sample.Fields.Count(t => found.TryGetValue(t.Key, out var v) && Same(t.Value, v));
        var wrong = found.Count(f => sample.Fields.TryGetValue(f.Key, out var t) ? !Same(t, f.Value) : true);

        // The engine misreads a few handwritten values (a 楷体 name); the rest must come out right and nothing invented.
        Assert.True(right >= sample.Fields.Count * 0.8, $"{right}/{sample.Fields.Count} right: {string.Join(", ", found)}");
        Assert.True(wrong <= 1, $"{wrong} wrong: {string.Join(", ", found)}");
        Assert.All(extraction.Fields, f =>
        {
            Assert.InRange(f.Confidence, 0, 1);
            Assert.True(f.Box.Width > 0 && f.Box.Right <= page.Width && f.Box.Bottom <= page.Height);
        });
    }

    /// <summary>Compared as score.py compares fields: case, spaces and punctuation aside.</summary>
    private static bool Same(string a, string b) => HalfWidth.LabelKey(a) == HalfWidth.LabelKey(b);
}
