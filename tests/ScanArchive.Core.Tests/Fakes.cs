using ScanArchive.Core.Documents;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Core.Tests;

/// <summary>A reader whose "files" are page counts; a name starting with "bad" fails after its first page.</summary>
internal sealed class FakeReader : IDocumentReader
{
    private int _decodedNotRecognized;

    public int MaxOutstanding { get; private set; }

    public DocumentFormat Identify(string path) => DocumentFormat.Png;

    public IEnumerable<DocumentPage> ReadPages(string path)
    {
        var pages = int.Parse(path.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 1; i <= pages; i++)
        {
            if (path.StartsWith("bad", StringComparison.Ordinal) && i == 2)
            {
                throw new DocumentReadException(path, DocumentProblem.Truncated);
            }

            MaxOutstanding = Math.Max(MaxOutstanding, Interlocked.Increment(ref _decodedNotRecognized));
            var pixels = new byte[16];
            pixels[0] = (byte)i;
            yield return DocumentPage.FromImage(i, new RasterImage(4, 4, PixelFormat.Gray8, pixels, 300));
        }
    }

    public void Recognized() => Interlocked.Decrement(ref _decodedNotRecognized);
}

/// <summary>An engine that answers after a per-page delay, so that later pages can finish first.</summary>
internal sealed class FakeEngine(FakeReader reader, int concurrency, Func<RasterImage, int> delayMs) : IOcrEngine
{
    private int _running;

    public string Languages => "fake";

    public int Concurrency => concurrency;

    public int MaxRunning { get; private set; }

    public async Task<OcrPage> RecognizeAsync(RasterImage page, CancellationToken cancellationToken = default)
    {
        var running = Interlocked.Increment(ref _running);
        MaxRunning = Math.Max(MaxRunning, running);
        try
        {
            await Task.Delay(delayMs(page), cancellationToken);
            var text = $"page{page.Pixels[0]}";
            var box = new PixelBox(0, 0, 4, 4);
            return new OcrPage(4, 4, 300, 90, Languages, [new OcrLine(text, box, [new OcrWord(text, box, 90)])]);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            reader.Recognized();
        }
    }

    public void Dispose()
    {
    }
}
