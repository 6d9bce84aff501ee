using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ScanArchive.Application;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.TestSupport;

namespace ScanArchive.Web.Tests;

/// <summary>Batches put straight into the server's archive for the review routes (no recognition run), and polling helpers.</summary>
internal static class ReviewSeed
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    /// <summary>
    /// A batch ready for review created by the clerk: <paramref name="documents"/> documents of
    /// <paramref name="pagesPerDocument"/> pages, each page the real en-invoice.jpg image with one recognized word.
    /// </summary>
    public static Batch Ready(WorkstationServer server, string name, int documents, int pagesPerDocument, string documentType = "invoice", IReadOnlyList<ExtractedField>? fields = null)
    {
        var store = server.App.Services.GetRequiredService<ArchiveHost>().Store;
        var clerk = WorkstationServer.UserOf(Core.Accounts.Role.Clerk);
        var batch = store.CreateBatch(name, clerk);
        var path = TestPaths.SampleScan("en-invoice.jpg");
        var jpeg = File.ReadAllBytes(path);
        var (width, height) = Size(jpeg);
        for (var d = 1; d <= documents; d++)
        {
            var document = store.AddDocument(batch.Id, path, $"{name}-{d}.pdf", clerk);
            for (var p = 1; p <= pagesPerDocument; p++)
            {
                var word = new OcrWord($"word{d}x{p}", new PixelBox(100, 100 * p, 300, 40), 91);
                var ocr = new OcrPage(width, height, 300, 91, "eng", [new OcrLine(word.Text, word.Box, [word])]);
                store.SavePage(new PageResult(batch.Id, document.Id, p, ocr, new EncodedPageImage(jpeg, PageImageKind.Jpeg, width, height, 300), null));
            }

            store.UpdateDocument(document with
            {
                Status = DocumentStatus.Done,
                PageCount = pagesPerDocument,
                DocumentType = documentType,
                Fields = fields ?? [new ExtractedField(FieldKeys.Amount, "100.00", "¥100.00", 0.95, 1, new PixelBox(10, 60, 200, 30)) { Validation = FieldValidation.Valid }],
            });
        }

        store.MoveBatch(batch.Id, BatchState.Processing, clerk);
        return store.MoveBatch(batch.Id, BatchState.ReadyForReview, clerk);
    }

    public static IArchiveStore Store(WorkstationServer server) => server.App.Services.GetRequiredService<ArchiveHost>().Store;

    public static (int Width, int Height) Size(byte[] image)
    {
        using var magick = new ImageMagick.MagickImage(image);
        return ((int)magick.Width, (int)magick.Height);
    }

    /// <summary>Polls the batch until <paramref name="done"/> holds (bounded).</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, string name, Func<JsonElement, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        JsonElement batch;
        do
        {
            batch = await client.GetFromJsonAsync<JsonElement>($"api/batches/{name}");
            if (done(batch))
            {
                return batch;
            }

            await Task.Delay(200);
        }
        while (clock.Elapsed < Timeout);

        Assert.Fail($"Batch {name}: {what} did not happen within {Timeout.TotalSeconds} s.");
        return batch;
    }

    public static IEnumerable<JsonElement> ReviewDocuments(JsonElement batch) => batch.GetProperty("reviewDocuments").EnumerateArray();

    public static IEnumerable<JsonElement> ReviewPages(JsonElement batch) => ReviewDocuments(batch).SelectMany(d => d.GetProperty("pages").EnumerateArray());
}
