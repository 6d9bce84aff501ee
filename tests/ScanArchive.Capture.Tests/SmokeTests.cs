using ScanArchive.Capture.Sane;
using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Tests;

[Collection(SaneCollection.Name)]
public sealed class SmokeTests
{
    [Fact]
    public void Probe()
    {
        using var device = SaneRuntime.Open("test:0");
        SaneThread.Invoke(() =>
        {
            var set = new SaneOptionSet(device);
            set.Set("mode", "Color");
            set.Set("depth", new double[] { 1 });
            set.Set("test-picture", "Solid black");
            set.Set("resolution", new double[] { 25 });
            set.Set("br-x", new double[] { 10 });
            set.Set("br-y", new double[] { 1 });
            Console.WriteLine(device.Start());
            device.GetParameters(out var p);
            Console.WriteLine(p);
            var buf = new byte[1000];
            Console.WriteLine(device.Read(buf, out var n) + " " + n + " " + Convert.ToHexString(buf, 0, n));
            device.Cancel();
            set.Set("mode", "Gray");
            set.Set("depth", new double[] { 16 });
            set.Set("test-picture", "Color pattern");
            Console.WriteLine(device.Start());
            device.GetParameters(out p);
            Console.WriteLine(p);
            Console.WriteLine(device.Read(buf, out n) + " " + n + " " + Convert.ToHexString(buf, 0, n));
            device.Cancel();
            set.Set("hand-scanner", true);
            Console.WriteLine(device.Start());
            device.GetParameters(out p);
            Console.WriteLine(p);
            device.Cancel();
            return 0;
        });
    }
}
