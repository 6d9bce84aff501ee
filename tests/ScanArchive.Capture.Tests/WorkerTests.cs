using System.Diagnostics;
using ScanArchive.Capture.Sane;
using ScanArchive.Capture.Worker;
using ScanArchive.Core.Capture;
using ScanArchive.TestSupport;

namespace ScanArchive.Capture.Tests;

/// <summary>
/// Isolation: scans run in the real CLI's hidden scan-worker mode (a separate process); crashes, kills, hangs and
/// garbage from the worker become <see cref="ScanException"/>s in this process, which keeps the pages it already has.
/// </summary>
public sealed class WorkerTests : IDisposable
{
    private readonly TempDirectory temp = new("scanarchive-worker-test");

    public void Dispose() => temp.Dispose();

    private ScanWorkerClient Client(Action<int>? started = null, TimeSpan? idle = null, Func<ProcessStartInfo>? command = null) => new(new ScanWorkerOptions
    {
        StartInfo = command ?? (() => ScanWorkerCommand.ForAssembly(Path.Combine(AppContext.BaseDirectory, "scanarchive.dll"))),
        SaneConfigDir = SaneConfigFolder.EnsureProjectFolder(Path.Combine(temp.Path, SaneConfigFolder.FolderName)),
        // The machine running the tests may be loaded: generous start time, and silence limits only where tested.
        StartTimeout = TimeSpan.FromSeconds(60),
        IdleTimeout = idle ?? TimeSpan.FromSeconds(60),
        CancelGrace = TimeSpan.FromSeconds(10),
        WorkerStarted = started,
    });

    private static ScanSettings Feeder(int dpi, params string[] options) => new()
    {
        Device = "test:0",
        Source = ScanSource.Feeder,
        Dpi = dpi,
        Area = ScanAreaMm.A4,
        Options = [.. options.Select(DeviceOptionSetting.Parse)],
    };

    private static async Task<(List<CapturedPage> Pages, ScanException? Error)> CollectAsync(
        IAsyncEnumerable<CapturedPage> scan, Action<CapturedPage>? onPage = null)
    {
        var pages = new List<CapturedPage>();
        try
        {
            await foreach (var page in scan)
            {
                pages.Add(page);
                onPage?.Invoke(page);
            }

            return (pages, null);
        }
        catch (ScanException ex)
        {
            return (pages, ex);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Feeder_batch_streams_each_page_while_the_worker_still_scans()
    {
        var pid = 0;
        var progress = new List<ScanProgress>();
        var workerAliveAtFirstPage = false;
        var client = Client(p => pid = p);

        // A4 at 300 dpi: 8.7 MB per page, far more than the pipe and the client's queue hold, so the worker cannot
        // have finished the batch when the first page arrives.
        var (pages, error) = await CollectAsync(
            client.ScanAsync(Feeder(300, "test-picture=Grid"), new SyncProgress(progress.Add)),
            page => workerAliveAtFirstPage |= page.Number == 1 && IsRunning(pid));

        Assert.Null(error);
        Assert.Equal(Enumerable.Range(1, 10), pages.Select(p => p.Number));
        Assert.True(workerAliveAtFirstPage);
        Assert.All(pages, p => Assert.Equal(300, p.Image.Dpi));
        Assert.InRange(pages[0].Image.Height, 3500, 3515);
        Assert.Equal(Enumerable.Range(1, 10), progress.Select(p => p.PageNumber).Distinct());
        Assert.False(IsRunning(pid));
    }

    [Theory]
    [InlineData("SANE_STATUS_JAMMED", ScanFault.Jammed)]
    [InlineData("SANE_STATUS_COVER_OPEN", ScanFault.CoverOpen)]
    [InlineData("SANE_STATUS_NO_DOCS", ScanFault.NoPaper)]
    public async Task Worker_reported_faults_arrive_as_scan_exceptions(string status, ScanFault expected)
    {
        var (pages, error) = await CollectAsync(Client().ScanAsync(Feeder(25, $"read-return-value={status}")));

        Assert.Empty(pages);
        Assert.Equal(expected, error?.Fault);
        Assert.Equal(1, error!.PageNumber);
    }

    [Fact]
    public async Task Invalid_option_is_reported_not_crashed()
    {
        var (_, error) = await CollectAsync(Client().ScanAsync(Feeder(25, "no-such-option=1")));

        Assert.Equal(ScanFault.InvalidOption, error?.Fault);
        Assert.Contains("no-such-option", error!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kill_9_mid_page_keeps_delivered_pages_and_the_next_scan_starts_a_new_worker()
    {
        var pids = new List<int>();
        var client = Client(pids.Add);
        var killed = 0;
        // The test backend pauses 30 ms after each 64 KB it produces: a 100-dpi A4 page (~1 MB) takes ~0.5 s, several
        // progress reports (every 100 ms) arrive inside each page, and the kill lands mid-page.
        var slow = Feeder(100, "read-delay=yes", "read-delay-duration=30000");
        var seen = new List<ScanProgress>();
        var progress = new SyncProgress(p =>
        {
            seen.Add(p);
            if (p.PageNumber == 2 && p.BytesRead > 0 && Interlocked.Exchange(ref killed, 1) == 0)
            {
                using var worker = Process.GetProcessById(pids[0]);
                worker.Kill(); // SIGKILL on Linux: no chance to report anything
            }
        });

        var (pages, error) = await CollectAsync(client.ScanAsync(slow, progress));

        Assert.True(killed == 1, $"no progress inside page 2: pages {pages.Count}, error {error?.Fault} {error?.Detail}, progress {string.Join(" ", seen)}");
        Assert.Equal([1], pages.Select(p => p.Number));
        Assert.Equal(ScanFault.WorkerCrashed, error?.Fault);
        Assert.Equal(2, error!.PageNumber);
        Assert.Contains("signal 9", error.Detail, StringComparison.Ordinal);
        Assert.True(error.IsResumable);

        var (again, againError) = await CollectAsync(client.ScanAsync(Feeder(25) with { Source = ScanSource.Flatbed }));
        Assert.Null(againError);
        Assert.Single(again);
        Assert.Equal(2, pids.Distinct().Count());
    }

    [Fact]
    public async Task Cancel_stops_the_scan_and_keeps_pages()
    {
        using var cancel = new CancellationTokenSource();
        var (pages, error) = await CollectAsync(Client().ScanAsync(Feeder(300), null, cancel.Token), _ => cancel.Cancel());

        // Pages the worker completed before it saw the cancel still arrive (they are captured paper); the batch stops
        // well before the feeder's 10 sheets.
        Assert.Equal(Enumerable.Range(1, pages.Count), pages.Select(p => p.Number));
        Assert.InRange(pages.Count, 1, 9);
        Assert.Equal(ScanFault.Cancelled, error?.Fault);
    }

    [Fact]
    public async Task Silent_real_worker_is_killed_as_not_responding()
    {
        var pid = 0;
        // 200 ms between 1-byte reads while only 150 ms of silence are allowed.
        var stalled = Feeder(25, "read-limit=yes", "read-limit-size=1", "read-delay=yes", "read-delay-duration=200000");
        var (pages, error) = await CollectAsync(Client(p => pid = p, TimeSpan.FromMilliseconds(150)).ScanAsync(stalled));

        Assert.Empty(pages);
        Assert.Equal(ScanFault.NotResponding, error?.Fault);
        Assert.False(IsRunning(pid));
    }

    [Fact]
    public async Task Worker_that_hangs_after_hello_is_killed_as_not_responding()
    {
        var hello = temp.File("hello.bin");
        using (var file = File.Create(hello))
        {
            WorkerProtocol.Write(file, FrameType.Hello, WorkerProtocol.Serialize(new HelloMessage(WorkerProtocol.Version, 0, null)));
        }

        var pid = 0;
        var client = Client(p => pid = p, TimeSpan.FromMilliseconds(500), () => Shell($"cat '{hello}'; exec sleep 60"));

        var (_, error) = await CollectAsync(client.ScanAsync(Feeder(25)));

        Assert.Equal(ScanFault.NotResponding, error?.Fault);
        Assert.False(IsRunning(pid));
    }

    [Fact]
    public async Task Worker_that_dies_or_talks_garbage_is_a_crash_with_its_stderr()
    {
        var (_, died) = await CollectAsync(Client(command: () => Shell("echo 'backend exploded' >&2; exit 3")).ScanAsync(Feeder(25)));
        Assert.Equal(ScanFault.WorkerCrashed, died?.Fault);
        Assert.Contains("exit code 3", died!.Detail, StringComparison.Ordinal);
        Assert.Contains("backend exploded", died.Detail, StringComparison.Ordinal);

        var (_, garbage) = await CollectAsync(Client(command: () => Shell("echo 'Usage: something else'; sleep 5")).ScanAsync(Feeder(25)));
        Assert.Equal(ScanFault.WorkerCrashed, garbage?.Fault);
        Assert.Contains("Not a scan-worker frame", garbage!.Detail, StringComparison.Ordinal);

        var (_, missing) = await CollectAsync(Client(command: () => new ProcessStartInfo("/nonexistent/scanarchive")).ScanAsync(Feeder(25)));
        Assert.Equal(ScanFault.WorkerCrashed, missing?.Fault);
    }

    [Fact]
    public async Task Devices_are_listed_through_the_worker()
    {
        var devices = await Client().ListDevicesAsync();

        var test = Assert.Single(devices, d => d.Name == "test:0");
        Assert.Equal("frontend-tester", test.Model);
        Assert.Contains(test.Capabilities!.Sources, s => s.Meaning == ScanSource.Feeder);
        Assert.Contains(devices, d => d.Name == "pnm:0");
    }

    private static ProcessStartInfo Shell(string script)
    {
        var start = new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        return start;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to a thread pool).</summary>
    private sealed class SyncProgress(Action<ScanProgress> report) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => report(value);
    }
}
