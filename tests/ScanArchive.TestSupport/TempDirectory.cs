namespace ScanArchive.TestSupport;

/// <summary>A fresh folder under the system temp directory, deleted when disposed.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempDirectory(string prefix = "scanarchive-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder (parent folders are created).</summary>
    public string File(string relativePath)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>Writes bytes to a file inside the folder and returns its path.</summary>
    public string Write(string relativePath, byte[] content)
    {
        var full = File(relativePath);
        System.IO.File.WriteAllBytes(full, content);
        return full;
    }

    /// <summary>Deletes the folder and everything in it.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow finalizer: leave it to the OS temp cleaner rather than fail the test.
        }
    }
}
