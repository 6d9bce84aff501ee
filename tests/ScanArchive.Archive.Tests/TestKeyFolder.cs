using System.Runtime.CompilerServices;

namespace ScanArchive.Archive.Tests;

/// <summary>Keys of the data folders these tests create go to a temporary folder, never the developer's home (see <see cref="TestSupport.TestKeys"/>).</summary>
internal static class TestKeyFolder
{
#pragma warning disable CA2255 // set before any test of this assembly runs
    [ModuleInitializer]
    internal static void Initialize() => TestSupport.TestKeys.Use();
#pragma warning restore CA2255
}
