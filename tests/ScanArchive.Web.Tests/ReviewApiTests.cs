using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ImageMagick;
using ScanArchive.Core.Accounts;
using ScanArchive.TestSupport;

namespace ScanArchive.Web.Tests;

/// <summary>
/// The review screen's page routes on a really recognized page: the image as stored, thumbnails, crops, words whose
/// boxes land on the ink of the stored image (the page was straightened, so this checks the reading copy's mapping),
/// Chinese characters with their own boxes, a box read on the spot, and validation as you type.
/// </summary>
[Collection(WorkstationCollection.Name)]
public sealed class ReviewApiTests(WorkstationServer server)
{
    [Fact]
    public async Task Image_words_crops_and_a_drawn_box_on_a_recognized_chinese_page()
    {
        var name = "words-" + Guid.NewGuid().ToString("N")[..8];
        using var clerk = await server.BearerAsync(Role.Clerk);
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("api/batches", new { name })).StatusCode);
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(TestPaths.SampleScan("qc-skewed-zh-customer-registration.jpg")));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "files", "skewed.jpg");
            Assert.Equal(HttpStatusCode.Accepted, (await clerk.PostAsync($"api/batches/{name}/files", form)).StatusCode);
        }

        using var reviewer = await server.BearerAsync(Role.Reviewer);
        var batch = await ReviewSeed.WaitAsync(reviewer, name, b => b.GetProperty("state").GetString() == "readyForReview", "recognition");
        var page = ReviewSeed.ReviewPages(batch).Single();
        var pageId = page.GetProperty("id").GetString()!;
        var (width, height) = (page.GetProperty("page").GetProperty("width").GetInt32(), page.GetProperty("page").GetProperty("height").GetInt32());

        // The full image: the stored JPEG, cacheable by its content hash.
        var image = await reviewer.GetAsync($"api/batches/{name}/pages/{pageId}/image");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Contains("private", image.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var etag = image.Headers.ETag!;
        var bytes = await image.Content.ReadAsByteArrayAsync();
        using var full = new MagickImage(bytes);
        Assert.Equal((width, height), ((int)full.Width, (int)full.Height));
        using (var again = new HttpRequestMessage(HttpMethod.Get, $"api/batches/{name}/pages/{pageId}/image"))
        {
            again.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await reviewer.SendAsync(again)).StatusCode);
        }

        // A thumbnail: a JPEG of the asked width, another tag.
        var thumb = await reviewer.GetAsync($"api/batches/{name}/pages/{pageId}/image?w=200");
        Assert.Equal("image/jpeg", thumb.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(etag.Tag, thumb.Headers.ETag!.Tag);
        using (var small = new MagickImage(await thumb.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(200u, small.Width);
            Assert.InRange(small.Height, (uint)(200.0 * height / width) - 2, (uint)(200.0 * height / width) + 2);
        }

        // Words: inside the image, in reading order, on ink. A straightened page's words were read on the page as scanned
        // and carried over: if the mapping were off, the boxes would miss the characters.
        var words = (await reviewer.GetFromJsonAsync<JsonElement>($"api/batches/{name}/pages/{pageId}/words")).EnumerateArray().ToList();
        Assert.True(words.Count > 20, $"only {words.Count} words");
        var lines = words.Select(w => w.GetProperty("line").GetInt32()).ToList();
        Assert.Equal(lines.Order(), lines);
        foreach (var w in words)
        {
            var b = w.GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            Assert.True(b[0] >= 0 && b[1] >= 0 && b[0] + b[2] <= width && b[1] + b[3] <= height, $"{w} outside {width}x{height}");
        }

        var confident = words.Where(w => w.GetProperty("confidence").GetDouble() >= 85 && w.GetProperty("text").GetString()!.Length >= 2).Take(12).ToList();
        Assert.NotEmpty(confident);
        double inkOnWords = 0;
        foreach (var w in confident)
        {
            var b = w.GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            var crop = await reviewer.GetAsync($"api/batches/{name}/pages/{pageId}/image?crop={b[0]},{b[1]},{b[2]},{b[3]}");
            Assert.Equal("image/png", crop.Content.Headers.ContentType?.MediaType);
            using var cut = new MagickImage(await crop.Content.ReadAsByteArrayAsync());
            Assert.Equal(((uint)b[2], (uint)b[3]), (cut.Width, cut.Height));
            inkOnWords += InkShare(cut);
        }

        Assert.True(inkOnWords / confident.Count > 2 * InkShare(full), $"word boxes hold {inkOnWords / confident.Count:P1} ink, the page {InkShare(full):P1}");

        // Chinese words carry their characters, each inside its word, spelling it.
        var chinese = words.Where(w => w.TryGetProperty("chars", out var c) && c.ValueKind == JsonValueKind.Array).ToList();
        Assert.NotEmpty(chinese);
        foreach (var w in chinese)
        {
            var chars = w.GetProperty("chars").EnumerateArray().ToList();
            Assert.Equal(w.GetProperty("text").GetString(), string.Concat(chars.Select(c => c.GetProperty("text").GetString())));
            Assert.All(chars, c => Assert.InRange(c.GetProperty("confidence").GetDouble(), 0, 100));
        }

        // A box drawn around a confident word's line is read again as one line and says the same.
        var target = confident.First(w => w.GetProperty("text").GetString()!.Any(char.IsAsciiDigit) || w.GetProperty("text").GetString()!.Length >= 3);
        var tb = target.GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var read = await reviewer.PostAsJsonAsync($"api/batches/{name}/pages/{pageId}/recognize", new { box = new[] { tb[0] - 6, tb[1] - 6, tb[2] + 12, tb[3] + 12 } });
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var reading = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(target.GetProperty("text").GetString()!, reading.GetProperty("text").GetString()!.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.InRange(reading.GetProperty("confidence").GetDouble(), 1, 100);

        // A box outside the page is refused; a clerk may not use the line reader.
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsJsonAsync($"api/batches/{name}/pages/{pageId}/recognize", new { box = new[] { width + 10, 0, 50, 50 } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync($"api/batches/{name}/pages/{pageId}/recognize", new { box = tb })).StatusCode);

        // Full views are audited (both of them: the 304 too); thumbnails and crops are not.
        using var auditor = await server.BearerAsync(Role.Auditor);
        var views = (await auditor.GetFromJsonAsync<JsonElement>($"api/audit?action=page.image&take=1000")).EnumerateArray()
            .Where(r => r.GetProperty("target").GetString() == name).ToList();
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.Equal(pageId, v.GetProperty("details").GetString()));
    }

    [Theory]
    [InlineData("id_number", "11010819600913403X", "valid", "11010819600913403X")]
    [InlineData("id_number", "110108196009134031", "invalid", null)]
    [InlineData("phone", "138 1234 5678", "valid", "13812345678")]
    [InlineData("phone", "12345", "invalid", null)]
    [InlineData("document_date", "2026年3月5日", "valid", "2026-03-05")]
    [InlineData("document_date", "2026-02-30", "invalid", null)]
    [InlineData("customer_name", "", "missing", null)]
    public async Task Validation_as_you_type(string key, string value, string state, string? normalized)
    {
        using var reviewer = await server.BearerAsync(Role.Reviewer);
        var response = await reviewer.PostAsJsonAsync("api/validate", new { key, value });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(state, check.GetProperty("validation").GetString());
        if (normalized is not null)
        {
            Assert.Equal(normalized, check.GetProperty("normalized").GetString());
        }

        Assert.Equal(state == "valid", check.GetProperty("message").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task A_capital_amount_is_validated_and_read()
    {
        using var reviewer = await server.BearerAsync(Role.Reviewer);
        var check = await (await reviewer.PostAsJsonAsync("api/validate", new { key = "amount", value = "壹万零伍佰元整" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("valid", check.GetProperty("validation").GetString());
        Assert.Equal("10500.00", check.GetProperty("normalized").GetString());
    }

    /// <summary>Share of clearly dark pixels.</summary>
    private static double InkShare(MagickImage image)
    {
        using var grey = (MagickImage)image.Clone();
        grey.ColorType = ColorType.Grayscale;
        grey.Depth = 8;
        var pixels = grey.ToByteArray(MagickFormat.Gray);
        return pixels.Count(p => p < 128) / (double)pixels.Length;
    }
}
