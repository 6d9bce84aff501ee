using ScanArchive.Archive.Storage;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.TestSupport;

namespace ScanArchive.Archive.Tests;

/// <summary>Builds batches with real JPEG page images (from sample-scans) and hand-made OCR results.</summary>
internal static class ArchiveTestData
{
    public static readonly string JpegPath = TestPaths.SampleScan("en-invoice.jpg");

    public static EncodedPageImage Jpeg()
    {
        var bytes = File.ReadAllBytes(JpegPath);
        var (width, height) = JpegSize(bytes);
        return new EncodedPageImage(bytes, PageImageKind.Jpeg, width, height, 300);
    }

    public static OcrPage Ocr(string text) => new(
        2480,
        3508,
        300,
        90,
        "eng",
        [new OcrLine(text, new PixelBox(100, 100, 800, 40), [new OcrWord(text, new PixelBox(100, 100, 800, 40), 90)])]);

    /// <summary>An approved batch of <paramref name="documents"/> one-page documents.</summary>
    public static Batch ApprovedBatch(IArchiveStore store, string name, int documents = 1, string user = "clerk")
    {
        var batch = store.CreateBatch(name, user);
        for (var i = 1; i <= documents; i++)
        {
            var document = store.AddDocument(batch.Id, JpegPath, $"{name}-{i}.jpg", user);
            store.SavePage(new PageResult(batch.Id, document.Id, 1, Ocr($"{name} page {i}"), Jpeg(), null));
            store.UpdateDocument(document with { Status = DocumentStatus.Done, PageCount = 1 });
        }

        store.MoveBatch(batch.Id, BatchState.Processing, user);
        store.MoveBatch(batch.Id, BatchState.ReadyForReview, user);
        store.SetReview(batch.Id, ReviewStatus.Approved, "reviewer");
        return store.MoveBatch(batch.Id, BatchState.Approved, "reviewer");
    }

    public static LiteDbArchiveStore Open(string folder, TimeProvider? clock = null) => new(new ArchiveStoreOptions(folder, Clock: clock));

    private static (int Width, int Height) JpegSize(byte[] jpeg)
    {
        for (var i = 2; i + 9 < jpeg.Length;)
        {
            if (jpeg[i] != 0xFF)
            {
                i++;
                continue;
            }

            var marker = jpeg[i + 1];
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (marker is >= 0xC0 and <= 0xC3)
            {
                return ((jpeg[i + 7] << 8) | jpeg[i + 8], (jpeg[i + 5] << 8) | jpeg[i + 6]);
            }

            i += 2 + length;
        }

        throw new InvalidDataException("No JPEG frame header.");
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
