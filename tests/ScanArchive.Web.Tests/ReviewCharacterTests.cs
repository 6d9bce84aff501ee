using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.TestSupport;

namespace ScanArchive.Web.Tests;

/// <summary>The character check (doubtful characters grouped, confirmed or fixed) and "save as template", through the API.</summary>
[Collection(WorkstationCollection.Name)]
public sealed class ReviewCharacterTests(WorkstationServer server)
{
    [Fact]
    public async Task Doubtful_characters_are_listed_by_group_and_fixes_reach_the_page_text_and_the_entry()
    {
        var name = "chars-" + Guid.NewGuid().ToString("N")[..8];
        var batch = ReviewSeed.Ready(server, name, documents: 1, pagesPerDocument: 1);
        var store = ReviewSeed.Store(server);
        var page = store.Pages(batch.Id).Single();

        // A Chinese line read with three doubtful characters (two of them 三) and two sure ones.
        OcrWord Word(string text, int x, params float[] confidences) => new(text, new PixelBox(x, 200, 40 * text.Length, 40), confidences.Average())
        {
            Symbols = [.. text.Select((c, i) => new OcrSymbol(c.ToString(), new PixelBox(x + (40 * i), 200, 40, 40), confidences[i]))],
        };
        var words = new[] { Word("张三丰", 100, 40, 55, 95), Word("李三", 300, 90, 35) };
        var line = new OcrLine(OcrText.JoinWords(words.Select(w => w.Text)), new PixelBox(100, 200, 280, 40), words);
        store.SavePage(new PageResult(batch.Id, page.DocumentId, page.PageNumber, page.Ocr with { Lines = [line] },
            new EncodedPageImage(await File.ReadAllBytesAsync(TestPaths.SampleScan("en-invoice.jpg")), PageImageKind.Jpeg, page.Ocr.Width, page.Ocr.Height, 300), null));

        using var clerk = await server.BearerAsync(Role.Clerk);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"api/batches/{name}/characters")).StatusCode);

        using var reviewer = await server.BearerAsync(Role.Reviewer);
        var check = await reviewer.GetFromJsonAsync<JsonElement>($"api/batches/{name}/characters?below=0.6");
        Assert.Equal(3, check.GetProperty("total").GetInt32());
        var groups = check.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["三", "张"], groups.Select(g => g.GetProperty("text").GetString()!));
        Assert.Equal(2, groups[0].GetProperty("items").GetArrayLength());
        var zhang = groups[1].GetProperty("items")[0];
        Assert.Equal([100, 200, 40, 40], zhang.GetProperty("box").EnumerateArray().Select(n => n.GetInt32()));
        Assert.Equal("张三丰", zhang.GetProperty("word").GetString());
        Assert.Equal(2, (await reviewer.GetFromJsonAsync<JsonElement>($"api/batches/{name}/characters?below=0.5")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.GetAsync($"api/batches/{name}/characters?below=7")).StatusCode);

        // Both 三 confirmed, 张 fixed to 章, in one request; a stale version changes nothing.
        var version = check.GetProperty("version").GetInt32();
        var fixes = groups[0].GetProperty("items").EnumerateArray().Select(i => new { id = i.GetProperty("id").GetString(), text = "三" })
            .Append(new { id = zhang.GetProperty("id").GetString(), text = "章" }).ToList();
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsJsonAsync($"api/batches/{name}/characters", new { fixes, version = version - 1 })).StatusCode);
        var applied = await reviewer.PostAsJsonAsync($"api/batches/{name}/characters", new { fixes, version });
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var result = await applied.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 1), (result.GetProperty("confirmed").GetInt32(), result.GetProperty("fixed").GetInt32()));
        Assert.True(result.GetProperty("version").GetInt32() > version);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsJsonAsync($"api/batches/{name}/characters", new { fixes = new[] { new { id = "x", text = "a" } } })).StatusCode);

        // Nothing doubtful is left; the page text holds the fix; the entry commit makes carries it.
        Assert.Equal(0, (await reviewer.GetFromJsonAsync<JsonElement>($"api/batches/{name}/characters")).GetProperty("total").GetInt32());
        Assert.Equal("章三丰李三", store.FindPage(page.Id)!.Ocr.Lines.Single().Text);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"api/batches/{name}/approve", new { overrideReason = "character test" })).StatusCode);
        var commit = await (await reviewer.PostAsync($"api/batches/{name}/commit", null)).Content.ReadFromJsonAsync<JsonElement>();
        var entry = commit.GetProperty("entries")[0];
        Assert.Contains("章三丰", entry.GetProperty("pages")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        // The PDF's invisible text layer says what the reviewer fixed, not what the engine read.
        var pdf = await reviewer.GetByteArrayAsync($"api/entries/{entry.GetProperty("number").GetString()}/pdf");
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var text = string.Concat(document.GetPage(1).Letters.Select(l => l.Value));
            Assert.Contains("章三丰", text, StringComparison.Ordinal);
            Assert.DoesNotContain("张", text, StringComparison.Ordinal);
        }

        using var auditor = await server.BearerAsync(Role.Auditor);
        var trail = (await auditor.GetFromJsonAsync<JsonElement>("api/audit?action=page.text&take=50")).EnumerateArray().Where(r => r.GetProperty("target").GetString() == name).ToList();
        Assert.Contains(trail, r => r.GetProperty("details").GetString()!.Contains("张 → 章", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reviewed_form_saved_as_template_reads_the_next_folder_by_its_layout()
    {
        using var reviewer = await server.BearerAsync(Role.Reviewer);
        var first = await RecognizedAsync("tmpl-a-" + Guid.NewGuid().ToString("N")[..6], "en-customer-registration.jpg");
        var document = ReviewSeed.ReviewDocuments(first).Single();
        var documentId = document.GetProperty("id").GetString()!;
        var name = first.GetProperty("name").GetString()!;

        // The reviewer confirms the fields found with a box (Enter on each, as the screen does).
        foreach (var field in document.GetProperty("fields").EnumerateArray().Where(f => f.GetProperty("value").GetString() is { Length: > 0 } && f.GetProperty("box")[2].GetInt32() > 0))
        {
            var key = field.GetProperty("key").GetString();
            var put = await reviewer.PutAsJsonAsync($"api/batches/{name}/documents/{field.GetProperty("documentId").GetString()}/fields/{key}",
                new { value = field.GetProperty("value").GetString(), version = (await DocumentVersionAsync(reviewer, name, field.GetProperty("documentId").GetString()!)) });
            Assert.True(put.IsSuccessStatusCode, $"confirming {key}: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
        }

        using var clerk = await server.BearerAsync(Role.Clerk);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync($"api/batches/{name}/documents/{documentId}/template", new { })).StatusCode);
        var templateName = "registration-" + Guid.NewGuid().ToString("N")[..6];
        var saved = await reviewer.PostAsJsonAsync($"api/batches/{name}/documents/{documentId}/template", new { name = templateName });
        Assert.True(saved.StatusCode == HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        var template = await saved.Content.ReadFromJsonAsync<JsonElement>();
        var zones = template.GetProperty("zones").EnumerateArray().Select(z => z.GetString()!).ToList();
        Assert.NotEmpty(zones);
        Assert.True(File.Exists(Path.Combine(server.DataFolder, "templates", templateName + ".json")));

        // The next folder of that form: its fields come from the template, and the queue says how many.
        var second = await RecognizedAsync("tmpl-b-" + Guid.NewGuid().ToString("N")[..6], "en-customer-registration.jpg");
        var fromTemplate = ReviewSeed.ReviewDocuments(second).Single().GetProperty("fields").EnumerateArray().Where(f => f.GetProperty("source").GetString() == "template").Select(f => f.GetProperty("key").GetString()!).ToList();
        Assert.NotEmpty(fromTemplate);
        Assert.Subset(zones.ToHashSet(), fromTemplate.ToHashSet());
        var queue = await reviewer.GetFromJsonAsync<JsonElement>("api/review/queue");
        var row = queue.EnumerateArray().Single(r => r.GetProperty("name").GetString() == second.GetProperty("name").GetString());
        Assert.Equal(fromTemplate.Count, row.GetProperty("fieldsFromTemplate").GetInt32());
        File.Delete(Path.Combine(server.DataFolder, "templates", templateName + ".json"));
    }

    private static async Task<int> DocumentVersionAsync(HttpClient client, string name, string documentId)
    {
        var batch = await client.GetFromJsonAsync<JsonElement>($"api/batches/{name}");
        return ReviewSeed.ReviewDocuments(batch).SelectMany(d => d.GetProperty("fields").EnumerateArray())
            .First(f => f.GetProperty("documentId").GetString() == documentId).GetProperty("version").GetInt32();
    }

    private async Task<JsonElement> RecognizedAsync(string name, string scan)
    {
        using var clerk = await server.BearerAsync(Role.Clerk);
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("api/batches", new { name })).StatusCode);
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(TestPaths.SampleScan(scan)));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "files", scan);
            Assert.Equal(HttpStatusCode.Accepted, (await clerk.PostAsync($"api/batches/{name}/files", form)).StatusCode);
        }

        using var reviewer = await server.BearerAsync(Role.Reviewer);
        return await ReviewSeed.WaitAsync(reviewer, name, b => b.GetProperty("state").GetString() == "readyForReview", "recognition");
    }
}
