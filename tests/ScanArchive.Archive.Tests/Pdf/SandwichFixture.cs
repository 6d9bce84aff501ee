using System.Collections.Concurrent;
using ScanArchive.Archive.Pdf;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Pdf;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Encoders;
using ScanArchive.Ocr;
using ScanArchive.TestSupport;

namespace ScanArchive.Archive.Tests.Pdf;

/// <summary>A sample page decoded, recognized with a text layer, and its image encoded for the PDF.</summary>
public sealed record RecognizedPage(SamplePage Sample, RasterImage Image, OcrPage Ocr, EncodedPageImage Encoded)
{
    public ScannedPdfPage PdfPage => ScannedPdfPage.FromRecognition(Encoded, Ocr);
}

/// <summary>
/// The real chain, shared by the PDF tests: DocumentReader → Tesseract (chi_sim+eng, text layers on) →
/// PageImageEncoder. Each sample page is recognized once per test run.
/// </summary>
public sealed class SandwichFixture : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RecognizedPage>>> _pages = new();

    // Without the Chinese second look: the text layer shows Tesseract's first reading, so only then can the tests
    // demand that it matches the returned words exactly (a known gap, see README "Archiving").
    public TesseractEnginePool Pool { get; } = TesseractEnginePool.Create(new TesseractOptions { Workers = 2, RenderTextLayer = true, LineRecheckLanguages = null });

    public PageImageEncoder Encoder { get; } = new();

    public SearchablePdfBuilder Builder { get; } = new();

    public static RasterImage Decode(SamplePage page) =>
        new DocumentReader().ReadPages(page.ImagePath).First().Image ?? throw new InvalidOperationException($"{page} has no image");

    public static SamplePage Sample(string fileName) =>
        SamplePages.First(p => Path.GetFileName(p.ImagePath) == fileName, fileName);

    public Task<RecognizedPage> RecognizeAsync(string sampleFileName) =>
        _pages.GetOrAdd(sampleFileName, name => new Lazy<Task<RecognizedPage>>(() => LoadAsync(Sample(name)))).Value;

    public void Dispose()
    {
        Pool.Dispose();
    }

    private async Task<RecognizedPage> LoadAsync(SamplePage sample)
    {
        var image = Decode(sample);
        var ocr = await Pool.RecognizeAsync(image);
        var reader = new DocumentReader();
        var format = reader.Identify(sample.ImagePath);
        var original = format == DocumentFormat.Jpeg ? new OriginalImageFile(await File.ReadAllBytesAsync(sample.ImagePath), format) : null;
        return new RecognizedPage(sample, image, ocr, Encoder.Encode(image, ocr.Dpi, original));
    }
}

[CollectionDefinition(Name)]
public sealed class SandwichCollection : ICollectionFixture<SandwichFixture>
{
    public const string Name = "searchable-pdf";
}
