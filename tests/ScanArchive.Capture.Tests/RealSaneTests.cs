using ScanArchive.Capture.Sane;
using ScanArchive.Core.Capture;
using ScanArchive.Core.Imaging;
using ScanArchive.Imaging;
using ScanArchive.TestSupport;

namespace ScanArchive.Capture.Tests;

/// <summary>The driver against the real libsane with the virtual test and pnm backends.</summary>
[Collection(SaneCollection.Name)]
public sealed class RealSaneTests
{
    private static ScanSettings Test(ScanSource source = ScanSource.Flatbed, int dpi = 25, params string[] options) => new()
    {
        Device = "test:0",
        Source = source,
        Dpi = dpi,
        Area = new ScanAreaMm(60, 40),
        Options = [.. options.Select(DeviceOptionSetting.Parse)],
    };

    [Fact]
    public void Feeder_batch_ends_at_empty_after_ten_sheets_then_refills()
    {
        var (pages, error) = RealSane.Scan(Test(ScanSource.Feeder));

        Assert.Null(error);
        Assert.Equal(Enumerable.Range(1, 10), pages.Select(p => p.Number));
        Assert.All(pages, p => Assert.Equal("Automatic Document Feeder", p.Applied.Source));

        var (again, _) = RealSane.Scan(Test(ScanSource.Feeder) with { MaxPages = 1 });
        Assert.Single(again);
    }

    [Theory]
    [InlineData("SANE_STATUS_JAMMED", ScanFault.Jammed)]
    [InlineData("SANE_STATUS_COVER_OPEN", ScanFault.CoverOpen)]
    [InlineData("SANE_STATUS_DEVICE_BUSY", ScanFault.DeviceBusy)]
    [InlineData("SANE_STATUS_IO_ERROR", ScanFault.IoError)]
    [InlineData("SANE_STATUS_ACCESS_DENIED", ScanFault.AccessDenied)]
    [InlineData("SANE_STATUS_CANCELLED", ScanFault.Cancelled)]
    [InlineData("SANE_STATUS_UNSUPPORTED", ScanFault.Unsupported)]
    [InlineData("SANE_STATUS_NO_MEM", ScanFault.Other)]
    [InlineData("SANE_STATUS_INVAL", ScanFault.DeviceGone)] // how an unplugged USB/network scanner shows up
    public void Backend_fault_on_sheet_four_keeps_the_three_before(string status, ScanFault expected)
    {
        var (pages, error) = RealSane.Scan(Test(ScanSource.Feeder), d => new FaultBeforeSheet(d, 4, "read-return-value", status));

        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.True(p.Image.Height > 0));
        Assert.Equal(expected, error?.Fault);
        Assert.Equal(4, error!.PageNumber);
    }

    [Fact]
    public void No_docs_on_a_later_sheet_is_the_end_of_the_batch()
    {
        var (pages, error) = RealSane.Scan(Test(ScanSource.Feeder), d => new FaultBeforeSheet(d, 3, "read-return-value", "SANE_STATUS_NO_DOCS"));

        Assert.Null(error);
        Assert.Equal(2, pages.Count);
    }

    [Fact]
    public void No_docs_on_the_first_sheet_is_load_paper()
    {
        var (pages, error) = RealSane.Scan(Test(ScanSource.Feeder, 25, "read-return-value=SANE_STATUS_NO_DOCS"));

        Assert.Empty(pages);
        Assert.Equal(ScanFault.NoPaper, error?.Fault);
    }

    [Theory]
    [InlineData("status-jammed", ScanFault.Jammed)]
    [InlineData("status-coveropen", ScanFault.CoverOpen)]
    [InlineData("status-ioerror", ScanFault.IoError)]
    [InlineData("status-accessdenied", ScanFault.AccessDenied)]
    [InlineData("status-nodocs", ScanFault.NoPaper)]
    public void Pnm_backend_faults_map_too(string option, ScanFault expected)
    {
        using var temp = new TempDirectory();
        var file = temp.File("page.pgm");
        RealSane.WritePnm(TestImages.WhitePageWithBox(40, 30, 100, new PixelBox(5, 5, 10, 10)), file);

        var (pages, error) = RealSane.Scan(new ScanSettings { Device = "pnm:0", Options = [new("filename", file), new(option, "yes")] });

        Assert.Empty(pages);
        Assert.Equal(expected, error?.Fault);
    }

    [Theory]
    [InlineData(ScanSource.Feeder)]
    [InlineData(ScanSource.Duplex)]
    public void Pnm_asked_for_the_feeder_scans_its_one_sheet_and_succeeds(ScanSource source)
    {
        // The default profile asks for the feeder; pnm has no source option, and answers a second sane_start with EOF.
        using var temp = new TempDirectory();
        var file = temp.File("page.pgm");
        RealSane.WritePnm(TestImages.WhitePageWithBox(40, 30, 100, new PixelBox(5, 5, 10, 10)), file);

        var (pages, error) = RealSane.Scan(new ScanSettings { Device = "pnm:0", Source = source, Options = [new("filename", file)] });

        Assert.Null(error);
        Assert.Equal(1, Assert.Single(pages).Number);
    }

    public static TheoryData<string> FlatbedPages => new() { "en-invoice.jpg", "zh-contract.jpg", "qc-low-resolution-zh-account-application.jpg" };

    [Theory]
    [MemberData(nameof(FlatbedPages))]
    public void Sample_scan_through_pnm_flatbed_is_pixel_exact_at_its_dpi(string name)
    {
        var reference = new DocumentReader().ReadPages(TestPaths.SampleScan(name)).Single().Image!;
        using var temp = new TempDirectory();
        var file = temp.File(reference.Format == PixelFormat.Gray8 ? "page.pgm" : "page.ppm");
        RealSane.WritePnm(reference, file);

        var (pages, error) = RealSane.Scan(new ScanSettings { Device = "pnm:0", Source = ScanSource.Flatbed, Dpi = reference.Dpi, Options = [new("filename", file)] });

        Assert.Null(error);
        var page = Assert.Single(pages).Image;
        Assert.Equal((reference.Width, reference.Height, reference.Format), (page.Width, page.Height, page.Format));
        Assert.Equal(reference.Dpi, page.Dpi);
        Assert.True(reference.Pixels.AsSpan(0, reference.Stride * reference.Height).SequenceEqual(page.Pixels), "pixels differ");
    }

    [Fact]
    public void Pnm_resolution_snaps_to_its_list_and_is_recorded()
    {
        using var temp = new TempDirectory();
        var file = temp.File("page.pgm");
        RealSane.WritePnm(TestImages.WhitePageWithBox(20, 20, null, new PixelBox(1, 1, 2, 2)), file);

        var (pages, _) = RealSane.Scan(new ScanSettings { Device = "pnm:0", Dpi = 600, Options = [new("filename", file)] });

        Assert.Equal(300, pages[0].Image.Dpi);
    }

    [Fact]
    public void Three_pass_and_unknown_length_pnm_pages_equal_the_file()
    {
        var reference = new DocumentReader().ReadPages(TestPaths.SampleScan("zh-contract.jpg")).Single().Image!;
        using var temp = new TempDirectory();
        var file = temp.File("page.ppm");
        RealSane.WritePnm(reference, file);

        foreach (var variant in new[] { "three-pass", "hand-scanner" })
        {
            var (pages, error) = RealSane.Scan(new ScanSettings { Device = "pnm:0", Options = [new("filename", file), new(variant, "yes")] });

            Assert.Null(error);
            var page = Assert.Single(pages).Image;
            Assert.Equal((reference.Width, reference.Height), (page.Width, page.Height));
            Assert.True(reference.Pixels.AsSpan(0, reference.Stride * reference.Height).SequenceEqual(page.Pixels), $"{variant}: pixels differ");
        }
    }

    [Fact]
    public void Lineart_is_gray_zero_or_255_and_matches_the_grid()
    {
        var (pages, error) = RealSane.Scan(Test(dpi: 50, options: "test-picture=Grid") with { Mode = ColorMode.Lineart });

        Assert.Null(error);
        var image = pages[0].Image;
        Assert.Equal(PixelFormat.Gray8, image.Format);
        Assert.All(image.Pixels, b => Assert.True(b is 0 or 255));
        Assert.InRange(TestImages.InkCoverage(image), 0.3, 0.7); // a black/white grid
        Assert.Equal("Gray", pages[0].Applied.Mode);
    }

    [Theory]
    [InlineData(ColorMode.Gray)]
    [InlineData(ColorMode.Color)]
    public void Sixteen_bit_frames_equal_eight_bit_frames_of_the_same_picture(ColorMode mode)
    {
        var eight = RealSane.Scan(Test(dpi: 50, options: "test-picture=Grid") with { Mode = mode }).Pages.Single().Image;
        var sixteen = RealSane.Scan(Test(dpi: 50, options: ["test-picture=Grid", "depth=16"]) with { Mode = mode }).Pages.Single().Image;
        var pattern = RealSane.Scan(Test(dpi: 50, options: ["test-picture=Color pattern", "depth=16"]) with { Mode = mode }).Pages.Single().Image;

        Assert.Equal(mode == ColorMode.Color ? PixelFormat.Rgb24 : PixelFormat.Gray8, sixteen.Format);
        Assert.Equal((eight.Width, eight.Height), (sixteen.Width, sixteen.Height));
        Assert.Equal(eight.Pixels, sixteen.Pixels);
        Assert.InRange(TestImages.InkCoverage(sixteen), 0.3, 0.7);
        Assert.True(pattern.Pixels.Distinct().Count() > 2, "a 16-bit colour pattern keeps intermediate levels");
    }

    [Fact]
    public void Three_pass_colour_equals_single_pass_colour()
    {
        var single = RealSane.Scan(Test(dpi: 50, options: "test-picture=Color pattern") with { Mode = ColorMode.Color }).Pages.Single().Image;
        var (pages, error) = RealSane.Scan(Test(dpi: 50, options: ["test-picture=Color pattern", "three-pass=yes", "three-pass-order=GBR"]) with { Mode = ColorMode.Color });

        Assert.Null(error);
        var threePass = Assert.Single(pages).Image;
        Assert.Equal(single.Pixels, threePass.Pixels);
    }

    [Fact]
    public void Hand_scanner_pages_of_unknown_length_arrive_whole()
    {
        var (pages, error) = RealSane.Scan(Test(ScanSource.Feeder, 50, "hand-scanner=yes") with { MaxPages = 2 });

        Assert.Null(error);
        Assert.Equal(2, pages.Count);
        // Hand-scanner mode fixes the width at 11 cm.
        Assert.Equal((int)Math.Round(110 / 25.4 * 50), pages[0].Image.Width, 1.0);
        Assert.True(pages[0].Image.Height > 1);
    }

    [Fact]
    public void Options_reload_when_colour_activates_three_pass()
    {
        SaneThread.Invoke(() =>
        {
            using var device = RealSane.Open("test:0");
            var set = new SaneOptionSet(device);
            set.Set("mode", "Gray");
            Assert.False(set.Find("three-pass")!.IsActive);
            var loads = set.LoadCount;

            set.Set("mode", "Color");

            Assert.True(set.LoadCount > loads);
            Assert.True(set.Find("three-pass")!.IsActive);
        });
    }

    [Fact]
    public void Every_option_type_can_be_set_from_text()
    {
        SaneThread.Invoke(() =>
        {
            using var device = RealSane.Open("test:0");
            var driver = new SaneScanDriver(device);
            driver.Configure(new ScanSettings
            {
                Device = "test:0",
                Options = [.. new[]
                {
                    "enable-test-options=yes", "bool-soft-select-soft-detect=yes", "int=-17", "int-constraint-array=1,2,3,4,5,6",
                    "fixed=2.5", "string=hello", "string-constraint-string-list=second entry", "button=", "br-x=50",
                }.Select(DeviceOptionSetting.Parse)],
            });
            var set = driver.Options;
            Assert.Equal(true, set.Get("bool-soft-select-soft-detect"));
            Assert.Equal(-17.0, set.GetNumber("int"));
            Assert.Equal([1.0, 2, 3, 4, 5, 6], ((double[])set.Get("int-constraint-array")!).Take(6));
            Assert.Equal(2.5, set.GetNumber("fixed"));
            Assert.Equal("hello", set.Get("string"));
            Assert.Equal("Second entry", set.Get("string-constraint-string-list"));
            Assert.Equal(50.0, set.GetNumber("br-x"));
        });
    }

    [Fact]
    public void Capabilities_of_the_test_device()
    {
        var caps = SaneThread.Invoke(() =>
        {
            using var device = RealSane.Open("test:0");
            return SaneScanDriver.ReadCapabilities(new SaneOptionSet(device));
        });

        Assert.Equal([ScanSource.Flatbed, ScanSource.Feeder], caps.Sources.Select(s => s.Meaning!.Value));
        Assert.Equal([ColorMode.Gray, ColorMode.Color], caps.Modes.Select(m => m.Meaning!.Value));
        Assert.Equal((1, 1200), (caps.Resolutions!.Min, caps.Resolutions.Max));
        Assert.Equal(new ScanAreaMm(SaneConfigFolder.TestGeometryMaxMm, SaneConfigFolder.TestGeometryMaxMm), caps.MaxArea);
        Assert.Equal([1, 8, 16], caps.BitDepths);
        Assert.Contains("read-return-value", caps.OptionNames);
    }

    [Fact]
    public void Unknown_device_is_device_not_found()
    {
        var error = Assert.Throws<ScanException>(() => SaneRuntime.Open("nosuch:0"));

        Assert.Equal(ScanFault.DeviceNotFound, error.Fault);
    }

    [Fact]
    public void A4_fits_the_virtual_feeder_at_300_dpi()
    {
        var (pages, error) = RealSane.Scan(new ScanSettings { Device = "test:0", Source = ScanSource.Feeder, Dpi = 300, Area = ScanAreaMm.A4, MaxPages = 1, Options = [new("test-picture", "Solid white")] });

        Assert.Null(error);
        var page = pages[0].Image;
        Assert.Equal((2480, 3508), (page.Width, page.Height), new ToleranceComparer(3));
        Assert.Equal(300, page.Dpi);
    }

    private sealed class ToleranceComparer(int tolerance) : IEqualityComparer<(int, int)>
    {
        public bool Equals((int, int) x, (int, int) y) => Math.Abs(x.Item1 - y.Item1) <= tolerance && Math.Abs(x.Item2 - y.Item2) <= tolerance;

        public int GetHashCode((int, int) obj) => 0;
    }
}
