using ScanArchive.Capture.Sane;
using ScanArchive.Core.Capture;
using static ScanArchive.Capture.Tests.FakeSaneDevice;

namespace ScanArchive.Capture.Tests;

/// <summary>Driver logic against a scripted device: feeder loop, empty/first-sheet rules, faults, option application.</summary>
public sealed class DriverTests
{
    private static ScanSettings Feeder(FakeSaneDevice d) => new() { Device = d.Name, Source = ScanSource.Feeder };

    private static (List<CapturedPage> Pages, ScanException? Error) Run(FakeSaneDevice device, ScanSettings settings, Func<bool>? cancel = null)
    {
        var pages = new List<CapturedPage>();
        try
        {
            new SaneScanDriver(device).Scan(settings, pages.Add, null, cancel);
            return (pages, null);
        }
        catch (ScanException ex)
        {
            return (pages, ex);
        }
    }

    [Fact]
    public void Feeder_scans_until_start_reports_no_docs()
    {
        var device = DocumentScanner();
        for (var i = 0; i < 3; i++)
        {
            device.Frames.Enqueue(FakeFrame.Gray8(10, 5, (byte)(i * 10)));
        }

        var (pages, error) = Run(device, Feeder(device));

        Assert.Null(error);
        Assert.Equal([1, 2, 3], pages.Select(p => p.Number));
        Assert.Equal([0, 10, 20], pages.Select(p => (int)p.Image.Pixels[0]));
        Assert.Equal(4, device.Starts);
        Assert.Equal(1, device.CancelCount);
    }

    [Fact]
    public void Empty_feeder_on_the_first_sheet_means_load_paper()
    {
        var device = DocumentScanner();

        var (pages, error) = Run(device, Feeder(device));

        Assert.Empty(pages);
        Assert.Equal(ScanFault.NoPaper, error?.Fault);
        Assert.Equal(1, error!.PageNumber);
        Assert.Equal(1, device.CancelCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Zero_byte_page_or_no_docs_on_first_read_ends_the_batch_after_pages(bool noDocsOnRead)
    {
        var device = DocumentScanner();
        device.Frames.Enqueue(FakeFrame.Gray8(4, 4));
        device.Frames.Enqueue(FakeFrame.Gray8(4, 4));
        device.Frames.Enqueue(FakeFrame.Gray8(4, 4) with { Data = [], EndStatus = noDocsOnRead ? SaneStatus.NoDocs : SaneStatus.Eof });
        device.Frames.Enqueue(FakeFrame.Gray8(4, 4)); // never reached: the feeder was "empty"

        var (pages, error) = Run(device, Feeder(device));

        Assert.Null(error);
        Assert.Equal(2, pages.Count);
    }

    [Fact]
    public void Zero_byte_first_page_means_load_paper()
    {
        var device = DocumentScanner();
        device.Frames.Enqueue(FakeFrame.Gray8(4, 4) with { Data = [] });

        var (_, error) = Run(device, Feeder(device));

        Assert.Equal(ScanFault.NoPaper, error?.Fault);
    }

    [Theory]
    [InlineData("Jammed", ScanFault.Jammed)]
    [InlineData("CoverOpen", ScanFault.CoverOpen)]
    [InlineData("IoError", ScanFault.IoError)]
    [InlineData("DeviceBusy", ScanFault.DeviceBusy)]
    [InlineData("AccessDenied", ScanFault.AccessDenied)]
    [InlineData("Cancelled", ScanFault.Cancelled)]
    [InlineData("NoMem", ScanFault.Other)]
    [InlineData("Inval", ScanFault.DeviceGone)]
    public void Fault_during_read_keeps_earlier_pages_and_names_the_page(string statusName, ScanFault expected)
    {
        var status = Enum.Parse<SaneStatus>(statusName);
        var device = DocumentScanner();
        device.Frames.Enqueue(FakeFrame.Gray8(10, 10));
        device.Frames.Enqueue(FakeFrame.Gray8(10, 10));
        device.Frames.Enqueue(FakeFrame.Gray8(10, 10) with { Data = new byte[40], EndStatus = status }); // fails after 4 lines

        var (pages, error) = Run(device, Feeder(device));

        Assert.Equal(2, pages.Count);
        Assert.Equal(expected, error?.Fault);
        Assert.Equal(3, error!.PageNumber);
        Assert.Equal(1, device.CancelCount);
    }

    [Fact]
    public void Fault_at_start_of_a_later_sheet_keeps_earlier_pages()
    {
        var device = DocumentScanner();
        device.Frames.Enqueue(FakeFrame.Gray8(10, 10));
        device.Frames.Enqueue(FakeFrame.Status(SaneStatus.CoverOpen));

        var (pages, error) = Run(device, Feeder(device));

        Assert.Single(pages);
        Assert.Equal(ScanFault.CoverOpen, error?.Fault);
        Assert.Equal(2, error!.PageNumber);
    }

    [Fact]
    public void Flatbed_takes_one_page()
    {
        var device = DocumentScanner();
        device.Frames.Enqueue(FakeFrame.Gray8(4, 4));
        device.Frames.Enqueue(FakeFrame.Gray8(4, 4));

        var (pages, error) = Run(device, new ScanSettings { Device = device.Name, Source = ScanSource.Flatbed });

        Assert.Null(error);
        Assert.Single(pages);
        Assert.Equal("Flatbed", device["source"]);
    }

    [Theory]
    [InlineData(ScanSource.Feeder)]
    [InlineData(ScanSource.Duplex)]
    [InlineData(null)]
    public void A_device_without_a_source_option_is_a_flatbed_one_sheet_per_scan(ScanSource? source)
    {
        // No source option (like pnm): a second sane_start would be answered with EOF, which is not "feeder empty".
        var device = new FakeSaneDevice();
        device.Frames.Enqueue(FakeFrame.Gray8(4, 4));
        device.Frames.Enqueue(FakeFrame.Status(SaneStatus.Eof));

        var (pages, error) = Run(device, new ScanSettings { Device = device.Name, Source = source });

        Assert.Null(error);
        Assert.Single(pages);
        Assert.Equal(1, device.Starts);
        Assert.Equal(1, device.CancelCount);
    }

    [Fact]
    public void Unset_source_on_a_device_already_set_to_its_feeder_scans_until_empty()
    {
        var device = DocumentScanner();
        device["source"] = "ADF Front";
        device.Frames.Enqueue(FakeFrame.Gray8(4, 4));
        device.Frames.Enqueue(FakeFrame.Gray8(4, 4));

        var (pages, _) = Run(device, new ScanSettings { Device = device.Name });

        Assert.Equal(2, pages.Count);
    }

    [Fact]
    public void Cancel_between_reads_stops_with_cancelled_and_keeps_pages()
    {
        var device = DocumentScanner();
        device.ReadChunk = 10;
        for (var i = 0; i < 3; i++)
        {
            device.Frames.Enqueue(FakeFrame.Gray8(10, 10));
        }

        var pages = new List<CapturedPage>();
        var ex = Assert.Throws<ScanException>(() => new SaneScanDriver(device).Scan(Feeder(device), pages.Add, null, () => pages.Count == 1 && device.Starts == 2));

        Assert.Equal(ScanFault.Cancelled, ex.Fault);
        Assert.Equal(2, ex.PageNumber);
        Assert.Single(pages);
        Assert.Equal(1, device.CancelCount);
    }

    [Fact]
    public void Max_pages_stops_early()
    {
        var device = DocumentScanner();
        for (var i = 0; i < 5; i++)
        {
            device.Frames.Enqueue(FakeFrame.Gray8(4, 4));
        }

        var (pages, _) = Run(device, Feeder(device) with { MaxPages = 2 });

        Assert.Equal(2, pages.Count);
    }

    [Theory]
    [InlineData(ScanSource.Flatbed, "Flatbed")]
    [InlineData(ScanSource.Feeder, "ADF Front")]
    [InlineData(ScanSource.Duplex, "ADF Duplex")]
    public void Source_is_set_by_meaning(ScanSource source, string expected)
    {
        var device = DocumentScanner();
        device.Frames.Enqueue(FakeFrame.Gray8(4, 4));

        var (pages, _) = Run(device, new ScanSettings { Device = device.Name, Source = source });

        Assert.Equal(expected, device["source"]);
        Assert.Equal(expected, pages[0].Applied.Source);
    }

    [Fact]
    public void Duplex_falls_back_to_feeder_plus_duplex_switch()
    {
        var device = new FakeSaneDevice(StringOption("source", "Flatbed", "Automatic Document Feeder"), BoolOption("duplex"));
        device.Frames.Enqueue(FakeFrame.Gray8(4, 4));

        Run(device, new ScanSettings { Device = device.Name, Source = ScanSource.Duplex });

        Assert.Equal("Automatic Document Feeder", device["source"]);
        Assert.Equal(true, device["duplex"]);
    }

    [Fact]
    public void Missing_source_is_reported_with_what_the_device_offers()
    {
        var device = new FakeSaneDevice(StringOption("source", "Flatbed", "Transparency Adapter"));

        var (_, error) = Run(device, Feeder(device));

        Assert.Equal(ScanFault.Unsupported, error?.Fault);
        Assert.Contains("Transparency Adapter", error!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ColorMode.Color, "Color", 8.0)]
    [InlineData(ColorMode.Gray, "Gray", 8.0)]
    [InlineData(ColorMode.Lineart, "Lineart", 8.0)]
    public void Mode_is_set_by_meaning(ColorMode mode, string expected, double depth)
    {
        var device = DocumentScanner();
        device.Frames.Enqueue(FakeFrame.Gray8(4, 4));

        Run(device, new ScanSettings { Device = device.Name, Mode = mode });

        Assert.Equal(expected, device["mode"]);
        Assert.Equal(depth, ((double[])device["depth"]!)[0]);
    }

    [Fact]
    public void Lineart_without_a_lineart_mode_is_gray_at_one_bit()
    {
        var device = new FakeSaneDevice(StringOption("mode", "Gray", "Color"), IntOption("depth", new SaneWordList([1, 8, 16])));
        device.Frames.Enqueue(FakeFrame.Gray8(4, 4));

        Run(device, new ScanSettings { Device = device.Name, Mode = ColorMode.Lineart });

        Assert.Equal("Gray", device["mode"]);
        Assert.Equal([1.0], (double[])device["depth"]!);
    }

    [Fact]
    public void Resolution_is_snapped_and_the_device_value_becomes_the_page_dpi()
    {
        var device = DocumentScanner();
        // This device stores 300 as 297 (a real backend quirk: it reports the resolution it can really do).
        device.Adjust = (o, v) => o.Name == "resolution" && v is double[] { Length: 1 } d && d[0] == 300 ? new double[] { 297 } : v;
        device.Frames.Enqueue(FakeFrame.Gray8(4, 4));

        var (pages, _) = Run(device, new ScanSettings { Device = device.Name, Dpi = 280 });

        Assert.Contains("set resolution=300", device.Calls);
        Assert.Equal(297, pages[0].Image.Dpi);
        Assert.Equal(297, pages[0].Applied.Dpi);
    }

    [Fact]
    public void Options_are_reloaded_when_the_backend_asks_and_the_new_limits_are_used()
    {
        var device = DocumentScanner();
        device.OnSet = (option, value) =>
        {
            if (option.Name == "source" && value is "ADF Front")
            {
                // The feeder takes longer paper: the backend replaces the geometry limits.
                device.Options = [.. device.Options.Select(o => o.Name == "br-y" ? o with { Constraint = new SaneRange(0, 355.6, 0) } : o)];
                return SaneInfo.ReloadOptions;
            }

            return SaneInfo.None;
        };
        device.Frames.Enqueue(FakeFrame.Gray8(4, 4));
        var driver = new SaneScanDriver(device);

        driver.Configure(new ScanSettings { Device = device.Name, Source = ScanSource.Feeder, Area = new ScanAreaMm(210, 340) });

        Assert.Equal(2, driver.Options.LoadCount);
        Assert.Equal([340.0], (double[])device["br-y"]!);
    }

    [Fact]
    public void Area_is_clamped_to_the_device_and_defaults_to_its_whole_bed()
    {
        var device = DocumentScanner();
        new SaneScanDriver(device).Configure(new ScanSettings { Device = device.Name, Area = new ScanAreaMm(250, 100) });
        Assert.Equal([215.9], (double[])device["br-x"]!);
        Assert.Equal([100.0], (double[])device["br-y"]!);

        var whole = DocumentScanner();
        new SaneScanDriver(whole).Configure(new ScanSettings { Device = whole.Name });
        Assert.Equal([297.0], (double[])whole["br-y"]!);
    }

    [Fact]
    public void Device_options_are_typed_by_descriptor_and_applied_last_in_order()
    {
        var device = DocumentScanner();
        device.Options.AddRange([
            BoolOption("batch-scan"),
            FixedOption("brightness", new SaneRange(-100, 100, 0), SaneUnit.Percent),
            IntOption("gamma-table", new SaneRange(0, 255, 1), words: 4),
            IntOption("threshold", new SaneRange(0, 255, 1), extra: SaneCap.Automatic),
            StringOption("filename"),
            ButtonOption("calibrate"),
        ]);

        new SaneScanDriver(device).Configure(new ScanSettings
        {
            Device = device.Name,
            Mode = ColorMode.Color,
            Options = [.. new[] { "batch-scan=yes", "brightness=-12.5", "gamma-table=1,2,3,4", "threshold=auto", "filename=/tmp/a b.pnm", "calibrate=", "mode=gray" }.Select(DeviceOptionSetting.Parse)],
        });

        Assert.Equal(true, device["batch-scan"]);
        Assert.Equal([-12.5], (double[])device["brightness"]!);
        Assert.Equal([1.0, 2, 3, 4], (double[])device["gamma-table"]!);
        Assert.Contains("auto threshold", device.Calls);
        Assert.Equal("/tmp/a b.pnm", device["filename"]);
        Assert.Contains("set calibrate=(none)", device.Calls);
        Assert.Equal("Gray", device["mode"]); // --option wins over --mode, with the device's own spelling
    }

    [Theory]
    [InlineData("no-such-option=1", "no option")]
    [InlineData("batch-scan=maybe", "yes or no")]
    [InlineData("resolution=high", "whole number")]
    [InlineData("mode=Sepia", "one of")]
    [InlineData("preview=yes", "inactive")]
    public void Bad_device_options_are_invalid_option_faults(string option, string hint)
    {
        var device = DocumentScanner();
        device.Options.AddRange([BoolOption("batch-scan"), BoolOption("preview", SaneCap.Inactive)]);

        var error = Assert.Throws<ScanException>(() => new SaneScanDriver(device).Configure(new ScanSettings { Device = device.Name, Options = [DeviceOptionSetting.Parse(option)] }));

        Assert.Equal(ScanFault.InvalidOption, error.Fault);
        Assert.Contains(hint, error.Detail, StringComparison.Ordinal);
        Assert.False(error.IsResumable);
    }

    [Fact]
    public void Three_pass_page_reads_three_frames_per_page()
    {
        var device = DocumentScanner();
        foreach (var (frame, value, last) in new[] { (SaneFrame.Green, 20, false), (SaneFrame.Blue, 30, false), (SaneFrame.Red, 10, true) })
        {
            device.Frames.Enqueue(new FakeFrame(new SaneFrameParameters(frame, last, 3, 3, 2, 8), Enumerable.Repeat((byte)value, 6).ToArray()));
        }

        var (pages, error) = Run(device, Feeder(device));

        Assert.Null(error);
        var page = Assert.Single(pages);
        Assert.Equal(Core.Imaging.PixelFormat.Rgb24, page.Image.Format);
        Assert.Equal([10, 20, 30], page.Image.Pixels.Take(3).Select(b => (int)b));
    }

    [Fact]
    public void Unknown_length_frames_take_their_height_from_the_data()
    {
        var device = DocumentScanner();
        device.ReadChunk = 7;
        device.Frames.Enqueue(new FakeFrame(new SaneFrameParameters(SaneFrame.Gray, true, 10, 10, -1, 8), new byte[10 * 3210]));

        var (pages, _) = Run(device, new ScanSettings { Device = device.Name });

        Assert.Equal(3210, pages[0].Image.Height);
    }
}
