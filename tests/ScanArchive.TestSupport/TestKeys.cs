using System.Runtime.CompilerServices;

namespace ScanArchive.TestSupport;

/// <summary>
/// Keeps the keys of the tests' data folders out of the developer's home: every new data folder gets its key file
/// created automatically (in <c>SCANARCHIVE_KEY_DIR</c>), so tests point that at a temporary folder of their own
/// run, which programs they start inherit, and which is removed when the run ends.
/// </summary>
public static class TestKeys
{
    private const string Variable = "SCANARCHIVE_KEY_DIR";
    private static readonly Lock Gate = new();

    /// <summary>The folder the tests' key files go to.</summary>
    public static string Folder { get; private set; } = "";

    /// <summary>Points <c>SCANARCHIVE_KEY_DIR</c> at this run's temporary key folder (once per process).</summary>
    public static void Use()
    {
        lock (Gate)
        {
            if (Folder.Length > 0)
            {
                return;
            }

            Folder = Path.Combine(Path.GetTempPath(), $"scanarchive-test-keys-{Environment.ProcessId}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(Folder);
            Environment.SetEnvironmentVariable(Variable, Folder);
            var folder = Folder;
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
            };
        }
    }

#pragma warning disable CA2255 // A test library sets the environment of its test process before any test runs; that is the point.
    [ModuleInitializer]
    internal static void Initialize() => Use();
#pragma warning restore CA2255
}
