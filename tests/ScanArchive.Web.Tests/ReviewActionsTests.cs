using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;
using ScanArchive.TestSupport;

namespace ScanArchive.Web.Tests;

/// <summary>Page and document actions, the queue, approval with required fields, and the label sheet, through the API.</summary>
[Collection(WorkstationCollection.Name)]
public sealed class ReviewActionsTests(WorkstationServer server)
{
    [Fact]
    public async Task Split_merge_and_move_page_change_the_entries_commit_makes_and_raise_the_version()
    {
        var name = "layout-" + Guid.NewGuid().ToString("N")[..8];
        ReviewSeed.Ready(server, name, documents: 2, pagesPerDocument: 3);
        using var reviewer = await server.BearerAsync(Role.Reviewer);
        var batch = await reviewer.GetFromJsonAsync<JsonElement>($"api/batches/{name}");
        var docs = ReviewSeed.ReviewDocuments(batch).ToList();
        Assert.Equal(2, docs.Count);
        var first = docs[0].GetProperty("id").GetString()!;
        var second = docs[1].GetProperty("id").GetString()!;
        var firstPages = docs[0].GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
        var secondPages = docs[1].GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
        var version = batch.GetProperty("version").GetInt32();

        // Split the first document before its third page: three documents.
        var split = await reviewer.PostAsJsonAsync($"api/batches/{name}/documents/{first}/split", new { beforePageId = firstPages[2], version });
        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        var afterSplit = (await split.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        Assert.True(afterSplit > version);

        // A stale version is refused and changes nothing.
        var stale = await reviewer.PostAsJsonAsync($"api/batches/{name}/documents/{second}/merge", new { version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        batch = await reviewer.GetFromJsonAsync<JsonElement>($"api/batches/{name}");
        docs = ReviewSeed.ReviewDocuments(batch).ToList();
        Assert.Equal(3, docs.Count);
        Assert.Equal([firstPages[2]], docs[1].GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
        var splitOff = docs[1].GetProperty("id").GetString()!;

        // Move the second document's first page to the front of the split-off part, then merge the second document back into it.
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"api/batches/{name}/move-page", new { pageId = secondPages[0], toDocumentId = splitOff, position = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"api/batches/{name}/documents/{second}/merge", new { })).StatusCode);
        batch = await reviewer.GetFromJsonAsync<JsonElement>($"api/batches/{name}");
        docs = ReviewSeed.ReviewDocuments(batch).ToList();
        Assert.Equal(2, docs.Count);
        Assert.Equal(firstPages.Take(2), docs[0].GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
        Assert.Equal(new[] { secondPages[0], firstPages[2], secondPages[1], secondPages[2] }, docs[1].GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
        Assert.Equal([1, 2, 3, 4], docs[1].GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("number").GetInt32()));

        // Merging the first document is refused (nothing before it); an unknown page is 404.
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsJsonAsync($"api/batches/{name}/documents/{first}/merge", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PostAsJsonAsync($"api/batches/{name}/move-page", new { pageId = "nope", toDocumentId = first, position = 0 })).StatusCode);

        // Commit follows the arrangement: two entries of 2 and 4 pages, in that page order.
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"api/batches/{name}/approve", new { overrideReason = "layout test" })).StatusCode);
        var commit = await (await reviewer.PostAsync($"api/batches/{name}/commit", null)).Content.ReadFromJsonAsync<JsonElement>();
        var entries = commit.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal([2, 4], entries.Select(e => e.GetProperty("pages").GetArrayLength()));
        Assert.Equal(["word2x1", "word1x3", "word2x2", "word2x3"], entries[1].GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("text").GetString()!));

        using var auditor = await server.BearerAsync(Role.Auditor);
        var trail = (await auditor.GetFromJsonAsync<JsonElement>("api/audit?action=document&take=100")).EnumerateArray().Where(r => r.GetProperty("target").GetString() == name).ToList();
        Assert.Equal(["document.merge", "document.move-page", "document.split"], trail.Select(r => r.GetProperty("action").GetString()!).Order());
    }

    [Fact]
    public async Task Blank_rescan_request_and_queue_with_who_is_reviewing()
    {
        var name = "queue-" + Guid.NewGuid().ToString("N")[..8];
        ReviewSeed.Ready(server, name, documents: 1, pagesPerDocument: 2, documentType: "account_application", fields:
        [
            new ExtractedField(FieldKeys.CustomerName, "张三", "张三", 0.95, 1, new PixelBox(10, 10, 100, 30)),
            new ExtractedField(FieldKeys.IdNumber, "110108196009134031", "110108196009134031", 0.9, 1, new PixelBox(10, 50, 300, 30)),
        ]);
        using var reviewer = await server.BearerAsync(Role.Reviewer);
        using var clerk = await server.BearerAsync(Role.Clerk);
        var queue = (await reviewer.GetFromJsonAsync<JsonElement>("api/review/queue")).EnumerateArray().Single(i => i.GetProperty("name").GetString() == name);
        Assert.Equal(2, queue.GetProperty("pages").GetInt32());
        Assert.Equal(1, queue.GetProperty("documents").GetInt32());
        Assert.Equal(1, queue.GetProperty("fieldsInvalid").GetInt32()); // the ID number's check digit
        Assert.Equal(1, queue.GetProperty("fieldsMissing").GetInt32()); // the phone
        Assert.Equal(2, queue.GetProperty("pagesUnreviewed").GetInt32());
        Assert.Equal(WorkstationServer.UserOf(Role.Clerk), queue.GetProperty("clerk").GetString());
        Assert.Equal(JsonValueKind.Null, queue.GetProperty("inReviewBy").ValueKind);

        // Opening marks it in review by the reviewer, for everyone to see, without changing the version.
        var before = (await reviewer.GetFromJsonAsync<JsonElement>($"api/batches/{name}")).GetProperty("version").GetInt32();
        var opened = await (await reviewer.PostAsync($"api/batches/{name}/review/open", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(before, opened.GetProperty("version").GetInt32());
        using var admin = await server.BearerAsync(Role.Admin);
        queue = (await admin.GetFromJsonAsync<JsonElement>("api/review/queue")).EnumerateArray().Single(i => i.GetProperty("name").GetString() == name);
        Assert.Equal(WorkstationServer.UserOf(Role.Reviewer), queue.GetProperty("inReviewBy").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("api/review/queue")).StatusCode);

        // Field states as the screen colours them.
        var batch = await reviewer.GetFromJsonAsync<JsonElement>($"api/batches/{name}");
        var fields = ReviewSeed.ReviewDocuments(batch).Single().GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("state").GetString());
        Assert.Equal("valid", fields["customer_name"]);
        Assert.Equal("invalid", fields["id_number"]);
        Assert.Equal("missing", fields["phone"]);

        // Blank, then not blank: each answers with a new version.
        var pages = ReviewSeed.ReviewPages(batch).Select(p => p.GetProperty("id").GetString()!).ToList();
        var blank = await (await reviewer.PostAsJsonAsync($"api/batches/{name}/pages/{pages[1]}/blank", new { })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(blank.GetProperty("version").GetInt32() > before);
        batch = await reviewer.GetFromJsonAsync<JsonElement>($"api/batches/{name}");
        Assert.True(ReviewSeed.ReviewPages(batch).Single(p => p.GetProperty("id").GetString() == pages[1]).GetProperty("page").GetProperty("blank").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"api/batches/{name}/pages/{pages[1]}/blank", new { blank = false })).StatusCode);
        batch = await reviewer.GetFromJsonAsync<JsonElement>($"api/batches/{name}");
        Assert.False(ReviewSeed.ReviewPages(batch).Single(p => p.GetProperty("id").GetString() == pages[1]).GetProperty("page").GetProperty("blank").GetBoolean());

        // A rescan request shows on the clerk's list.
        var request = await reviewer.PostAsJsonAsync($"api/batches/{name}/pages/{pages[0]}/rescan", new { reason = "cut off at the bottom" });
        Assert.Equal(HttpStatusCode.Created, request.StatusCode);
        var rescans = (await clerk.GetFromJsonAsync<JsonElement>("api/rescans")).EnumerateArray().Where(r => r.GetProperty("batchName").GetString() == name).ToList();
        var listed = Assert.Single(rescans);
        Assert.Equal(pages[0], listed.GetProperty("pageId").GetString());
        Assert.Equal("cut off at the bottom", listed.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync($"api/batches/{name}/pages/{pages[0]}/rescan", new { reason = "clerks cannot ask" })).StatusCode);
    }

    [Fact]
    public async Task Approval_lists_open_pages_and_fields_until_overridden_and_corrections_reach_the_entry_and_labels()
    {
        var name = "approve-" + Guid.NewGuid().ToString("N")[..8];
        ReviewSeed.Ready(server, name, documents: 1, pagesPerDocument: 1, documentType: "id_card", fields:
        [
            new ExtractedField(FieldKeys.CustomerName, "Wrong Name", "Wrong Name", 0.5, 1, new PixelBox(10, 10, 100, 30)),
        ]);
        using var reviewer = await server.BearerAsync(Role.Reviewer);
        var batch = await reviewer.GetFromJsonAsync<JsonElement>($"api/batches/{name}");
        var page = ReviewSeed.ReviewPages(batch).Single().GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"api/batches/{name}/pages/{page}/approve", null)).StatusCode);

        // The ID number is required for an ID card and missing: refused, with the list.
        var refused = await reviewer.PostAsJsonAsync($"api/batches/{name}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var open = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("open");
        Assert.Empty(open.GetProperty("unreviewedPages").EnumerateArray());
        Assert.Contains(open.GetProperty("fieldProblems").EnumerateArray(), p => p.GetString()!.EndsWith("/id_number: missing", StringComparison.Ordinal));

        // The reviewer corrects the name and types the ID number into the missing field (sent where the field says).
        foreach (var (key, value) in new[] { ("customer_name", "何斌建"), ("id_number", "330106200204237912") })
        {
            batch = await reviewer.GetFromJsonAsync<JsonElement>($"api/batches/{name}");
            var field = ReviewSeed.ReviewDocuments(batch).Single().GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key);
            var put = await reviewer.PutAsJsonAsync(
                $"api/batches/{name}/documents/{field.GetProperty("documentId").GetString()}/fields/{key}",
                new { value, version = field.GetProperty("version").GetInt32(), page = field.GetProperty("page").GetInt32() });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal("confirmed", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"api/batches/{name}/approve", new { })).StatusCode);
        var commit = await (await reviewer.PostAsync($"api/batches/{name}/commit", null)).Content.ReadFromJsonAsync<JsonElement>();
        var entry = commit.GetProperty("entries").EnumerateArray().Single();
        Assert.Equal("何斌建", entry.GetProperty("fields").GetProperty("customer_name").GetString());
        Assert.Equal("330106200204237912", entry.GetProperty("fields").GetProperty("id_number").GetString());
        var number = entry.GetProperty("number").GetString()!;

        // The customer file carries the corrected identity; the PDF's metadata the corrected name.
        var customer = await reviewer.GetFromJsonAsync<JsonElement>($"api/customers/{entry.GetProperty("customerId").GetString()}");
        Assert.Equal("330106200204237912", customer.GetProperty("customer").GetProperty("idNumber").GetString());
        var pdf = await reviewer.GetByteArrayAsync($"api/entries/{number}/pdf");
        Assert.Contains("何斌建", Xmp(pdf), StringComparison.Ordinal);

        // The label sheet: the number as text and as a QR code, type, customer, pages.
        var label = (await reviewer.GetFromJsonAsync<JsonElement>($"api/batches/{name}/labels")).EnumerateArray().Single();
        Assert.Equal(number, label.GetProperty("number").GetString());
        Assert.Equal("id_card", label.GetProperty("documentType").GetString());
        Assert.Equal("何斌建", label.GetProperty("customer").GetString());
        Assert.Equal(1, label.GetProperty("pages").GetInt32());
        Assert.StartsWith("<svg", label.GetProperty("qrSvg").GetString()!.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approval_with_an_override_reason_approves_what_is_open()
    {
        var name = "override-" + Guid.NewGuid().ToString("N")[..8];
        ReviewSeed.Ready(server, name, documents: 1, pagesPerDocument: 2, documentType: "id_card", fields: []);
        using var reviewer = await server.BearerAsync(Role.Reviewer);
        var refused = await reviewer.PostAsJsonAsync($"api/batches/{name}/approve", new { });
        var open = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("open");
        Assert.Equal(2, open.GetProperty("unreviewedPages").GetArrayLength());
        Assert.Equal(2, open.GetProperty("fieldProblems").GetArrayLength());

        var approved = await reviewer.PostAsJsonAsync($"api/batches/{name}/approve", new { overrideReason = "checked against the paper folder" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        using var clerk = await server.BearerAsync(Role.Clerk);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync($"api/batches/{name}/approve", new { overrideReason = "x" })).StatusCode);
    }

    [Fact]
    public async Task Rotate_and_rescan_in_place_keep_the_old_image_and_confirmed_fields()
    {
        var name = "rework-" + Guid.NewGuid().ToString("N")[..8];
        var seeded = ReviewSeed.Ready(server, name, documents: 1, pagesPerDocument: 2, documentType: "invoice", fields:
        [
            new ExtractedField(FieldKeys.Amount, "100.00", "¥100.00", 0.95, 1, new PixelBox(10, 60, 200, 30)) { Validation = FieldValidation.Valid, ConfirmedBy = "someone" },
        ]);
        var store = ReviewSeed.Store(server);
        var pages = store.Pages(seeded.Id);
        var (width, height) = (pages[0].Image!.Width, pages[0].Image!.Height);
        using var reviewer = await server.BearerAsync(Role.Reviewer);

        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsJsonAsync($"api/batches/{name}/pages/{pages[0].Id}/rotate", new { degrees = 45 })).StatusCode);
        var rotate = await reviewer.PostAsJsonAsync($"api/batches/{name}/pages/{pages[0].Id}/rotate", new { degrees = 90 });
        Assert.Equal(HttpStatusCode.Accepted, rotate.StatusCode);

        // The clerk puts a new sheet in place of the second page.
        using var clerk = await server.BearerAsync(Role.Clerk);
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(TestPaths.SampleScan("en-service-record.tif")));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/tiff");
            form.Add(file, "file", "again.tif");
            Assert.Equal(HttpStatusCode.Accepted, (await clerk.PostAsync($"api/batches/{name}/pages/{pages[1].Id}/rescan", form)).StatusCode);
        }

        var batch = await ReviewSeed.WaitAsync(reviewer, name, b => ReviewSeed.ReviewPages(b).All(p => p.GetProperty("revisions").GetInt32() == 1 && p.GetProperty("rework").ValueKind == JsonValueKind.Null), "turn and rescan");
        var after = store.Pages(seeded.Id);
        Assert.Equal((height, width), (after[0].Image!.Width, after[0].Image!.Height));
        Assert.Equal(pages[0].Image!.File, after[0].History.Single().Image!.File);
        Assert.Equal("rotate 90", after[0].History.Single().Change);
        Assert.NotNull(after[1].Original);
        Assert.Equal("rescan", after[1].History.Single().Change);
        Assert.Contains("Helen", string.Join(' ', after[1].Ocr.Lines.Select(l => l.Text)), StringComparison.Ordinal);

        // Old images stay on disk and in the check; the confirmed amount stays.
        Assert.True(store.Verify().Intact);
        Assert.Contains(store.Documents(seeded.Id).Single().Fields, f => f.Key == "amount" && f.Value == "100.00" && f.ConfirmedBy == "someone");
        using var auditor = await server.BearerAsync(Role.Auditor);
        var replaced = (await auditor.GetFromJsonAsync<JsonElement>("api/audit?action=page.replace&take=100")).EnumerateArray().Count(r => r.GetProperty("target").GetString() == name);
        Assert.Equal(2, replaced);
        Assert.NotEqual(JsonValueKind.Undefined, batch.ValueKind);
    }

    private static string Xmp(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.TryGetXmpMetadata(out var xmp) ? System.Text.Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray()) : "";
    }
}
