using ScanArchive.Capture.Sane;

namespace ScanArchive.Capture.Tests;

/// <summary>
/// The real SANE library in this test process, initialised once against a project config folder with the virtual
/// test and pnm backends (whatever SANE_CONFIG_DIR the developer's shell has: these tests need those devices).
/// </summary>
public sealed class VirtualScanners
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        // One folder for every run: its content never changes and is written only when missing.
        var folder = Path.Combine(Path.GetTempPath(), "scanarchive-capture-tests", SaneConfigFolder.FolderName);
        SaneConfigFolder.EnsureProjectFolder(folder);
        SaneRuntime.EnsureInitialized(folder, overrideEnvironment: true);
        return folder;
    });

    public VirtualScanners() => _ = Folder.Value;

    /// <summary>The config folder SANE was initialised with.</summary>
    public static string ConfigFolder => Folder.Value;
}

[CollectionDefinition(Name)]
public sealed class SaneCollection : ICollectionFixture<VirtualScanners>
{
    public const string Name = "SANE";
}
