namespace ScanArchive.TestSupport;

/// <summary>Finds the repository's folders from a test's output directory.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding ScanArchive.sln).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The committed sample scans with their ground truth.</summary>
    public static string SampleScans => Path.Combine(RepoRoot, "sample-scans");

    /// <summary>A file under sample-scans/; fails the test clearly if it is missing.</summary>
    public static string SampleScan(string name)
    {
        var path = Path.Combine(SampleScans, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Sample scan '{name}' is missing from {SampleScans}.", path);
    }

    /// <summary>The shared real-page datasets (research-only; present on developer and CI machines, never in the repo).</summary>
    public static string SharedDatasets => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "datasets"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScanArchive.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ScanArchive.sln not found above " + AppContext.BaseDirectory);
    }
}
