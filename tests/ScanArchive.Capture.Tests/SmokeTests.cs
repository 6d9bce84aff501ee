using ScanArchive.Capture.Sane;
using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Tests;

[Collection(SaneCollection.Name)]
public sealed class SmokeTests
{
    [Fact]
    public void Lists_and_scans()
    {
        var devices = SaneRuntime.ListDevices();
        Assert.Contains(devices, d => d.Name == "test:0");
        using var device = SaneRuntime.Open("test:0");
        var pages = new List<CapturedPage>();
        var n = SaneThread.Invoke(() => new SaneScanDriver(device).Scan(new ScanSettings { Device = "test:0", Source = ScanSource.Feeder, Dpi = 50 }, pages.Add));
        Assert.Equal(10, n);
        foreach (var p in pages) Console.WriteLine($"{p.Number} {p.Image.Width}x{p.Image.Height} {p.Image.Format} {p.Image.Dpi} {p.Applied}");
    }
}
