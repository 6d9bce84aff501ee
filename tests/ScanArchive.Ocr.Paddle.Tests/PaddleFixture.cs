using ScanArchive.Core.Imaging;
using ScanArchive.Imaging;
using ScanArchive.Ocr;
using ScanArchive.TestSupport;

namespace ScanArchive.Ocr.Paddle.Tests;

/// <summary>
/// Real engines shared by the tests: a two-worker PP-OCR pool (models from models/ppocr/, installed by
/// tools/prerequisites.sh) and a two-worker Tesseract pool, and the hybrid reader over both.
/// </summary>
public sealed class PaddleFixture : IDisposable
{
    public PaddleFixture()
    {
        Paddle = PaddleOcrEngine.Create(new PaddleOptions { Workers = 2 });
        Tesseract = TesseractEnginePool.Create(new TesseractOptions { Workers = 2, RenderTextLayer = true });
        Hybrid = new HybridOcrEngine(Tesseract, Paddle, ownsEngines: false);
    }

    public PaddleOcrEngine Paddle { get; }

    public TesseractEnginePool Tesseract { get; }

    public HybridOcrEngine Hybrid { get; }

    public static RasterImage Decode(string sampleName) =>
        new DocumentReader().ReadPages(TestPaths.SampleScan(sampleName)).First().Image ?? throw new InvalidOperationException($"{sampleName} has no image");

    public void Dispose()
    {
        Hybrid.Dispose();
        Paddle.Dispose();
        Tesseract.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PaddleCollection : ICollectionFixture<PaddleFixture>
{
    public const string Name = "paddle";
}
