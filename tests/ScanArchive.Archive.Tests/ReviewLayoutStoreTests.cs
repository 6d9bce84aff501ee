using ScanArchive.Core.Analysis;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;
using ScanArchive.TestSupport;

namespace ScanArchive.Archive.Tests;

/// <summary>Review layout (split, merge, move) persisted with its audit and version, followed by commit; pages replaced in place keep their history.</summary>
public sealed class ReviewLayoutStoreTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void A_split_survives_a_restart_and_commit_makes_one_entry_per_part_with_the_fields_on_its_pages()
    {
        string batchId;
        using (var store = ArchiveTestData.Open(_data.Path))
        {
            var batch = InReview(store, "split", documents: 1, pages: 4);
            batchId = batch.Id;
            var pages = store.Pages(batch.Id);
            var layout = ReviewLayout.Of(batch, store.Documents(batch.Id), pages);
            var document = Assert.Single(layout);
            var split = ReviewLayout.Split(layout, document.Id, pages[2].Id, "part-2");
            var saved = store.SaveLayout(batch.Id, split, "rita", "document.split", "test", batch.Version);

            Assert.Equal(batch.Version + 1, saved.Version);
            var stale = Assert.Throws<ArchiveException>(() => store.SaveLayout(batch.Id, split, "rita", "document.split", "again", batch.Version));
            Assert.Equal(ArchiveProblem.Conflict, stale.Problem);
            Assert.Contains(store.AuditTrail(new AuditQuery { Target = "split" }), a => a.Action == "document.split" && a.User == "rita");
        }

        using (var store = ArchiveTestData.Open(_data.Path))
        {
            var batch = store.FindBatch(batchId)!;
            Assert.Equal([2, 2], batch.Layout!.Select(d => d.PageIds.Count));
            store.SetReview(batch.Id, ReviewStatus.Approved, "rita");
            store.MoveBatch(batch.Id, BatchState.Approved, "rita");

            var entries = store.Commit(batch.Id, "rita");

            Assert.Equal([2, 2], entries.Select(e => e.Pages.Count));
            Assert.Equal(["split page 1", "split page 2"], entries[0].Pages.Select(p => p.Text));
            Assert.Equal(["split page 3", "split page 4"], entries[1].Pages.Select(p => p.Text));

            // Each part keeps the values found on its own pages.
            Assert.Equal("First Person", entries[0].Fields["customer_name"]);
            Assert.Equal("Second Person", entries[1].Fields["customer_name"]);
        }
    }

    [Fact]
    public void A_layout_that_loses_or_repeats_a_page_is_refused()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = InReview(store, "lossy", documents: 2, pages: 2);
        var layout = ReviewLayout.Of(batch, store.Documents(batch.Id), store.Pages(batch.Id));
        var lossy = new[] { layout[0] };
        var repeated = new[] { layout[0], layout[1], layout[0] with { Id = "again" } };

        Assert.Throws<ArgumentException>(() => store.SaveLayout(batch.Id, lossy, "rita", "document.merge", "x", batch.Version));
        Assert.Throws<ArgumentException>(() => store.SaveLayout(batch.Id, repeated, "rita", "document.merge", "x", batch.Version));
        Assert.Null(store.FindBatch(batch.Id)!.Layout);
    }

    [Fact]
    public void Moving_and_merging_keep_every_page_exactly_once()
    {
        var layout = new List<ReviewDocument> { new("a", ["a1", "a2"]), new("b", ["b1"]), new("c", ["c1", "c2"]) };

        var moved = ReviewLayout.MovePage(layout, "b1", "c", 1);
        Assert.Equal(["a", "c"], moved.Select(d => d.Id));
        Assert.Equal(["c1", "b1", "c2"], moved[1].PageIds);

        var merged = ReviewLayout.MergeWithPrevious(moved, "c");
        Assert.Equal(["a1", "a2", "c1", "b1", "c2"], Assert.Single(merged).PageIds);

        Assert.Equal(ArchiveProblem.InvalidState, Assert.Throws<ArchiveException>(() => ReviewLayout.Split(layout, "a", "a1", "x")).Problem);
        Assert.Equal(ArchiveProblem.ItemNotFound, Assert.Throws<ArchiveException>(() => ReviewLayout.Split(layout, "a", "c1", "x")).Problem);
        Assert.Equal(ArchiveProblem.InvalidState, Assert.Throws<ArchiveException>(() => ReviewLayout.MergeWithPrevious(layout, "a")).Problem);
    }

    [Fact]
    public void A_replaced_page_keeps_its_old_image_in_the_history_and_confirmed_fields_stay()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = InReview(store, "replace", documents: 1, pages: 1);
        var page = Assert.Single(store.Pages(batch.Id));
        var document = Assert.Single(store.Documents(batch.Id));
        store.UpdateField(document.Id, "phone", "13812345678", document.Version, "rita", 1);
        var rework = store.StartRework(batch.Id, page.Id, new PageRework("rotate 90", "rita", DateTimeOffset.UtcNow));
        Assert.Equal("rotate 90", store.FindPage(page.Id)!.Rework!.Change);

        var turned = ArchiveTestData.Jpeg() with { Width = 3508, Height = 2480 };
        var extracted = new List<ExtractedField>
        {
            new("phone", "13900000000", "139", 0.9, 1, new PixelBox(0, 0, 10, 10)),
            new("customer_name", "New Reading", "New Reading", 0.9, 1, new PixelBox(0, 0, 10, 10)),
        };
        store.ReplacePage(page.Id, new PageReplacement(new PageResult(batch.Id, document.Id, 1, ArchiveTestData.Ocr("turned"), turned, null), "rotate 90", null, extracted), "rita");

        var after = store.FindPage(page.Id)!;
        Assert.Null(after.Rework);
        Assert.Equal((3508, 2480), (after.Image!.Width, after.Image.Height));
        var revision = Assert.Single(after.History);
        Assert.Equal(page.Image, revision.Image);
        Assert.Equal("rotate 90", revision.Change);
        var fields = store.Documents(batch.Id).Single().Fields;
        Assert.Equal("13812345678", fields.Single(f => f.Key == "phone").Value);
        Assert.Equal("New Reading", fields.Single(f => f.Key == "customer_name").Value);
        Assert.True(store.FindBatch(batch.Id)!.Version > rework.Version);
        Assert.True(store.Verify().Intact);
    }

    /// <summary>A batch in review whose documents have <paramref name="pages"/> pages, a name on the first and third page.</summary>
    private static Batch InReview(Storage.LiteDbArchiveStore store, string name, int documents, int pages)
    {
        var batch = store.CreateBatch(name, "clerk");
        for (var d = 1; d <= documents; d++)
        {
            var document = store.AddDocument(batch.Id, ArchiveTestData.JpegPath, $"{name}-{d}.pdf", "clerk");
            for (var p = 1; p <= pages; p++)
            {
                store.SavePage(new PageResult(batch.Id, document.Id, p, ArchiveTestData.Ocr($"{name} page {p}"), ArchiveTestData.Jpeg(), null));
            }

            store.UpdateDocument(document with
            {
                Status = DocumentStatus.Done,
                PageCount = pages,
                Fields =
                [
                    new ExtractedField("customer_name", "First Person", "First Person", 0.9, 1, new PixelBox(1, 1, 10, 10)),
                    new ExtractedField("customer_name", "Second Person", "Second Person", 0.8, 3, new PixelBox(1, 1, 10, 10)),
                ],
            });
        }

        store.MoveBatch(batch.Id, BatchState.Processing, "clerk");
        return store.MoveBatch(batch.Id, BatchState.ReadyForReview, "clerk");
    }
}
