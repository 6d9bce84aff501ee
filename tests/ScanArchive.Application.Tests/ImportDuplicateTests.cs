using System.Globalization;
using ScanArchive.Application.Batches;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.TestSupport;

namespace ScanArchive.Application.Tests;

/// <summary>Importing content the archive already holds: skipped in the same batch, imported with a note elsewhere.</summary>
public sealed class ImportDuplicateTests : IDisposable
{
    private static readonly Actor Clerk = new("clerk1", Role.Clerk, "127.0.0.8");
    private static readonly Actor OtherClerk = new("clerk2", Role.Clerk, "127.0.0.7");
    private static readonly Actor Reviewer = new("rita", Role.Reviewer, "127.0.0.9");
    private readonly ReviewFixture _app = new();
    private readonly TempDirectory _files = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public ImportDuplicateTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    private BatchService Batches => _app.Get<BatchService>();

    [Fact]
    public void Importing_the_same_files_again_stores_nothing_twice_and_says_which_were_skipped()
    {
        var files = new[] { Copy("en-invoice.jpg", "a.jpg"), Copy("zh-contract.jpg", "b.jpg") };
        var first = Batches.Import(Clerk, Batches.OpenForCapture(Clerk, "folder-7"), files);
        Assert.Equal(2, first.Imported.Count);

        var again = Batches.Import(Clerk, Batches.OpenForCapture(Clerk, "folder-7"), [.. files, Copy("en-invoice.jpg", "a-copy.jpg")]);

        Assert.Empty(again.Imported);
        Assert.Equal(["a.jpg", "b.jpg", "a-copy.jpg"], again.AlreadyInBatch.Select(s => s.DisplayName));
        Assert.All(again.AlreadyInBatch, s => Assert.Contains("folder-7", s.Message, StringComparison.Ordinal));
        Assert.Contains("a.jpg", again.AlreadyInBatch[2].Message, StringComparison.Ordinal); // the copy names the document it matches
        Assert.Equal(2, _app.Store.Documents(_app.Store.FindBatch("folder-7")!.Id).Count);
        Assert.Empty(again.FoundElsewhere);
    }

    [Fact]
    public void The_same_file_twice_in_one_import_is_stored_once()
    {
        var result = Batches.Import(Clerk, Batches.OpenForCapture(Clerk, "twice"), [Copy("en-invoice.jpg", "x.jpg"), Copy("en-invoice.jpg", "y.jpg")]);

        Assert.Equal("x.jpg", Assert.Single(result.Imported).SourceName);
        Assert.Equal("y.jpg", Assert.Single(result.AlreadyInBatch).DisplayName);
    }

    [Fact]
    public void Content_committed_elsewhere_is_imported_with_a_note_naming_the_entry()
    {
        // ReadyBatch stores en-invoice.jpg as every document's original.
        _app.ReadyBatch("earlier", 1);
        Batches.Approve(Reviewer, "earlier", "checked");
        var entry = Assert.Single(Batches.Commit(Reviewer, "earlier"));

        var result = Batches.Import(Clerk, Batches.OpenForCapture(Clerk, "later"), [Copy("en-invoice.jpg", "invoice.jpg"), Copy("zh-contract.jpg", "contract.jpg")]);

        Assert.Equal(2, result.Imported.Count);
        var note = Assert.Single(result.FoundElsewhere);
        Assert.Equal("invoice.jpg", note.DisplayName);
        Assert.Equal(entry.Number, Assert.Single(note.Places).EntryNumber);
        Assert.Contains(entry.Number, note.Message, StringComparison.Ordinal);
        Assert.Contains("invoice.jpg", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_in_another_open_batch_names_it_only_to_those_who_may_see_it()
    {
        Batches.Import(Clerk, Batches.OpenForCapture(Clerk, "clerk1-folder"), [Copy("en-invoice.jpg", "mine.jpg")]);

        var own = Batches.Import(Clerk, Batches.OpenForCapture(Clerk, "clerk1-second"), [Copy("en-invoice.jpg", "again.jpg")]);
        var other = Batches.Import(OtherClerk, Batches.OpenForCapture(OtherClerk, "clerk2-folder"), [Copy("en-invoice.jpg", "theirs.jpg")]);

        Assert.Contains("clerk1-folder", Assert.Single(own.FoundElsewhere).Message, StringComparison.Ordinal);
        var hidden = Assert.Single(other.FoundElsewhere);
        Assert.All(hidden.Places, p => Assert.Null(p.BatchName));
        Assert.DoesNotContain("clerk1", hidden.Message, StringComparison.Ordinal);
        Assert.Single(other.Imported);
    }

    [Fact]
    public void A_file_name_with_a_newline_is_escaped_in_messages()
    {
        var name = "bad\nname.txt";
        var path = _files.Write("notes.txt", "not a scan"u8.ToArray());
        Batches.Import(Clerk, Batches.OpenForCapture(Clerk, "names"), [new ImportFile(Copy("en-invoice.jpg", "p.jpg").Path, "scan\n1.jpg")]);

        var result = Batches.Import(Clerk, Batches.OpenForCapture(Clerk, "names"), [new ImportFile(path, name), Copy("en-invoice.jpg", "p2.jpg")]);

        var refusal = Assert.Single(result.Refused);
        Assert.DoesNotContain('\n', refusal.Message);
        Assert.Contains("bad\\nname.txt", refusal.Message, StringComparison.Ordinal);
        var skip = Assert.Single(result.AlreadyInBatch);
        Assert.DoesNotContain('\n', skip.Message);
        Assert.Contains("scan\\n1.jpg", skip.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _culture;
        _app.Dispose();
        _files.Dispose();
    }

    private ImportFile Copy(string sample, string name)
    {
        var path = Path.Combine(_files.Path, name);
        if (!File.Exists(path))
        {
            File.Copy(TestPaths.SampleScan(sample), path);
        }

        return new ImportFile(path, name);
    }
}
