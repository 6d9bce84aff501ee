using System.Diagnostics;
using Microsoft.Win32.SafeHandles;
using ScanArchive.Capture.Sane;
using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Worker;

/// <summary>
/// The worker side of scanning: runs inside a separate process (the CLI's hidden <c>scan-worker</c> mode), talks SANE
/// on the SANE thread, and streams pages, progress and the final outcome to the parent over stdout. If the backend
/// crashes or hangs, only this process goes; the parent keeps every page already streamed.
/// </summary>
public static class ScanWorkerHost
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Runs the worker on the process's stdin/stdout: one request (scan or list devices), then exits. Native code
    /// that prints to stdout cannot corrupt the protocol: the protocol keeps a private duplicate of fd 1 and fd 1 is
    /// pointed at stderr.
    /// </summary>
    /// <returns>The process exit code: 0 when the outcome (including a scan fault) was reported, 2 on a protocol error.</returns>
    public static async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var protocolFd = Interop.Libc.dup(1);
        if (protocolFd < 0 || Interop.Libc.dup2(2, 1) < 0)
        {
            await Console.Error.WriteLineAsync("scan-worker: cannot set up stdout");
            return 2;
        }

        Console.SetOut(Console.Error);
        await using var output = new FileStream(new SafeFileHandle(protocolFd, ownsHandle: true), FileAccess.Write, bufferSize: 1 << 16);
        await using var input = Console.OpenStandardInput();
        return await RunAsync(input, output, new RealSane(), cancellationToken);
    }

    /// <summary>The worker loop over any streams and SANE implementation (tests run it in-process with fakes).</summary>
    internal static async Task<int> RunAsync(Stream input, Stream output, ISaneProvider sane, CancellationToken cancellationToken)
    {
        var writeLock = new Lock();
        void Send(FrameType type, params ReadOnlySpan<ReadOnlyMemory<byte>> segments)
        {
            lock (writeLock)
            {
                WorkerProtocol.Write(output, type, segments);
            }
        }

        Send(FrameType.Hello, WorkerProtocol.Serialize(new HelloMessage(WorkerProtocol.Version, Environment.ProcessId, Environment.GetEnvironmentVariable(SaneConfigFolder.VariableName))));
        var request = await WorkerProtocol.ReadAsync(input, cancellationToken);
        if (request is null)
        {
            return 0;
        }

        // Any later frame is a cancel; the end of stdin means the parent is gone: stop scanning either way.
        var cancel = 0;
        _ = Task.Run(
            async () =>
            {
                try
                {
                    while (await WorkerProtocol.ReadAsync(input, CancellationToken.None) is { } frame && frame.Type != FrameType.Cancel)
                    {
                    }
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or ObjectDisposedException)
                {
                }

                Volatile.Write(ref cancel, 1);
            },
            CancellationToken.None);
        using var registration = cancellationToken.Register(() => Volatile.Write(ref cancel, 1));

        try
        {
            switch (request.Value.Type)
            {
                case FrameType.ScanRequest:
                    var settings = WorkerProtocol.Deserialize<ScanRequestMessage>(request.Value.Payload).Settings;
                    var pages = await SaneThread.InvokeAsync(() => Scan(sane, settings, Send, () => Volatile.Read(ref cancel) != 0));
                    Send(FrameType.Done, WorkerProtocol.Serialize(new DoneMessage(pages)));
                    break;
                case FrameType.DevicesRequest:
                    var devices = await SaneThread.InvokeAsync(() => ListDevices(sane));
                    Send(FrameType.Devices, WorkerProtocol.Serialize(new DevicesMessage(devices, sane.Version)));
                    break;
                default:
                    await Console.Error.WriteLineAsync($"scan-worker: unexpected request {request.Value.Type}");
                    return 2;
            }
        }
        catch (ScanException ex)
        {
            Send(FrameType.Fault, WorkerProtocol.Serialize(new FaultMessage(ex.Fault, ex.Detail, ex.PageNumber)));
        }
        catch (Exception ex) when (ex is not IOException)
        {
            await Console.Error.WriteLineAsync($"scan-worker: {ex}");
            Send(FrameType.Fault, WorkerProtocol.Serialize(new FaultMessage(ScanFault.Other, ex.GetType().Name + ": " + ex.Message, null)));
        }

        return 0;
    }

    private static int Scan(ISaneProvider sane, ScanSettings settings, SendFrame send, Func<bool> cancelRequested)
    {
        sane.Initialize();
        using var device = sane.Open(settings.Device);
        var clock = Stopwatch.StartNew();
        var lastPage = 0;
        var lastReport = TimeSpan.MinValue;
        void OnProgress(ScanProgress p)
        {
            // Throttled: the first report of each page (it started), then at most every 100 ms (proof of life).
            if (p.PageNumber == lastPage && clock.Elapsed - lastReport < ProgressInterval)
            {
                return;
            }

            lastPage = p.PageNumber;
            lastReport = clock.Elapsed;
            send(FrameType.Progress, WorkerProtocol.Serialize(new ProgressMessage(p.PageNumber, p.BytesRead, p.BytesExpected)));
        }

        void OnPage(CapturedPage page)
        {
            var (header, pixels) = WorkerProtocol.EncodePage(page);
            send(FrameType.Page, header, pixels);
        }

        return new SaneScanDriver(device).Scan(settings, OnPage, OnProgress, cancelRequested);
    }

    private static List<ScanDeviceInfo> ListDevices(ISaneProvider sane)
    {
        sane.Initialize();
        var result = new List<ScanDeviceInfo>();
        foreach (var entry in sane.ListDevices())
        {
            try
            {
                using var device = sane.Open(entry.Name);
                var capabilities = SaneScanDriver.ReadCapabilities(new SaneOptionSet(device));
                result.Add(new ScanDeviceInfo(entry.Name, entry.Vendor, entry.Model, entry.Type, capabilities, null));
            }
            catch (ScanException ex)
            {
                // A busy or locked device is still listed, so the operator sees it exists.
                result.Add(new ScanDeviceInfo(entry.Name, entry.Vendor, entry.Model, entry.Type, null, ex.Fault + (ex.Detail is null ? string.Empty : ": " + ex.Detail)));
            }
        }

        return result;
    }

    private delegate void SendFrame(FrameType type, params ReadOnlySpan<ReadOnlyMemory<byte>> segments);

    private sealed class RealSane : ISaneProvider
    {
        public string? Version => SaneRuntime.VersionCode is null ? null : SaneRuntime.VersionText;

        public void Initialize() => SaneRuntime.EnsureInitialized();

        public IReadOnlyList<SaneDeviceEntry> ListDevices() => SaneRuntime.ListDevices();

        public ISaneDevice Open(string name) => SaneRuntime.Open(name);
    }
}

/// <summary>The SANE library as the worker uses it (real one, or a fake in tests).</summary>
internal interface ISaneProvider
{
    string? Version { get; }

    void Initialize();

    IReadOnlyList<SaneDeviceEntry> ListDevices();

    ISaneDevice Open(string name);
}
