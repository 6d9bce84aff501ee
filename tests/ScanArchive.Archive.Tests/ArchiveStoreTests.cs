using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;
using ScanArchive.TestSupport;
using UglyToad.PdfPig;

namespace ScanArchive.Archive.Tests;

public sealed class ArchiveStoreTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Batch_names_are_unique_regardless_of_case()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        store.CreateBatch("Folder 7", "clerk");
        var ex = Assert.Throws<ArchiveException>(() => store.CreateBatch(" folder 7 ", "clerk"));
        Assert.Equal(ArchiveProblem.BatchExists, ex.Problem);
        Assert.NotNull(store.FindBatch("FOLDER 7"));
    }

    [Fact]
    public void Originals_are_stored_unmodified_with_their_hash()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = store.CreateBatch("b", "clerk");
        var document = store.AddDocument(batch.Id, ArchiveTestData.JpegPath, "invoice.jpg", "clerk");
        Assert.Equal(File.ReadAllBytes(ArchiveTestData.JpegPath), File.ReadAllBytes(store.PathOf(document.Original)));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(ArchiveTestData.JpegPath))), document.Original.Sha256);
    }

    [Fact]
    public void Committing_a_batch_that_is_not_approved_is_refused()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = store.CreateBatch("b", "clerk");
        var ex = Assert.Throws<ArchiveException>(() => store.Commit(batch.Id, "clerk"));
        Assert.Equal(ArchiveProblem.InvalidState, ex.Problem);
        Assert.Equal(0, store.EntryCount);
    }

    [Fact]
    public void Illegal_state_moves_are_refused()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = store.CreateBatch("b", "clerk");
        Assert.Throws<ArchiveException>(() => store.MoveBatch(batch.Id, BatchState.Approved, "clerk"));
        Assert.Throws<ArchiveException>(() => store.MoveBatch(batch.Id, BatchState.Committed, "clerk"));
    }

    [Fact]
    public void Numbers_are_sequential_without_gaps_across_batches_and_restarts()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero));
        using (var store = ArchiveTestData.Open(_data.Path, clock))
        {
            var first = store.Commit(ArchiveTestData.ApprovedBatch(store, "a", documents: 2).Id, "clerk");
            Assert.Equal(["KH-2026-000001", "KH-2026-000002"], first.Select(e => e.Number));
        }

        using (var store = ArchiveTestData.Open(_data.Path, clock))
        {
            var second = store.Commit(ArchiveTestData.ApprovedBatch(store, "b", documents: 3).Id, "clerk");
            Assert.Equal(["KH-2026-000003", "KH-2026-000004", "KH-2026-000005"], second.Select(e => e.Number));
            Assert.Equal(Enumerable.Range(1, 5), store.Entries().Select(e => (int)e.Sequence));
        }
    }

    [Fact]
    public void A_new_year_starts_a_new_series()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero));
        using var store = ArchiveTestData.Open(_data.Path, clock);
        store.Commit(ArchiveTestData.ApprovedBatch(store, "a").Id, "clerk");
        clock.Now = new DateTimeOffset(2027, 1, 2, 12, 0, 0, TimeSpan.Zero);
        var next = store.Commit(ArchiveTestData.ApprovedBatch(store, "b").Id, "clerk");
        Assert.Equal("KH-2027-000001", Assert.Single(next).Number);
    }

    [Fact]
    public void A_committed_entry_is_complete_and_queued_for_indexing()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = ArchiveTestData.ApprovedBatch(store, "folder-1");
        var entry = Assert.Single(store.Commit(batch.Id, "reviewer"));

        Assert.Equal(BatchState.Committed, store.FindBatch("folder-1")!.State);
        Assert.Equal([entry.Number], store.FindBatch("folder-1")!.EntryNumbers);
        Assert.Equal("reviewer", entry.CommittedBy);
        Assert.Equal("folder-1 page 1", Assert.Single(entry.Pages).Text);
        Assert.True(store.Verify().Intact);
        using (var pdf = PdfDocument.Open(store.PathOf(entry.Pdf)))
        {
            Assert.Equal(1, pdf.NumberOfPages);
            var info = pdf.Information.DocumentInformationDictionary!;
            Assert.True(info.TryGet(UglyToad.PdfPig.Tokens.NameToken.Create("ArchiveNumber"), out UglyToad.PdfPig.Tokens.StringToken number));
            Assert.Equal(entry.Number, number.Data);
        }

        Assert.Equal([entry.Number], store.PendingIndexing().Select(e => e.Number));
        store.MarkIndexed([entry.Number]);
        Assert.Empty(store.PendingIndexing());
        Assert.Contains(store.AuditTrail(), a => a.Action == "batch.commit" && a.Details == entry.Number);
    }

    [Fact]
    public void A_batch_commits_only_once()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = ArchiveTestData.ApprovedBatch(store, "once");
        store.Commit(batch.Id, "clerk");
        var ex = Assert.Throws<ArchiveException>(() => store.Commit(batch.Id, "clerk"));
        Assert.Equal(ArchiveProblem.InvalidState, ex.Problem);
        Assert.Equal(1, store.EntryCount);
    }

    [Fact]
    public void Rejected_pages_are_left_out_and_a_batch_with_nothing_left_cannot_commit()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = ArchiveTestData.ApprovedBatch(store, "rej");
        store.SetReview(batch.Id, ReviewStatus.Rejected, "reviewer");
        var ex = Assert.Throws<ArchiveException>(() => store.Commit(batch.Id, "reviewer"));
        Assert.Equal(ArchiveProblem.NothingToCommit, ex.Problem);
    }

    [Fact]
    public void A_second_program_on_the_same_data_folder_gets_a_clear_error()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var ex = Assert.Throws<ArchiveException>(() => ArchiveTestData.Open(_data.Path));
        Assert.Equal(ArchiveProblem.Locked, ex.Problem);
        Assert.Contains(_data.Path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_reports_missing_and_altered_files()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var entries = store.Commit(ArchiveTestData.ApprovedBatch(store, "v", documents: 2).Id, "clerk");
        File.Delete(store.PathOf(entries[0].Pdf));
        var altered = store.PathOf(entries[1].Pdf);
        var bytes = File.ReadAllBytes(altered);
        bytes[^10] ^= 0x55;
        File.WriteAllBytes(altered, bytes);

        var report = store.Verify();
        Assert.False(report.Intact);
        Assert.Equal(entries[0].Number, Assert.Single(report.Missing).Owner);
        Assert.Equal(entries[1].Number, Assert.Single(report.Altered).Owner);
    }

    [Fact]
    public void Stored_ocr_results_round_trip()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = store.CreateBatch("ocr", "clerk");
        var document = store.AddDocument(batch.Id, ArchiveTestData.JpegPath, "x.jpg", "clerk");
        var ocr = ArchiveTestData.Ocr("客户档案 KH-2026") with { SkewCorrectedDegrees = 1.5, StraightenedAfterReadingDegrees = -0.4, RecognizedArea = new(-3, 2, 100, 50) };
        store.SavePage(new Core.Archive.PageResult(batch.Id, document.Id, 1, ocr, null, null));
        var page = Assert.Single(store.Pages(batch.Id));
        Assert.Equal(ocr.Lines[0].Text, page.Ocr.Lines[0].Text);
        Assert.Equal(ocr.Lines[0].Words[0].Box, page.Ocr.Lines[0].Words[0].Box);
        Assert.Equal(1.5, page.Ocr.SkewCorrectedDegrees);
        Assert.Equal(-0.4, page.Ocr.StraightenedAfterReadingDegrees); // the commit turns the text layer by both
        Assert.Equal(new PixelBox(-3, 2, 100, 50), page.Ocr.RecognizedArea);
    }

    [Fact]
    public void Split_at_blank_pages_makes_one_entry_per_separated_document()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = store.CreateBatch("split", "clerk");
        var document = store.AddDocument(batch.Id, ArchiveTestData.JpegPath, "stack.tif", "clerk");
        var blank = new Core.Ocr.OcrPage(2480, 3508, 300, 0, "eng", []);
        store.SavePage(new Core.Archive.PageResult(batch.Id, document.Id, 1, ArchiveTestData.Ocr("first"), ArchiveTestData.Jpeg(), null));
        store.SavePage(new Core.Archive.PageResult(batch.Id, document.Id, 2, blank, ArchiveTestData.Jpeg(), null, Blank: true));
        store.SavePage(new Core.Archive.PageResult(batch.Id, document.Id, 3, ArchiveTestData.Ocr("second"), ArchiveTestData.Jpeg(), null));
        store.UpdateDocument(document with { Status = DocumentStatus.Done, PageCount = 3 });
        store.MoveBatch(batch.Id, BatchState.Processing, "clerk");
        store.MoveBatch(batch.Id, BatchState.ReadyForReview, "clerk");
        store.MoveBatch(batch.Id, BatchState.Approved, "reviewer");

        var entries = store.Commit(batch.Id, "reviewer", new CommitOptions(SplitAtBlankPages: true));
        Assert.Equal(2, entries.Count);
        Assert.Equal("first", Assert.Single(entries[0].Pages).Text);
        Assert.Equal("second", Assert.Single(entries[1].Pages).Text);
    }

    [Fact]
    public void Sheets_scanned_with_a_separating_profile_split_at_their_blank_pages_without_being_asked_at_commit()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = ScannedSession(store, "stack", separate: true, ("first", false), ("", true), ("second", false), ("third", false));

        var entries = store.Commit(batch.Id, "reviewer", new CommitOptions());

        Assert.All(store.Documents(batch.Id), d => Assert.True(d.BlankPagesSeparate));
        Assert.Equal(2, entries.Count);
        Assert.Equal(["first"], entries[0].Pages.Select(p => p.Text));
        Assert.Equal(["second", "third"], entries[1].Pages.Select(p => p.Text));
    }

    [Fact]
    public void A_scan_session_without_a_separating_profile_stays_one_entry_with_its_blank_page()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = ScannedSession(store, "one", separate: false, ("first", false), ("", true), ("second", false));

        var entry = Assert.Single(store.Commit(batch.Id, "reviewer", new CommitOptions()));

        Assert.False(store.Documents(batch.Id)[0].BlankPagesSeparate);
        Assert.Equal(3, entry.Pages.Count);
    }

    [Fact]
    public void A_pages_quality_check_is_kept_whole_for_the_review_screen()
    {
        using var store = ArchiveTestData.Open(_data.Path);
        var batch = store.CreateBatch("qc", "clerk");
        var document = store.AddDocument(batch.Id, ArchiveTestData.JpegPath, "x.jpg", "clerk");
        var metrics = new Core.Quality.PageQualityMetrics
        {
            Width = 2480, Height = 3508, Dpi = 150, Sharpness = 0.42, InkCoverage = 0.05, SkewDegrees = -2.5, Rotation = 180,
            OrientationMethod = Core.Quality.OrientationMethods.CharacterShapes, OrientationConfidence = 7.5, Brightness = 240, InkLevel = 60,
            ColourFraction = 0.004, CutOffSides = Core.Quality.PageSides.Right,
        };
        var quality = Core.Quality.PageQuality.From(metrics, Core.Quality.QualityProfile.Default with { Lineart = true }, new Core.Quality.PageCleanup(180, -2.5, new Core.Imaging.PixelBox(10, 20, 2400, 3400)) { RestoredBlurSigma = 3.1 });
        var ocr = ArchiveTestData.Ocr("客户档案") with { Quality = quality };

        store.SavePage(new Core.Archive.PageResult(batch.Id, document.Id, 1, ocr, null, null));
        var stored = Assert.Single(store.Pages(batch.Id)).Ocr.Quality;

        Assert.NotNull(stored);
        Assert.Equal(quality.Metrics, stored.Metrics);
        Assert.Equal(quality.Cleanup, stored.Cleanup);
        Assert.Equal(quality.Issues, stored.Issues);
        Assert.Equal(quality.Verdict, stored.Verdict);
        Assert.True(stored.Blurry && stored.LowResolution && stored.Has(Core.Quality.QualityReason.ColourLostInLineart));
    }

    /// <summary>An approved batch of one scan session: one stored original per sheet (the scanner's way), recognized.</summary>
    private static Batch ScannedSession(Storage.LiteDbArchiveStore store, string name, bool separate, params (string Text, bool Blank)[] sheets)
    {
        var batch = store.CreateBatch(name, "clerk");
        var blank = new Core.Ocr.OcrPage(2480, 3508, 300, 0, "eng", []);
        foreach (var (text, isBlank) in sheets)
        {
            var sheet = store.AddDocument(batch.Id, System.Text.Encoding.UTF8.GetBytes("sheet " + text + isBlank), ".png", $"scan-{text}.png", "clerk", group: "scan-1", blankPagesSeparate: separate);
            store.SavePage(new Core.Archive.PageResult(batch.Id, sheet.Id, 1, isBlank ? blank : ArchiveTestData.Ocr(text), ArchiveTestData.Jpeg(), null, Blank: isBlank));
            store.UpdateDocument(sheet with { Status = DocumentStatus.Done, PageCount = 1 });
        }

        store.MoveBatch(batch.Id, BatchState.Processing, "clerk");
        store.MoveBatch(batch.Id, BatchState.ReadyForReview, "clerk");
        return store.MoveBatch(batch.Id, BatchState.Approved, "reviewer");
    }
}
