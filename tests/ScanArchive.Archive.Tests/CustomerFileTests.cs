using ScanArchive.Core.Analysis;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;
using ScanArchive.TestSupport;

namespace ScanArchive.Archive.Tests;

public sealed class CustomerFileTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Documents_with_the_same_ID_number_are_filed_under_one_customer()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var first = Assert.Single(store.Commit(Batch(store, "a", ("customer_name", "张伟"), ("id_number", "11010519491231002X")).Id, "clerk"));
        var second = Assert.Single(store.Commit(Batch(store, "b", ("customer_name", "张伟"), ("id_number", "11010519491231002x"), ("phone", "13812345678")).Id, "clerk"));

        Assert.NotNull(first.CustomerId);
        Assert.Equal(first.CustomerId, second.CustomerId);
        var customer = Assert.Single(store.Customers());
        Assert.Equal([first.Number, second.Number], customer.Entries);
        Assert.Equal("13812345678", customer.Phone);
        Assert.Equal(customer.Id, store.FindCustomer("11010519491231002X")?.Id);
    }

    [Fact]
    public void Same_ID_number_with_another_name_is_flagged_not_merged()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        store.Commit(Batch(store, "a", ("customer_name", "张伟"), ("id_number", "11010519491231002X")).Id, "clerk");
        var clash = Assert.Single(store.Commit(Batch(store, "b", ("customer_name", "李娜"), ("id_number", "11010519491231002X")).Id, "clerk"));

        Assert.Null(clash.CustomerId);
        Assert.Contains("张伟", clash.CustomerConflict, StringComparison.Ordinal);
        Assert.Single(Assert.Single(store.Customers()).Entries);
        Assert.Contains(store.AuditTrail(), a => a.Action == "customer.conflict" && a.Target == clash.Number);
    }

    [Fact]
    public void A_new_customer_number_opens_a_new_customer_file()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        store.Commit(Batch(store, "a", ("customer_name", "张伟"), ("customer_no", "KH20260001")).Id, "clerk");
        store.Commit(Batch(store, "b", ("customer_name", "王芳"), ("customer_no", "KH20260002")).Id, "clerk");
        Assert.Equal(["C000001", "C000002"], store.Customers().Select(c => c.Id));
    }

    private static Batch Batch(IArchiveStore store, string name, params (string Key, string Value)[] fields)
    {
        var batch = store.CreateBatch(name, "clerk");
        var document = store.AddDocument(batch.Id, ArchiveTestData.JpegPath, $"{name}.jpg", "clerk");
        store.SavePage(new PageResult(batch.Id, document.Id, 1, ArchiveTestData.Ocr(name), ArchiveTestData.Jpeg(), null));
        var extracted = fields.Select(f => new ExtractedField(f.Key, f.Value, f.Value, 0.9, 1, new PixelBox(0, 0, 10, 10))).ToList();
        store.UpdateDocument(document with { Status = DocumentStatus.Done, PageCount = 1, Fields = extracted, DocumentType = "account_application" });
        store.MoveBatch(batch.Id, BatchState.Processing, "clerk");
        store.MoveBatch(batch.Id, BatchState.ReadyForReview, "clerk");
        return store.MoveBatch(batch.Id, BatchState.Approved, "reviewer");
    }
}
