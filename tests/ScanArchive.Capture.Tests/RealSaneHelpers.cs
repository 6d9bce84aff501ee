using System.Text;
using ScanArchive.Capture.Sane;
using ScanArchive.Core.Capture;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Capture.Tests;

/// <summary>Scans in this process with the real library (on the SANE thread) and writes PNM files for pnm:0.</summary>
internal static class RealSane
{
    /// <summary>
    /// Scans with the real library. The test backend keeps option values and its feeder count for the life of the
    /// process (across sane_open), so before each scan on a test device the options other tests change are put back
    /// and the feeder is run empty (the next start then refills it with 10 sheets). Production never sees this: each
    /// scan runs in a fresh worker process.
    /// </summary>
    public static (List<CapturedPage> Pages, ScanException? Error) Scan(ScanSettings settings, Func<ISaneDevice, ISaneDevice>? wrap = null) =>
        SaneThread.Invoke(() =>
        {
            var pages = new List<CapturedPage>();
            using var real = Open(settings.Device);
            var device = wrap?.Invoke(real) ?? real;
            try
            {
                new SaneScanDriver(device).Scan(settings, pages.Add);
                return (pages, (ScanException?)null);
            }
            catch (ScanException ex)
            {
                return (pages, ex);
            }
        });

    /// <summary>Opens a virtual device with the options earlier tests changed put back (call on the SANE thread).</summary>
    public static ISaneDevice Open(string name)
    {
        var device = SaneRuntime.Open(name);
        if (name.StartsWith("test:", StringComparison.Ordinal))
        {
            ResetTestDevice(device);
        }
        else if (name.StartsWith("pnm:", StringComparison.Ordinal))
        {
            var set = new SaneOptionSet(device);
            foreach (var option in set.All.Where(o => o.Type == SaneValueType.Bool && o.IsSettable).ToList())
            {
                // status = yes means "no forced status"; every other switch (faults, three-pass, hand-scanner, grayify) off.
                set.TrySet(option.Name, option.Name == "status");
            }
        }

        return device;
    }

    private static void ResetTestDevice(ISaneDevice device)
    {
        var set = new SaneOptionSet(device);
        set.Set("read-return-value", "Default");
        set.Set("mode", "Color");
        set.Set("three-pass", false);
        set.Set("mode", "Gray");
        set.Set("depth", new double[] { 8 });
        set.Set("hand-scanner", false);
        set.Set("test-picture", "Solid black");
        set.Set("source", "Automatic Document Feeder");
        set.Set("resolution", new double[] { 1 });
        set.Set("br-x", new double[] { 1 });
        set.Set("br-y", new double[] { 1 });
        var buffer = new byte[4096];
        for (var sheet = 0; sheet < 20 && device.Start() == SaneStatus.Good; sheet++)
        {
            while (device.Read(buffer, out _) == SaneStatus.Good)
            {
            }
        }

        device.Cancel();
    }

    /// <summary>Writes a binary PGM (Gray8) or PPM (Rgb24), the formats the pnm backend reads.</summary>
    public static void WritePnm(RasterImage image, string path)
    {
        using var stream = File.Create(path);
        var magic = image.Format == PixelFormat.Gray8 ? "P5" : "P6";
        stream.Write(Encoding.ASCII.GetBytes($"{magic}\n{image.Width} {image.Height}\n255\n"));
        for (var y = 0; y < image.Height; y++)
        {
            stream.Write(image.Row(y));
        }
    }
}

/// <summary>
/// A real device that switches on one of the test backend's simulated faults before a given sheet, so the fault
/// comes from the backend itself after earlier sheets were scanned normally.
/// </summary>
internal sealed class FaultBeforeSheet(ISaneDevice inner, int sheet, string option, object value) : ISaneDevice
{
    private int starts;

    public string Name => inner.Name;

    public IReadOnlyList<SaneOption> ReadOptions() => inner.ReadOptions();

    public SaneStatus GetValue(SaneOption o, out object? v) => inner.GetValue(o, out v);

    public SaneStatus SetValue(SaneOption o, object? v, out SaneInfo i) => inner.SetValue(o, v, out i);

    public SaneStatus SetAuto(SaneOption o, out SaneInfo i) => inner.SetAuto(o, out i);

    public SaneStatus Start()
    {
        if (++starts == sheet)
        {
            var target = inner.ReadOptions().First(o => o.Name == option);
            var status = inner.SetValue(target, value, out _);
            Assert.Equal(SaneStatus.Good, status);
        }

        return inner.Start();
    }

    public SaneStatus GetParameters(out SaneFrameParameters p) => inner.GetParameters(out p);

    public SaneStatus Read(Span<byte> buffer, out int length) => inner.Read(buffer, out length);

    public void Cancel() => inner.Cancel();

    public void Dispose() => inner.Dispose();
}
