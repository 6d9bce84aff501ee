using System.Security.Cryptography;
using System.Text;
using ScanArchive.Capture.Watch;
using ScanArchive.Core.Capture;
using ScanArchive.TestSupport;

namespace ScanArchive.Capture.Tests;

/// <summary>The watch folder on the real file system: complete-file detection, exactly-once hand-out across restarts.</summary>
public sealed class WatchFolderTests : IDisposable
{
    private static readonly WatchFolderOptions Fast = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(20),
        StableFor = TimeSpan.FromMilliseconds(100),
        IncompleteGrace = TimeSpan.FromSeconds(30),
    };

    private readonly TempDirectory temp = new("scanarchive-watch-test");

    public void Dispose() => temp.Dispose();

    private string Dir => temp.Path;

    /// <summary>A small "PDF" with its end marker (what the completeness check looks for).</summary>
    private static byte[] Pdf(int n) => Encoding.ASCII.GetBytes($"%PDF-1.7\n% page {n}\n{new string('x', 2000 + n)}\n%%EOF\n");

    private static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// An importer whose archive is a file of imported hashes (durable across "restarts"), which checks retries
    /// against it as the real importer must.
    /// </summary>
    private sealed class FakeImporter(string archiveFile)
    {
        public List<string> Imports { get; } = File.Exists(archiveFile) ? [.. File.ReadAllLines(archiveFile)] : [];

        public void Import(WatchedFile file)
        {
            if (file.IsRetry && Imports.Contains(file.Sha256))
            {
                return;
            }

            Imports.Add(file.Sha256);
            File.AppendAllLines(archiveFile, [file.Sha256]);
        }
    }

    /// <summary>Runs the watch loop until <paramref name="stop"/> holds (checked between polls too) or the handler returns false (stop after this file).</summary>
    private static async Task RunUntilAsync(WatchFolderSource source, Func<WatchedFile, bool> handle, Func<bool> stop)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a safety net, not a speed check
        var stopper = Task.Run(async () =>
        {
            while (!stop() && !cancel.IsCancellationRequested)
            {
                await Task.Delay(10);
            }

            await cancel.CancelAsync();
        });
        var stoppedByHandler = false;
        await foreach (var file in source.WatchAsync(cancel.Token))
        {
            if (!handle(file))
            {
                stoppedByHandler = true;
                break;
            }
        }

        if (stoppedByHandler)
        {
            await cancel.CancelAsync();
        }

        await stopper;
        Assert.True(stoppedByHandler || stop(), "watch folder did not finish in time");
    }

    [Fact]
    public async Task Two_hundred_files_dropped_while_running_and_across_a_crash_are_imported_once_each()
    {
        var archive = temp.File("archive/imported.txt"); // a subfolder: the watcher only looks at files in DIR itself
        var expected = Enumerable.Range(1, 200).Select(n => Hash(Pdf(n))).ToHashSet();

        // Writer: each file is written in two parts with a pause (like a scanner streaming over SMB), half of them
        // under a temporary name renamed at the end (as many scanners do).
        var writer = Task.Run(async () =>
        {
            for (var n = 1; n <= 200; n++)
            {
                var content = Pdf(n);
                var final = Path.Combine(Dir, $"scan-{n:D3}.pdf");
                var path = n % 2 == 0 ? final + ".part" : final;
                await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
                {
                    await stream.WriteAsync(content.AsMemory(0, content.Length / 2));
                    await stream.FlushAsync();
                    await Task.Delay(n % 10 == 0 ? 60 : 2);
                    await stream.WriteAsync(content.AsMemory(content.Length / 2));
                }

                if (path != final)
                {
                    File.Move(path, final);
                }

                if (n == 100)
                {
                    await Task.Delay(300);
                }
            }
        });

        // Run 1: import until 80 files are done, then "crash" in the middle of the 81st: imported but not completed.
        var firstRun = new FakeImporter(archive);
        using (var source = new WatchFolderSource(Dir, Fast))
        {
            var handled = 0;
            await RunUntilAsync(
                source,
                file =>
                {
                    firstRun.Import(file);
                    if (++handled == 81)
                    {
                        return false; // crash: no Complete for this one
                    }

                    source.Complete(file);
                    return true;
                },
                () => false);
        }

        // Run 2 (after the "restart"): everything else, including files dropped while nothing watched.
        var secondRun = new FakeImporter(archive);
        var retries = 0;
        using (var source = new WatchFolderSource(Dir, Fast))
        {
            await RunUntilAsync(
                source,
                file =>
                {
                    retries += file.IsRetry ? 1 : 0;
                    secondRun.Import(file);
                    source.Complete(file);
                    return true;
                },
                () => writer.IsCompleted && Directory.GetFiles(Path.Combine(Dir, WatchFolderSource.DoneFolderName)).Length == 200);
        }

        await writer;
        Assert.Equal(200, secondRun.Imports.Count);
        Assert.Equal(expected, secondRun.Imports.ToHashSet()); // no misses
        Assert.Equal(secondRun.Imports.Count, secondRun.Imports.Distinct().Count()); // no duplicates
        Assert.Equal(1, retries);
        Assert.Empty(Directory.GetFiles(Dir));
        Assert.Equal(200, Directory.GetFiles(Path.Combine(Dir, WatchFolderSource.DoneFolderName)).Length);
    }

    [Fact]
    public async Task A_stable_but_cut_off_file_waits_for_its_end()
    {
        var content = Pdf(1);
        var partial = Path.Combine(Dir, "a-partial.pdf");
        File.WriteAllBytes(partial, content.AsSpan(0, 1000).ToArray());
        File.WriteAllBytes(Path.Combine(Dir, "b-complete.pdf"), Pdf(2));
        var names = new List<string>();
        using var source = new WatchFolderSource(Dir, Fast);

        await RunUntilAsync(source, f => { names.Add(f.Name); source.Complete(f); return true; }, () => names.Count == 1);
        Assert.Equal(["b-complete.pdf"], names);

        File.WriteAllBytes(partial, content);
        await RunUntilAsync(source, f => { names.Add(f.Name); source.Complete(f); return true; }, () => names.Count == 2);
        Assert.Equal(["b-complete.pdf", "a-partial.pdf"], names);
    }

    [Fact]
    public async Task Failed_files_move_aside_with_their_reason_and_are_not_handed_out_again()
    {
        File.WriteAllBytes(Path.Combine(Dir, "broken.pdf"), Pdf(7));
        using (var source = new WatchFolderSource(Dir, Fast))
        {
            await RunUntilAsync(source, f => { source.Fail(f, "文件已损坏 / damaged"); return false; }, () => false);
        }

        var failed = Path.Combine(Dir, WatchFolderSource.FailedFolderName);
        Assert.True(File.Exists(Path.Combine(failed, "broken.pdf")));
        Assert.Contains("damaged", File.ReadAllText(Path.Combine(failed, "broken.pdf.reason.txt")), StringComparison.Ordinal);

        // The operator puts a fixed copy back: it is a new attempt, handed out normally.
        File.Copy(Path.Combine(failed, "broken.pdf"), Path.Combine(Dir, "broken.pdf"));
        using var again = new WatchFolderSource(Dir, Fast);
        WatchedFile? retried = null;
        await RunUntilAsync(again, f => { retried = f; again.Complete(f); return false; }, () => false);
        Assert.False(retried!.IsRetry);
    }

    [Fact]
    public async Task The_same_content_sent_twice_is_imported_once()
    {
        File.WriteAllBytes(Path.Combine(Dir, "first.pdf"), Pdf(3));
        var handed = new List<string>();
        using var source = new WatchFolderSource(Dir, Fast);
        await RunUntilAsync(source, f => { handed.Add(f.Name); source.Complete(f); return true; }, () => handed.Count == 1);

        File.WriteAllBytes(Path.Combine(Dir, "resent.pdf"), Pdf(3));
        File.WriteAllBytes(Path.Combine(Dir, "other.pdf"), Pdf(4));
        var resent = Path.Combine(Dir, "resent.pdf");
        await RunUntilAsync(source, f => { handed.Add(f.Name); source.Complete(f); return true; }, () => handed.Count == 2 && !File.Exists(resent));

        Assert.Equal(["first.pdf", "other.pdf"], handed);
        var done = Path.Combine(Dir, WatchFolderSource.DoneFolderName);
        Assert.True(File.Exists(Path.Combine(done, "resent.pdf")));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9 }, true)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5 }, false)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }, true)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0, 0x49, 0x45 }, false)]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0 }, true)]
    [InlineData(new byte[0], false)]
    public void Completeness_by_end_marker(byte[] content, bool complete)
    {
        var path = temp.Write("f.bin", content);
        Assert.Equal(complete, FileCompleteness.LooksComplete(path));
    }
}
