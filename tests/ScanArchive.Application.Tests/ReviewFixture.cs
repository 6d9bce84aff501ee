using Microsoft.Extensions.DependencyInjection;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.TestSupport;

namespace ScanArchive.Application.Tests;

/// <summary>The application composed over a real LiteDB archive in a temporary data folder, with batches in review.</summary>
internal sealed class ReviewFixture : IDisposable
{
    private readonly TempDirectory _folder = new();

    public ReviewFixture()
    {
        Services = new ServiceCollection().AddScanArchive(new ScanArchiveOptions { DataFolder = _folder.Path }).BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public IArchiveStore Store => Services.GetRequiredService<ArchiveHost>().Store;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A batch created by <paramref name="clerk"/> with one-page documents (real JPEG pages), ready for review.</summary>
    public Batch ReadyBatch(string name, int documents, string clerk = "clerk1")
    {
        var batch = Store.CreateBatch(name, clerk);
        var jpeg = File.ReadAllBytes(TestPaths.SampleScan("en-invoice.jpg"));
        for (var i = 1; i <= documents; i++)
        {
            var document = Store.AddDocument(batch.Id, TestPaths.SampleScan("en-invoice.jpg"), $"{name}-{i}.jpg", clerk);
            var ocr = new OcrPage(2480, 3508, 300, 90, "eng", [new OcrLine($"{name} page {i}", new PixelBox(100, 100, 800, 40), [new OcrWord($"{name}", new PixelBox(100, 100, 800, 40), 90)])]);
            Store.SavePage(new PageResult(batch.Id, document.Id, 1, ocr, new EncodedPageImage(jpeg, PageImageKind.Jpeg, 2480, 3508, 300), null));
            Store.UpdateDocument(document with
            {
                Status = DocumentStatus.Done,
                PageCount = 1,
                DocumentType = "invoice",
                Fields =
                [
                    new Core.Analysis.ExtractedField("phone", "13812345678", "138 1234 5678", 0.9, 1, new PixelBox(10, 10, 200, 30)),

                    // An invoice's required field (Data/required-fields.json), valid: approval waits for pages only.
                    new Core.Analysis.ExtractedField("amount", "100.00", "¥100.00", 0.95, 1, new PixelBox(10, 60, 200, 30)) { Validation = Core.Extraction.FieldValidation.Valid },
                ],
            });
        }

        Store.MoveBatch(batch.Id, BatchState.Processing, clerk);
        return Store.MoveBatch(batch.Id, BatchState.ReadyForReview, clerk);
    }

    public void Dispose()
    {
        Services.Dispose();
        _folder.Dispose();
    }
}
