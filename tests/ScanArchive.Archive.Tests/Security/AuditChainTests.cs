using LiteDB;
using ScanArchive.Archive.Security;
using ScanArchive.Archive.Storage;
using ScanArchive.Core.Archive;
using ScanArchive.TestSupport;

namespace ScanArchive.Archive.Tests.Security;

public sealed class AuditChainTests : IDisposable
{
    private const int Records = 12;
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Records_written_from_many_threads_at_once_form_one_unbroken_chain()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batches = Enumerable.Range(0, 4).Select(i => store.CreateBatch($"b{i}", "clerk")).ToList();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (i % 16 == 0)
            {
                // Writers that audit inside their own transaction (a batch moving on) mixed with plain audit writes.
                store.MoveBatch(batches[i / 16].Id, BatchState.Processing, "clerk");
            }
            else
            {
                store.Audit($"user{i % 5}", "entry.view", $"KH-{i}");
            }
        });

        var report = store.VerifyAuditChain();
        Assert.True(report.Intact, report.FirstBreak?.ToString());
        Assert.Equal(4 + 64, report.Records);
        Assert.Equal(report.Records, report.HeadSeq);
        Assert.Matches("^[0-9a-f]{64}$", report.HeadHash);
    }

    [Fact]
    public void An_edited_record_is_named()
    {
        WriteRecords();
        Tamper(audit =>
        {
            var record = audit.FindOne(Query.EQ("Seq", 5L));
            record["Details"] = "nothing to see";
            audit.Update(record);
        });
        var broken = Reopen().FirstBreak;
        Assert.NotNull(broken);
        Assert.Equal(AuditChainProblem.Altered, broken.Problem);
        Assert.Equal(5, broken.Seq);
        Assert.Equal("T5", broken.Target);
    }

    [Fact]
    public void A_deleted_record_breaks_the_chain_at_the_next_one()
    {
        WriteRecords();
        Tamper(audit => audit.DeleteMany(Query.EQ("Seq", 7L)));
        var broken = Reopen().FirstBreak;
        Assert.NotNull(broken);
        Assert.Equal(AuditChainProblem.Missing, broken.Problem);
        Assert.Equal(8, broken.Seq);
        Assert.Equal("7", broken.Expected);
    }

    [Fact]
    public void An_inserted_record_is_named_whether_or_not_it_imitates_the_chain()
    {
        WriteRecords();
        Tamper(audit =>
        {
            // A copy of record 3 claiming to be record 4, with a hash that fits its own content.
            var forged = audit.FindOne(Query.EQ("Seq", 3L));
            forged.Remove("_id");
            forged["Seq"] = 4L;
            forged["Target"] = "forged";
            forged["Hash"] = AuditChain.Hash(forged);
            audit.Insert(forged);
        });
        var broken = Reopen().FirstBreak;
        Assert.NotNull(broken);
        Assert.Equal(AuditChainProblem.Inserted, broken.Problem);
        Assert.Equal(4, broken.Seq);
    }

    [Fact]
    public void A_record_written_to_the_database_outside_the_chain_is_found()
    {
        WriteRecords();
        Tamper(audit => audit.Insert(LiteDbArchiveStore.AuditDocument(DateTimeOffset.UtcNow, "mallory", "entry.view", "KH-1", null)));
        var broken = Reopen().FirstBreak;
        Assert.NotNull(broken);
        Assert.Equal(AuditChainProblem.Unchained, broken.Problem);
        Assert.Equal("mallory", broken.User);
    }

    [Fact]
    public void Cutting_off_the_newest_records_is_caught_by_the_anchor()
    {
        WriteRecords();
        long seq;
        string hash;
        using (var store = ArchiveTestData.Open(_data.Path))
        {
            var head = store.VerifyAuditChain();
            (seq, hash) = (head.HeadSeq, head.HeadHash);
            Assert.True(store.VerifyAuditChain(seq, hash).Intact);
        }

        Tamper(audit => audit.DeleteMany(Query.GTE("Seq", Records - 1L)));
        using var reopened = ArchiveTestData.Open(_data.Path);
        Assert.True(reopened.VerifyAuditChain().Intact);
        var broken = reopened.VerifyAuditChain(seq, hash).FirstBreak;
        Assert.NotNull(broken);
        Assert.Equal(AuditChainProblem.AnchorMismatch, broken.Problem);
        Assert.Equal(seq, broken.Seq);
    }

    [Fact]
    public void Audit_records_cannot_be_changed_or_removed_through_the_store()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        store.Audit("clerk", "entry.view", "KH-1");
        var audit = GetAudit(store);
        var record = audit.FindOne(Query.EQ("Seq", 1L));
        Assert.Throws<InvalidOperationException>(() => audit.Update(record));
        Assert.Throws<InvalidOperationException>(() => audit.Delete(record["_id"]));
        Assert.Throws<InvalidOperationException>(() => audit.DeleteAll());
        Assert.Throws<InvalidOperationException>(() => audit.Upsert(record));
        Assert.True(store.VerifyAuditChain().Intact);
    }

    [Fact]
    public void Records_from_before_the_chain_are_linked_once_when_the_archive_opens()
    {
        Directory.CreateDirectory(_data.Path);
        using (var db = new LiteDatabase(Path.Combine(_data.Path, "archive.db")))
        {
            var audit = db.GetCollection("audit");
            for (var i = 1; i <= 3; i++)
            {
                audit.Insert(LiteDbArchiveStore.AuditDocument(DateTimeOffset.UtcNow.AddMinutes(i - 10), "old", "batch.create", $"B{i}", null));
            }
        }

        using var store = ArchiveTestData.Open(_data.Path);
        store.Audit("new", "entry.view", "KH-1");
        var report = store.VerifyAuditChain();
        Assert.True(report.Intact, report.FirstBreak?.ToString());
        Assert.Equal(4, report.Records);
        Assert.Equal("new", store.AuditTrail(1)[0].User);
    }

    private static ILiteCollection<BsonDocument> GetAudit(LiteDbArchiveStore store) => store.AuditCollection;

    private void WriteRecords()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        for (var i = 1; i <= Records; i++)
        {
            store.Audit("clerk", "entry.view", $"T{i}", $"record {i}");
        }

        Assert.True(store.VerifyAuditChain().Intact);
    }

    /// <summary>Changes the audit collection the way someone with the database file would: through LiteDB, not the program.</summary>
    private void Tamper(Action<ILiteCollection<BsonDocument>> change)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_data.Path, "archive.db"), Connection = ConnectionType.Direct });
        change(db.GetCollection("audit"));
    }

    private AuditChainReport Reopen()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        return store.VerifyAuditChain();
    }
}
