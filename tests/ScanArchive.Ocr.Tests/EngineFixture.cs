using ScanArchive.Core.Imaging;
using ScanArchive.Imaging;
using ScanArchive.Ocr;
using ScanArchive.TestSupport;

namespace ScanArchive.Ocr.Tests;

/// <summary>One real two-worker pool (chi_sim+eng) shared by the tests: starting engines costs ~0.3 s each.</summary>
public sealed class EngineFixture : IDisposable
{
    public TesseractEnginePool Pool { get; } = TesseractEnginePool.Create(new TesseractOptions { Workers = 2 });

    public static RasterImage Decode(SamplePage page) =>
        new DocumentReader().ReadPages(page.ImagePath).First().Image ?? throw new InvalidOperationException($"{page} has no image");

    public void Dispose() => Pool.Dispose();
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "tesseract";
}
