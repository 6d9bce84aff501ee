using ScanArchive.Application.Batches;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;

namespace ScanArchive.Application.Tests;

public sealed class BatchReviewTests : IDisposable
{
    private static readonly Actor Reviewer = new("rita", Role.Reviewer, "127.0.0.9");
    private static readonly Actor Clerk = new("clerk1", Role.Clerk, "127.0.0.8");
    private readonly ReviewFixture _app = new();

    private BatchService Batches => _app.Get<BatchService>();

    [Fact]
    public void Approving_with_unreviewed_pages_is_refused_and_lists_them()
    {
        _app.ReadyBatch("open", 2);

        var refused = Assert.Throws<ArchiveException>(() => Batches.Approve(Reviewer, "open"));

        Assert.Equal(ArchiveProblem.ReviewOpen, refused.Problem);
        var open = Batches.Get(Reviewer, "open").Open.UnreviewedPages;
        Assert.Equal(2, open.Count);
        Assert.All(open, id => Assert.Contains(id, refused.Message, StringComparison.Ordinal));
        Assert.Equal(BatchState.ReadyForReview, _app.Store.FindBatch("open")!.State);
    }

    [Fact]
    public void Reviewing_every_page_then_approving_needs_no_override_and_is_audited_with_the_address()
    {
        _app.ReadyBatch("reviewed", 2);
        var pages = Batches.Get(Reviewer, "reviewed").Documents.SelectMany(d => d.Pages).ToList();

        Batches.ReviewPages(Reviewer, "reviewed", [pages[0].Id], ReviewStatus.Approved);
        Batches.ReviewPages(Reviewer, "reviewed", [pages[1].Id], ReviewStatus.Rejected, "blurred, rescan");
        var approved = Batches.Approve(Reviewer, "reviewed");

        Assert.Equal(BatchState.Approved, approved.State);
        var after = _app.Store.Pages(approved.Id);
        Assert.Equal([ReviewStatus.Approved, ReviewStatus.Rejected], after.Select(p => p.Review));
        Assert.Equal("blurred, rescan", after[1].ReviewReason);
        Assert.All(after, p => Assert.Equal("rita", p.ReviewedBy));
        var trail = _app.Store.AuditTrail(new AuditQuery { Target = "reviewed" });
        Assert.Contains(trail, a => a.Action == "page.reject" && a.Details!.Contains("blurred", StringComparison.Ordinal) && a.Address == "127.0.0.9");
        Assert.Contains(trail, a => a.Action == "batch.approved" && a.User == "rita");
        Assert.DoesNotContain(trail, a => a.Action == "review.override");
    }

    [Fact]
    public void An_override_approves_unreviewed_pages_in_the_reviewers_name_and_records_the_reason()
    {
        _app.ReadyBatch("override", 3);

        var approved = Batches.Approve(Reviewer, "override", "folder checked on paper");

        Assert.Equal(BatchState.Approved, approved.State);
        Assert.All(_app.Store.Pages(approved.Id), p => Assert.Equal((ReviewStatus.Approved, "rita"), (p.Review, p.ReviewedBy)));
        var audit = Assert.Single(_app.Store.AuditTrail(new AuditQuery { Target = "override", Action = "review.override" }));
        Assert.StartsWith("folder checked on paper", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clerk_may_not_review_approve_or_commit_and_sees_only_their_own_batches()
    {
        _app.ReadyBatch("mine", 1, clerk: "clerk1");
        _app.ReadyBatch("theirs", 1, clerk: "clerk2");
        var page = Batches.Get(Reviewer, "mine").Documents[0].Pages[0].Id;

        Assert.Throws<AccessDeniedException>(() => Batches.Approve(Clerk, "mine", "x"));
        Assert.Throws<AccessDeniedException>(() => Batches.ReviewPages(Clerk, "mine", [page], ReviewStatus.Approved));
        Assert.Throws<AccessDeniedException>(() => Batches.Commit(Clerk, "mine"));
        Assert.Equal(["mine"], Batches.List(Clerk).Select(b => b.Name));
        Assert.Equal(ArchiveProblem.BatchNotFound, Assert.Throws<ArchiveException>(() => Batches.Get(Clerk, "theirs")).Problem);
        Assert.Equal(2, Batches.List(Reviewer).Count);
    }

    [Fact]
    public void A_stale_version_is_refused_so_nobody_overwrites_a_change_they_have_not_seen()
    {
        _app.ReadyBatch("race", 1);
        var document = Batches.Get(Reviewer, "race").Documents[0];

        var first = Batches.UpdateField(Reviewer, "race", document.Id, "phone", "13900001111", document.Version);
        var second = Assert.Throws<ArchiveException>(() => Batches.UpdateField(new Actor("bob", Role.Reviewer), "race", document.Id, "phone", "13700002222", document.Version));

        Assert.Equal("13900001111", first.Value);
        Assert.Equal("rita", first.ConfirmedBy);
        Assert.Equal(ArchiveProblem.Conflict, second.Problem);
        Assert.Equal("13900001111", Batches.Document(Reviewer, "race", document.Id).Fields.Single(f => f.Key == "phone").Value);
        Assert.Contains(_app.Store.AuditTrail(new AuditQuery { Action = "field.edit" }), a => a.Details!.Contains("13812345678 → 13900001111", StringComparison.Ordinal));

        var batchVersion = _app.Store.FindBatch("race")!.Version;
        Assert.Equal(ArchiveProblem.Conflict, Assert.Throws<ArchiveException>(() => Batches.Approve(Reviewer, "race", "ok", batchVersion - 1)).Problem);
    }

    [Fact]
    public void Verdicts_are_refused_outside_review()
    {
        var batch = _app.Store.CreateBatch("capturing", "clerk1");

        Assert.Equal(ArchiveProblem.InvalidState, Assert.Throws<ArchiveException>(() => Batches.Approve(Reviewer, batch.Name, "x")).Problem);
        Assert.Throws<ArgumentException>(() => Batches.Reject(Reviewer, batch.Name, " "));
    }

    [Fact]
    public void Commit_after_review_numbers_the_entries_and_makes_them_searchable()
    {
        _app.ReadyBatch("commit", 2);
        Batches.Approve(Reviewer, "commit", "checked");

        var entries = Batches.Commit(Reviewer, "commit");

        Assert.Equal(2, entries.Count);
        var found = _app.Get<Searching.SearchService>().Search(Reviewer, new Core.Search.SearchQuery { Text = entries[1].Number });
        Assert.Equal(entries[1].Number, Assert.Single(found.Hits).ArchiveNumber);
        Assert.Contains(_app.Store.AuditTrail(new AuditQuery { User = "rita", Action = "archive.search" }), a => a.Target == entries[1].Number);
    }

    public void Dispose() => _app.Dispose();
}
