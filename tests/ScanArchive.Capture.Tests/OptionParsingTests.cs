using ScanArchive.Capture.Sane;
using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Tests;

public sealed class OptionParsingTests
{
    [Theory]
    [InlineData(300, 300)]
    [InlineData(280, 300)]
    [InlineData(200, 150)]
    [InlineData(225, 300)] // tie between 150 and 300: the higher one (archival)
    [InlineData(10, 75)]
    [InlineData(5000, 600)]
    public void Word_lists_snap_to_the_nearest_value(int requested, int expected)
    {
        Assert.Equal(expected, ResolutionSnapper.Snap(requested, new SaneWordList([75, 150, 300, 600])));
    }

    [Theory]
    [InlineData(310, 300)]
    [InlineData(313, 325)]
    [InlineData(20, 50)]
    [InlineData(9999, 1200)]
    public void Ranges_clamp_and_snap_to_the_step(int requested, int expected)
    {
        Assert.Equal(expected, ResolutionSnapper.Snap(requested, new SaneRange(50, 1200, 25)));
    }

    [Fact]
    public void Option_setting_parses_name_and_value()
    {
        var s = DeviceOptionSetting.Parse("--filename=/tmp/x=y.pnm");
        Assert.Equal("filename", s.Name);
        Assert.Equal("/tmp/x=y.pnm", s.Value);
        Assert.Throws<FormatException>(() => DeviceOptionSetting.Parse("noequals"));
    }

    [Fact]
    public void Typed_values_follow_the_descriptor()
    {
        Assert.Equal(false, OptionValueParser.Parse(FakeSaneDevice.BoolOption("b"), "off"));
        Assert.Equal([2.5], (double[])OptionValueParser.Parse(FakeSaneDevice.FixedOption("f", null), "2.5")!);
        Assert.Equal([7.0, 7, 7], (double[])OptionValueParser.Parse(FakeSaneDevice.IntOption("arr", null, words: 3), "7")!);
        Assert.Equal("Color", OptionValueParser.Parse(FakeSaneDevice.StringOption("mode", "Gray", "Color"), "color"));
        var ex = Assert.Throws<ScanException>(() => OptionValueParser.Parse(FakeSaneDevice.IntOption("i", null), "2.5"));
        Assert.Equal(ScanFault.InvalidOption, ex.Fault);
    }
}
