using LiteDB;
using ScanArchive.Archive.Storage;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.TestSupport;

namespace ScanArchive.Archive.Tests;

/// <summary>Accounts in the archive's real LiteDB file: round trips, uniqueness, and account + audit as one write.</summary>
public sealed class LiteDbAccountStoreTests : IDisposable
{
    // Whole milliseconds: BSON dates keep milliseconds, so a round trip compares equal.
    private static readonly DateTimeOffset Created = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void An_account_survives_closing_and_reopening_the_data_folder_with_every_field()
    {
        var account = Sample("Wang.Li") with
        {
            DisplayName = "王丽",
            Role = Role.Reviewer,
            Disabled = true,
            FailedSignIns = 3,
            LockedUntil = Created.AddMinutes(15),
            Language = "zh-CN",
            LastSignInAt = Created.AddDays(1),
        };
        using (var store = ArchiveTestData.Open(_data.Path))
        {
            var accounts = new LiteDbAccountStore(store);
            Assert.Equal(0, accounts.Count);
            accounts.Insert(account, new AuditEvent("local:root", "account.create", account.UserName, "reviewer"));
        }

        using var reopened = ArchiveTestData.Open(_data.Path);
        var again = new LiteDbAccountStore(reopened);
        Assert.Equal(1, again.Count);
        Assert.Equal(account, again.Find("wang.li"));
        Assert.Equal(account, Assert.Single(again.List()));
    }

    [Fact]
    public void Null_fields_round_trip_as_null()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var accounts = new LiteDbAccountStore(store);
        var account = Sample("clerk1");
        accounts.Insert(account, new AuditEvent("x", "account.create", "clerk1"));
        var found = accounts.Find("clerk1")!;
        Assert.Null(found.DisplayName);
        Assert.Null(found.LockedUntil);
        Assert.Null(found.LastSignInAt);
        Assert.Null(found.Language);
        Assert.Equal(account, found);
    }

    [Fact]
    public void A_second_account_with_the_same_name_in_another_case_is_refused_and_writes_nothing()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var accounts = new LiteDbAccountStore(store);
        accounts.Insert(Sample("Alice"), new AuditEvent("root", "account.create", "Alice"));

        var ex = Assert.Throws<ArchiveException>(() => accounts.Insert(Sample(" ALICE ") with { Role = Role.Admin }, new AuditEvent("root", "account.create", "ALICE")));
        Assert.Equal(ArchiveProblem.AccountExists, ex.Problem);

        Assert.Equal(1, accounts.Count);
        Assert.Equal(Role.Clerk, accounts.Find("alice")!.Role);

        // The refused insert's audit record was rolled back with it.
        Assert.Equal("Alice", Assert.Single(store.AuditTrail()).Target);
    }

    [Fact]
    public void Insert_and_update_write_their_audit_records_with_the_address()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var accounts = new LiteDbAccountStore(store);
        var account = Sample("bob");
        accounts.Insert(account, new AuditEvent("admin", "account.create", "bob", "clerk", "10.0.0.7"));
        accounts.Update(account with { Role = Role.Reviewer }, new AuditEvent("admin", "account.role", "bob", "clerk → reviewer"));
        accounts.Update(account with { Role = Role.Reviewer, Language = "en" }, null);

        var trail = store.AuditTrail(target: "bob");
        Assert.Equal(["account.create", "account.role"], trail.Select(a => a.Action).Order(StringComparer.Ordinal));
        Assert.Equal("clerk → reviewer", trail.Single(a => a.Action == "account.role").Details);
        Assert.Equal("en", accounts.Find("BOB")!.Language);

        // AuditRecord does not carry the address; the stored document does.
        var stored = store.Database.GetCollection("audit").FindOne(Query.EQ("Action", "account.create"));
        Assert.Equal("10.0.0.7", stored["Address"].AsString);
    }

    [Fact]
    public void Updating_an_account_that_does_not_exist_is_refused_and_writes_no_audit_record()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var accounts = new LiteDbAccountStore(store);
        var ex = Assert.Throws<ArchiveException>(() => accounts.Update(Sample("ghost"), new AuditEvent("admin", "account.role", "ghost")));
        Assert.Equal(ArchiveProblem.AccountNotFound, ex.Problem);
        Assert.Equal(0, accounts.Count);
        Assert.Empty(store.AuditTrail(target: "ghost"));
    }

    [Fact]
    public void A_failed_write_inside_the_transaction_leaves_the_account_unchanged()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var accounts = new LiteDbAccountStore(store);
        accounts.Insert(Sample("carol"), new AuditEvent("admin", "account.create", "carol"));

        // A record LiteDB cannot store (document over its 16 MB limit) fails after the account was updated in the transaction.
        var huge = new AuditEvent("admin", "account.role", "carol", new string('x', 17 * 1024 * 1024));
        Assert.ThrowsAny<Exception>(() => accounts.Update(Sample("carol") with { Role = Role.Admin }, huge));

        Assert.Equal(Role.Clerk, accounts.Find("carol")!.Role);
        Assert.Single(store.AuditTrail(target: "carol"));

        // The transaction is closed again: the next write goes through.
        accounts.Update(Sample("carol") with { Role = Role.Auditor }, new AuditEvent("admin", "account.role", "carol"));
        Assert.Equal(Role.Auditor, accounts.Find("carol")!.Role);
    }

    [Fact]
    public void Accounts_are_listed_by_name_regardless_of_case()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var accounts = new LiteDbAccountStore(store);
        foreach (var name in new[] { "zoe", "Bob", "alice" })
        {
            accounts.Insert(Sample(name), new AuditEvent("admin", "account.create", name));
        }

        Assert.Equal(["alice", "Bob", "zoe"], accounts.List().Select(a => a.UserName));
        Assert.Null(accounts.Find("nobody"));
    }

    [Fact]
    public void Accounts_do_not_disturb_the_archive_records_in_the_same_file()
    {
        using (var store = ArchiveTestData.Open(_data.Path))
        {
            store.CreateBatch("folder-1", "clerk");
            new LiteDbAccountStore(store).Insert(Sample("dave"), new AuditEvent("admin", "account.create", "dave"));
            store.CreateBatch("folder-2", "clerk");
        }

        using var reopened = ArchiveTestData.Open(_data.Path);
        Assert.Equal(2, reopened.Batches().Count);
        Assert.NotNull(new LiteDbAccountStore(reopened).Find("dave"));
    }

    private static Account Sample(string userName) => new()
    {
        UserName = userName,
        Role = Role.Clerk,
        PasswordHash = "AQAAAAIAAYagAAAAEhash",
        SecurityStamp = "stamp-" + userName.Trim(),
        CreatedAt = Created,
        CreatedBy = "local:root",
    };
}
