using ScanArchive.Archive.Storage;
using ScanArchive.TestSupport;

namespace ScanArchive.Archive.Tests;

public class FileStoreTests
{
    [Fact]
    public void A_directory_is_flushed_after_a_rename_into_it_and_a_missing_one_is_reported()
    {
        using var folder = new TempDirectory();

        Assert.True(FileStore.SyncDirectory(folder.Path));
        Assert.False(FileStore.SyncDirectory(System.IO.Path.Combine(folder.Path, "missing")));
        Assert.False(FileStore.SyncDirectory(folder.Write("a-file.txt", [1, 2, 3])));
    }
}
