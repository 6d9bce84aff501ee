using System.Diagnostics;
using System.Text.Json;
using ScanArchive.TestSupport;

namespace ScanArchive.Cli.Tests;

/// <summary>The scan-to-folder import, run as a user would: start it, drop files, stop it with Ctrl+C, start again.</summary>
public sealed class WatchCommandTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _inbox = new();

    public void Dispose()
    {
        _data.Dispose();
        _inbox.Dispose();
    }

    [Fact]
    public async Task Dropped_files_are_imported_once_and_bad_ones_set_aside_with_a_reason()
    {
        File.Copy(TestPaths.SampleScan("en-invoice.jpg"), Path.Combine(_inbox.Path, "scan-001.jpg"));
        await File.WriteAllTextAsync(Path.Combine(_inbox.Path, "scan-002.jpg"), "not an image at all");
        await RunWatchUntilAsync(() => Count("done") == 1 && Count("failed") >= 1);

        Assert.True(File.Exists(Path.Combine(_inbox.Path, "failed", "scan-002.jpg.reason.txt")));

        // A restart imports only what is new.
        File.Copy(TestPaths.SampleScan("zh-invoice.jpg"), Path.Combine(_inbox.Path, "scan-003.jpg"));
        await RunWatchUntilAsync(() => Count("done") == 2);

        var batch = JsonDocument.Parse((await CliRunner.RunAsync("batch", "inbox", "--json", "--data", _data.Path)).StdOut).RootElement;
        var names = batch.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("sourceName").GetString()).ToList();
        Assert.Equal(["scan-001.jpg", "scan-003.jpg"], names);
        Assert.Equal("readyForReview", batch.GetProperty("batch").GetProperty("state").GetString());
    }

    private int Count(string folder) =>
        Directory.Exists(Path.Combine(_inbox.Path, folder)) ? Directory.GetFiles(Path.Combine(_inbox.Path, folder), "*.jpg").Length : 0;

    private async Task RunWatchUntilAsync(Func<bool> done)
    {
        using var process = CliRunner.Start("watch", _inbox.Path, "--batch", "inbox", "--data", _data.Path);
        var stderr = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!done() && clock.Elapsed < TimeSpan.FromMinutes(2) && !process.HasExited)
        {
            await Task.Delay(250);
        }

        // Ctrl+C: the command finishes the recognition in progress and exits cleanly.
        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        await process.WaitForExitAsync();
        Assert.True(done(), await stderr);
        Assert.Equal(0, process.ExitCode); // Ctrl+C is how watching ends: a normal stop
    }
}
