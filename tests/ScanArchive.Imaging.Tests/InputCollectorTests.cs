using ImageMagick;
using ScanArchive.TestSupport;
using Xunit;

namespace ScanArchive.Imaging.Tests;

public sealed class InputCollectorTests : IDisposable
{
    private readonly TempDirectory _temp = new("imaging-inputs");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Folder_collects_documents_and_skips_ground_truth_and_readmes()
    {
        var root = Path.Combine(_temp.Path, "batch");
        using var image = Fixtures.Page(40, 30);
        Fixtures.Write(_temp.File("batch/b.png"), image, MagickFormat.Png, 300);
        Fixtures.Write(_temp.File("batch/a.jpg"), image, MagickFormat.Jpeg, 300);
        Fixtures.Write(_temp.File("batch/customers/zhang/id.tif"), image, MagickFormat.Tiff, 300);
        Fixtures.Write(_temp.File("batch/customers/no-extension-scan"), image, MagickFormat.Png, 300);
        _temp.Write("batch/b.json", "{\"text\": \"ground truth\"}"u8.ToArray());
        _temp.Write("batch/README.md", "# Batch 7\n"u8.ToArray());
        _temp.Write("batch/.DS_Store", [0, 0, 0, 1, (byte)'B', (byte)'u', (byte)'d', (byte)'1']);
        _temp.Write("batch/._b.png", [0x00, 0x05, 0x16, 0x07, 0, 2, 0, 0]); // macOS resource fork
        _temp.Write("batch/.git/objects/ab/cdef", [0x78, 0x01, 1, 2, 3]);
        _temp.Write("batch/fake.png", "not an image"u8.ToArray());
        _temp.Write("batch/empty.pdf", []);

        var result = InputCollector.Collect([root]);

        Assert.Equal(
            ["a.jpg", "b.png", Path.Combine("customers", "no-extension-scan"), Path.Combine("customers", "zhang", "id.tif"), "empty.pdf", "fake.png"],
            result.Inputs.Select(i => i.RelativePath));
        Assert.All(result.Inputs, i => Assert.True(File.Exists(i.Path)));
        Assert.Equal(4, result.Skipped); // b.json, README.md, .DS_Store, ._b.png (.git is not entered)
        Assert.Contains(result.SkippedPaths, s => s.EndsWith("b.json", StringComparison.Ordinal));
    }

    [Fact]
    public void The_brief_example_collects_images_and_the_bad_png_and_skips_two()
    {
        var root = Path.Combine(_temp.Path, "in");
        using var image = Fixtures.Page(40, 30);
        Fixtures.Write(_temp.File("in/p1.png"), image, MagickFormat.Png, 300);
        Fixtures.Write(_temp.File("in/sub/p2.jpg"), image, MagickFormat.Jpeg, 300);
        _temp.Write("in/p1.json", "{}"u8.ToArray());
        _temp.Write("in/README.md", "read me"u8.ToArray());
        _temp.Write("in/sub/notes.png", "text, not a picture"u8.ToArray());

        var result = InputCollector.Collect([root]);

        Assert.Equal(["p1.png", Path.Combine("sub", "notes.png"), Path.Combine("sub", "p2.jpg")], result.Inputs.Select(i => i.RelativePath));
        Assert.Equal(2, result.Skipped);
    }

    [Fact]
    public void A_folder_without_documents_is_named_as_empty_and_one_with_documents_is_not()
    {
        var empty = Path.Combine(_temp.Path, "empty");
        var notes = Path.Combine(_temp.Path, "notes");
        var full = Path.Combine(_temp.Path, "full");
        Directory.CreateDirectory(empty);
        _temp.Write("notes/README.md", "# nothing to scan\n"u8.ToArray());
        using var image = Fixtures.Page(40, 30);
        Fixtures.Write(_temp.File("full/a.png"), image, MagickFormat.Png, 300);

        var result = InputCollector.Collect([empty, notes, full]);

        Assert.Equal([empty, notes], result.EmptyFolders);
        Assert.Single(result.Inputs);
    }

    [Fact]
    public void Files_named_explicitly_are_always_collected_by_file_name()
    {
        var json = _temp.Write("deep/truth.json", "{}"u8.ToArray());
        var missing = Path.Combine(_temp.Path, "missing.png");

        var result = InputCollector.Collect([json, missing]);

        Assert.Equal([new CollectedInput(json, "truth.json"), new CollectedInput(missing, "missing.png")], result.Inputs);
        Assert.Equal(0, result.Skipped);
    }

    [Fact]
    public void Symlink_loops_are_not_followed_forever()
    {
        using var image = Fixtures.Page(20, 20);
        Fixtures.Write(_temp.File("tree/a/scan.png"), image, MagickFormat.Png, 300);
        Directory.CreateSymbolicLink(Path.Combine(_temp.Path, "tree", "a", "loop"), Path.Combine(_temp.Path, "tree"));

        var result = InputCollector.Collect([Path.Combine(_temp.Path, "tree")]);

        Assert.Equal([Path.Combine("a", "scan.png")], result.Inputs.Select(i => i.RelativePath));
    }

    [Fact]
    public void The_same_file_given_twice_is_read_once()
    {
        using var image = Fixtures.Page(20, 20);
        var file = Fixtures.Write(_temp.File("x/scan.png"), image, MagickFormat.Png, 300);

        var result = InputCollector.Collect([file, Path.Combine(_temp.Path, "x")]);

        Assert.Single(result.Inputs);
    }
}
