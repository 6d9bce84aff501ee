using System.IO.Pipelines;
using ScanArchive.Capture.Sane;
using ScanArchive.Capture.Worker;
using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Tests;

/// <summary>The worker loop in-process over pipes, with a scripted device: framing, and what happens when the parent goes away.</summary>
public sealed class WorkerHostTests
{
    private sealed class FakeProvider(ISaneDevice device) : ISaneProvider
    {
        public string? Version => "fake";

        public void Initialize()
        {
        }

        public IReadOnlyList<SaneDeviceEntry> ListDevices() => [new(device.Name, "Acme", "Fake", "virtual device")];

        public ISaneDevice Open(string name) => name == device.Name ? device : throw new ScanException(ScanFault.DeviceNotFound, name);
    }

    private static async Task<List<(FrameType Type, byte[] Payload)>> ReadAllAsync(Stream output)
    {
        output.Position = 0;
        var frames = new List<(FrameType, byte[])>();
        while (await WorkerProtocol.ReadAsync(output, CancellationToken.None) is { } frame)
        {
            frames.Add(frame);
        }

        return frames;
    }

    [Fact]
    public async Task Scan_request_streams_hello_progress_pages_and_done()
    {
        var device = FakeSaneDevice.DocumentScanner();
        device.Frames.Enqueue(FakeFrame.Gray8(30, 20, 7));
        device.Frames.Enqueue(FakeFrame.Gray8(30, 20, 9));
        var input = new Pipe();
        var request = new MemoryStream();
        WorkerProtocol.Write(request, FrameType.ScanRequest, WorkerProtocol.Serialize(new ScanRequestMessage(new ScanSettings { Device = device.Name, Source = ScanSource.Feeder, Dpi = 300 })));
        await input.Writer.WriteAsync(request.ToArray());
        var output = new MemoryStream();

        var code = await ScanWorkerHost.RunAsync(input.Reader.AsStream(), output, new FakeProvider(device), CancellationToken.None);

        Assert.Equal(0, code);
        var frames = await ReadAllAsync(output);
        Assert.Equal(FrameType.Hello, frames[0].Type);
        Assert.Equal(FrameType.Done, frames[^1].Type);
        var pages = frames.Where(f => f.Type == FrameType.Page).Select(f => WorkerProtocol.DecodePage(f.Payload)).ToList();
        Assert.Equal([7, 9], pages.Select(p => (int)p.Image.Pixels[0]));
        Assert.All(pages, p => Assert.Equal(300, p.Image.Dpi));
        Assert.Contains(frames, f => f.Type == FrameType.Progress);
        Assert.Equal(2, WorkerProtocol.Deserialize<DoneMessage>(frames[^1].Payload).Pages);
    }

    [Fact]
    public async Task Parent_going_away_cancels_the_scan_in_the_worker()
    {
        var inner = FakeSaneDevice.DocumentScanner();
        inner.ReadChunk = 100;
        for (var i = 0; i < 3; i++)
        {
            inner.Frames.Enqueue(FakeFrame.Gray8(100, 100));
        }

        var input = new Pipe();
        var device = new ParentDiesOnSecondPage(inner, input.Writer);
        var request = new MemoryStream();
        WorkerProtocol.Write(request, FrameType.ScanRequest, WorkerProtocol.Serialize(new ScanRequestMessage(new ScanSettings { Device = inner.Name, Source = ScanSource.Feeder })));
        await input.Writer.WriteAsync(request.ToArray());
        var output = new MemoryStream();

        await ScanWorkerHost.RunAsync(input.Reader.AsStream(), output, new FakeProvider(device), CancellationToken.None);

        var frames = await ReadAllAsync(output);
        Assert.Single(frames, f => f.Type == FrameType.Page);
        var fault = WorkerProtocol.Deserialize<FaultMessage>(frames[^1].Payload);
        Assert.Equal((ScanFault.Cancelled, 2), (fault.Fault, fault.PageNumber));
        Assert.Equal(1, inner.CancelCount);
    }

    [Fact]
    public async Task Devices_request_lists_devices_with_capabilities()
    {
        var device = FakeSaneDevice.DocumentScanner();
        var input = new Pipe();
        var request = new MemoryStream();
        WorkerProtocol.Write(request, FrameType.DevicesRequest, []);
        await input.Writer.WriteAsync(request.ToArray());
        var output = new MemoryStream();

        await ScanWorkerHost.RunAsync(input.Reader.AsStream(), output, new FakeProvider(device), CancellationToken.None);

        var devices = WorkerProtocol.Deserialize<DevicesMessage>((await ReadAllAsync(output))[^1].Payload).Devices;
        var caps = Assert.Single(devices).Capabilities!;
        Assert.Equal([ScanSource.Flatbed, ScanSource.Feeder, null, ScanSource.Duplex], caps.Sources.Select(s => s.Meaning));
        Assert.Equal([75, 150, 300, 600], caps.Resolutions!.Values);
        Assert.Equal(new ScanAreaMm(215.9, 297), caps.MaxArea);
    }

    /// <summary>Closes the worker's stdin (the parent died) when the second page starts, then reads slowly.</summary>
    private sealed class ParentDiesOnSecondPage(FakeSaneDevice inner, PipeWriter stdin) : ISaneDevice
    {
        private bool closed;

        public string Name => inner.Name;

        public IReadOnlyList<SaneOption> ReadOptions() => inner.ReadOptions();

        public SaneStatus GetValue(SaneOption o, out object? v) => inner.GetValue(o, out v);

        public SaneStatus SetValue(SaneOption o, object? v, out SaneInfo i) => inner.SetValue(o, v, out i);

        public SaneStatus SetAuto(SaneOption o, out SaneInfo i) => inner.SetAuto(o, out i);

        public SaneStatus Start()
        {
            if (inner.Starts == 1 && !closed)
            {
                closed = true;
                stdin.Complete();
            }

            return inner.Start();
        }

        public SaneStatus GetParameters(out SaneFrameParameters p) => inner.GetParameters(out p);

        public SaneStatus Read(Span<byte> buffer, out int length)
        {
            if (closed)
            {
                Thread.Sleep(10); // a slow sheet: the worker notices the closed stdin long before it ends
            }

            return inner.Read(buffer, out length);
        }

        public void Cancel() => inner.Cancel();

        public void Dispose()
        {
        }
    }
}
