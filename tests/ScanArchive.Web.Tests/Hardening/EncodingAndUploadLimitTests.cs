using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ScanArchive.Application;
using ScanArchive.Application.Capture;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.TestSupport;

namespace ScanArchive.Web.Tests.Hardening;

/// <summary>
/// What a scan says is shown as text: an XSS payload read by OCR, extracted into a field and carried in the uploaded
/// file's name comes back HTML-encoded on the batch detail page (and as JSON, not HTML, from the API). And an
/// upload larger than the per-file limit is refused with a clear message, the file not stored.
/// </summary>
[Collection(WorkstationCollection.Name)]
public sealed class EncodingAndUploadLimitTests(WorkstationServer server)
{
    private const string Payload = "<script>alert('xss')</script><img src=x onerror=alert(1)>";

    [Fact]
    public async Task Xss_payloads_in_ocr_text_fields_and_file_names_are_encoded_on_the_batch_page()
    {
        var name = "xss-" + Guid.NewGuid().ToString("N")[..8];
        var store = server.App.Services.GetRequiredService<ArchiveHost>().Store;
        var clerk = WorkstationServer.UserOf(Role.Clerk);
        var batch = store.CreateBatch(name, clerk);
        var path = TestPaths.SampleScan("en-invoice.jpg");
        var jpeg = await File.ReadAllBytesAsync(path);
        var (width, height) = ReviewSeed.Size(jpeg);
        var document = store.AddDocument(batch.Id, path, Payload + ".jpg", clerk);
        var word = new OcrWord(Payload, new PixelBox(100, 100, 300, 40), 91);
        var ocr = new OcrPage(width, height, 300, 91, "eng", [new OcrLine(word.Text, word.Box, [word])]);
        store.SavePage(new PageResult(batch.Id, document.Id, 1, ocr, new EncodedPageImage(jpeg, PageImageKind.Jpeg, width, height, 300), null));
        store.UpdateDocument(document with
        {
            Status = DocumentStatus.Done,
            PageCount = 1,
            DocumentType = "invoice",
            Fields = [new ExtractedField(FieldKeys.CustomerName, Payload, Payload, 0.95, 1, new PixelBox(10, 60, 200, 30)) { Validation = FieldValidation.Valid }],
        });
        store.MoveBatch(batch.Id, BatchState.Processing, clerk);
        store.MoveBatch(batch.Id, BatchState.ReadyForReview, clerk);

        using var reviewer = await server.CookieAsync(WorkstationServer.UserOf(Role.Reviewer));
        var html = await reviewer.GetStringAsync($"batches/{name}");
        Assert.Contains("data-testid=\"field-row\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);

        // The API hands the text out as JSON (never sniffed as HTML), the payload intact as data.
        var response = await reviewer.GetAsync($"api/batches/{name}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(Payload, json.GetRawText().Replace("\\u003C", "<", StringComparison.Ordinal).Replace("\\u003E", ">", StringComparison.Ordinal).Replace("\\u0027", "'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_over_the_file_limit_is_refused_with_a_clear_message()
    {
        using var clerk = await server.BearerAsync(Role.Clerk);
        var name = "big-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("api/batches", new { name })).StatusCode);
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(new ZeroStream(UploadService.MaxFileBytes + 1), 1 << 20);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "files", "huge.png");
        var response = await clerk.PostAsync($"api/batches/{name}/files", form);
        Assert.True(response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var refused = problem.GetProperty("refused").EnumerateArray().Single();
        Assert.Equal("huge.png", refused.GetProperty("name").GetString());
        Assert.Contains($"{UploadService.MaxFileBytes / (1024 * 1024)} MB", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        var batch = await clerk.GetFromJsonAsync<JsonElement>($"api/batches/{name}");
        Assert.Empty(batch.GetProperty("documents").EnumerateArray());
    }

    /// <summary>A stream of zeros of a given length, so the test does not hold hundreds of megabytes.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
