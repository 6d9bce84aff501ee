using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ScanArchive.Core.Accounts;

namespace ScanArchive.Web.Tests;

/// <summary>The upload's checks (count, size, type) through <c>POST /api/batches/{name}/files</c>; nothing here is recognized.</summary>
[Collection(WorkstationCollection.Name)]
public sealed class UploadApiTests(WorkstationServer server)
{
    [Fact]
    public async Task Files_that_are_empty_or_of_another_type_are_refused_by_name_in_the_callers_language()
    {
        using var clerk = await server.BearerAsync(Role.Clerk);
        clerk.DefaultRequestHeaders.AcceptLanguage.Clear();
        clerk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var name = await NewBatchAsync(clerk);
        using var form = new MultipartFormDataContent
        {
            { Part([]), "files", "empty.png" },
            { Part("not a scan"u8.ToArray()), "files", "notes.txt" },
        };
        var response = await clerk.PostAsync($"api/batches/{name}/files", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var refused = problem.GetProperty("refused").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("message").GetString()!);
        Assert.Equal(["empty.png", "notes.txt"], refused.Keys.Order());
        Assert.Contains("空", refused["empty.png"], StringComparison.Ordinal);
        Assert.Contains("不支持", refused["notes.txt"], StringComparison.Ordinal);

        // Nothing was stored, and the batch was not queued for recognition.
        var batch = await clerk.GetFromJsonAsync<JsonElement>($"api/batches/{name}");
        Assert.Empty(batch.GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public async Task A_form_without_files_is_a_bad_request_and_another_persons_batch_is_not_found()
    {
        using var clerk = await server.BearerAsync(Role.Clerk);
        var name = await NewBatchAsync(clerk);
        using (var form = new MultipartFormDataContent { { new StringContent("x"), "note" } })
        {
            var response = await clerk.PostAsync($"api/batches/{name}/files", form);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("files", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // A clerk sees only their own batches: someone else's is not there for them, and receives nothing.
        var otherClerk = server.NewAccount("clerk2-", Role.Clerk);
        using var other = await server.BearerAsync(otherClerk);
        using (var form = new MultipartFormDataContent { { Part([1, 2, 3]), "files", "page.png" } })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"api/batches/{name}/files", form)).StatusCode);
        }
    }

    private static async Task<string> NewBatchAsync(HttpClient client)
    {
        var name = "upload-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("api/batches", new { name })).StatusCode);
        return name;
    }

    private static ByteArrayContent Part(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}
