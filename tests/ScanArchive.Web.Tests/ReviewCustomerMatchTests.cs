using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Web.Tests;

/// <summary>The review screen's customer match: where each document would be filed, conflicts shown before commit.</summary>
[Collection(WorkstationCollection.Name)]
public sealed class ReviewCustomerMatchTests(WorkstationServer server)
{
    private static ExtractedField Field(string key, string value) =>
        new(key, value, value, 0.95, 1, new PixelBox(10, 60, 200, 30)) { Validation = FieldValidation.Valid };

    [Fact]
    public async Task Each_document_shows_the_customer_file_it_would_join_a_new_one_or_the_conflict()
    {
        // A customer on record: committed from a first batch, with a name and an ID number of its own.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var idNumber = "1101051949" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var onRecord = ReviewSeed.Ready(server, "match-a-" + suffix, documents: 1, pagesPerDocument: 1, "account_application",
            [Field(FieldKeys.CustomerName, "陈立新"), Field(FieldKeys.IdNumber, idNumber)]);
        using var reviewer = await server.BearerAsync(Role.Reviewer);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"api/batches/{onRecord.Name}/approve", new { overrideReason = "seed" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"api/batches/{onRecord.Name}/commit", null)).StatusCode);
        var store = ReviewSeed.Store(server);
        var customer = store.Customers().Single(c => c.IdNumber == idNumber);

        // The next batch: the same customer, the same ID with another name, someone new, and a page with no identity.
        var batch = ReviewSeed.Ready(server, "match-b-" + suffix, documents: 4, pagesPerDocument: 1);
        var documents = store.Documents(batch.Id).OrderBy(d => d.SourceName, StringComparer.Ordinal).ToList();
        ExtractedField[][] fields =
        [
            [Field(FieldKeys.CustomerName, "陈立新"), Field(FieldKeys.IdNumber, idNumber)],
            [Field(FieldKeys.CustomerName, "王小明"), Field(FieldKeys.IdNumber, idNumber)],
            [Field(FieldKeys.CustomerName, "李新客" + suffix), Field(FieldKeys.Phone, "13912345678")],
            [Field(FieldKeys.Amount, "100.00")],
        ];
        foreach (var (document, own) in documents.Zip(fields))
        {
            store.UpdateDocument(document with { Fields = own });
        }

        using var clerk = await server.BearerAsync(Role.Clerk);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"api/batches/{batch.Name}/customer-matches")).StatusCode);

        var matches = (await reviewer.GetFromJsonAsync<JsonElement>($"api/batches/{batch.Name}/customer-matches")).EnumerateArray().ToList();
        Assert.Equal(["existing", "conflict", "new", "none"], matches.Select(m => m.GetProperty("kind").GetString()));
        Assert.Equal(customer.Id, matches[0].GetProperty("customerId").GetString());
        Assert.Equal("陈立新", matches[0].GetProperty("customerName").GetString());
        Assert.Equal("idNumber", matches[0].GetProperty("matchedBy").GetString());
        var conflict = matches[1].GetProperty("conflicts").EnumerateArray().Single();
        Assert.Equal((customer.Id, FieldKeys.CustomerName, "陈立新", "王小明"),
            (conflict.GetProperty("customerId").GetString(), conflict.GetProperty("key").GetString(), conflict.GetProperty("onRecord").GetString(), conflict.GetProperty("onDocument").GetString()));
        Assert.Equal("李新客" + suffix, matches[2].GetProperty("customerName").GetString());
    }
}
