using ScanArchive.Application.Batches;
using ScanArchive.Application.Review;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;

namespace ScanArchive.Application.Tests;

/// <summary>Review documents and page actions through the use cases: permissions, versions, the audit.</summary>
public sealed class ReviewDocumentsTests : IDisposable
{
    private static readonly Actor Reviewer = new("rita", Role.Reviewer, "127.0.0.9");
    private static readonly Actor Clerk = new("clerk1", Role.Clerk, "127.0.0.8");
    private readonly ReviewFixture _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public void Review_documents_follow_the_files_until_a_reviewer_merges_them()
    {
        _app.ReadyBatch("merge", 3);
        var service = _app.Get<ReviewDocumentsService>();
        var documents = service.Documents(Reviewer, "merge");
        Assert.Equal(3, documents.Count);
        Assert.All(documents, d => Assert.Contains(d.Fields, f => f.Key == "amount" && f.State == FieldReviewState.Valid));

        var merged = service.Merge(Reviewer, "merge", documents[2].Id, documents[2].Version);
        Assert.Equal(documents[0].Version + 1, merged.Version);
        var after = service.Documents(Reviewer, "merge");
        Assert.Equal([1, 2], after.Select(d => d.Pages.Count));
        Assert.Equal(ArchiveProblem.Conflict, Assert.Throws<ArchiveException>(() => service.Merge(Reviewer, "merge", after[1].Id, documents[0].Version)).Problem);
        Assert.Throws<AccessDeniedException>(() => service.Merge(Clerk, "merge", after[1].Id, null));
        Assert.Contains(_app.Store.AuditTrail(new AuditQuery { Target = "merge" }), a => a.Action == "document.merge" && a.Address == "127.0.0.9");

        // The batch view carries them too.
        Assert.Equal(2, _app.Get<BatchService>().Get(Reviewer, "merge").ReviewDocuments.Count);
    }

    [Fact]
    public void A_blank_mark_needs_a_reviewer_and_the_current_version()
    {
        var batch = _app.ReadyBatch("blank", 1);
        var review = _app.Get<ReviewService>();
        var page = _app.Store.Pages(batch.Id).Single();

        Assert.Throws<AccessDeniedException>(() => review.SetBlank(Clerk, "blank", page.Id, true, null));
        Assert.Equal(ArchiveProblem.Conflict, Assert.Throws<ArchiveException>(() => review.SetBlank(Reviewer, "blank", page.Id, true, batch.Version - 1)).Problem);
        var changed = review.SetBlank(Reviewer, "blank", page.Id, true, batch.Version);

        Assert.True(_app.Store.FindPage(page.Id)!.Blank);
        Assert.Equal(batch.Version + 1, changed.Version);

        // A blank page needs no verdict: nothing is open any more.
        Assert.True(_app.Get<BatchService>().OpenItems(Reviewer, "blank").IsEmpty);
    }

    [Fact]
    public void Words_come_in_reading_order_with_line_numbers()
    {
        var batch = _app.ReadyBatch("words", 1);
        var page = _app.Store.Pages(batch.Id).Single();
        var words = _app.Get<ReviewService>().Words(Reviewer, "words", page.Id);
        var word = Assert.Single(words);
        Assert.Equal(("words", 0), (word.Text, word.Line));
        Assert.Equal([100, 100, 800, 40], word.Box);
        Assert.Null(word.Chars);
        Assert.Equal(ArchiveProblem.BatchNotFound, Assert.Throws<ArchiveException>(() => _app.Get<ReviewService>().Words(new Actor("other", Role.Clerk), "words", page.Id)).Problem);
    }
}
