using ScanArchive.Archive.Security;
using ScanArchive.Archive.Storage;
using ScanArchive.Core.Archive;
using ScanArchive.Imaging;
using ScanArchive.TestSupport;

namespace ScanArchive.Archive.Tests.Security;

public sealed class EncryptedStoreTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly DataKey _key = DataKey.Generate();

    public void Dispose()
    {
        _key.Dispose();
        _data.Dispose();
    }

    [Fact]
    public void Every_stored_file_is_encrypted_on_disk_and_reads_back_as_stored()
    {
        using var store = Open(_key);
        var batch = ArchiveTestData.ApprovedBatch(store, "enc", documents: 2);
        var entries = store.Commit(batch.Id, "reviewer");
        var files = entries.SelectMany(e => e.Files).Concat(store.Documents(batch.Id).Select(d => d.Original)).DistinctBy(f => f.Path).ToList();
        Assert.Contains(files, f => f.Path.StartsWith("entries/", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Assert.True(SealedFormat.IsSealed(store.PathOf(file)), file.Path);
            using var plain = store.OpenFile(file);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(plain)));
        }

        var original = store.Documents(batch.Id)[0].Original;
        using (var read = store.OpenFile(original))
        using (var copy = new MemoryStream())
        {
            read.CopyTo(copy);
            Assert.Equal(File.ReadAllBytes(ArchiveTestData.JpegPath), copy.ToArray());
        }

        Assert.True(store.Verify().Intact);
    }

    [Fact]
    public void Verify_reports_an_encrypted_file_whose_bytes_were_changed()
    {
        using var store = Open(_key);
        var batch = ArchiveTestData.ApprovedBatch(store, "enc");
        var entry = store.Commit(batch.Id, "reviewer")[0];
        var path = store.PathOf(entry.Pdf);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var report = store.Verify();
        Assert.Contains(report.Altered, p => p.File.Path == entry.Pdf.Path);
    }

    [Fact]
    public void The_database_does_not_open_without_its_key_or_with_another()
    {
        using (var store = Open(_key))
        {
            store.CreateBatch("b", "clerk");
        }

        using var other = DataKey.Generate();
        Assert.Throws<ArchiveException>(() => Open(other));
        Assert.Throws<ArchiveException>(() => Open(null));
        using var again = Open(_key);
        Assert.NotNull(again.FindBatch("b"));
    }

    [Fact]
    public void A_reader_that_needs_a_path_reads_an_encrypted_original_in_memory()
    {
        using var store = Open(_key);
        var batch = store.CreateBatch("b", "clerk");
        var document = store.AddDocument(batch.Id, ArchiveTestData.JpegPath, "invoice.jpg", "clerk");
        var path = store.PathOf(document.Original);
        Assert.Throws<Core.Documents.DocumentReadException>(() => new DocumentReader().ReadPages(path).ToList());
        var reader = store.PlaintextReader(new DocumentReader());
        Assert.Equal(Core.Documents.DocumentFormat.Jpeg, reader.Identify(path));
        var pages = reader.ReadPages(path).ToList();
        Assert.Single(pages);
        Assert.True(pages[0].Image!.Width > 1000);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_data.Path, "tmp")));
    }

    [Fact]
    public void Folders_and_files_are_private_whatever_the_umask()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var root = Path.Combine(_data.Path, "new-folder");
        using (var store = new LiteDbArchiveStore(new ArchiveStoreOptions(root, Key: _key)))
        {
            var batch = ArchiveTestData.ApprovedBatch(store, "p");
            store.Commit(batch.Id, "reviewer");
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Append(root))
        {
            var mode = File.GetUnixFileMode(entry);
            Assert.True((mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute)) == 0, $"{entry}: {mode}");
        }
    }

    private LiteDbArchiveStore Open(DataKey? key) => new(new ArchiveStoreOptions(_data.Path, Key: key));
}
