using ScanArchive.Capture.Sane;
using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Tests;

/// <summary>Source and mode strings as real backends spell them (test, fujitsu, canon_dr, epson2, brother, hp, pixma, airscan).</summary>
public sealed class OptionMeaningsTests
{
    [Theory]
    [InlineData(ScanSource.Flatbed, "Flatbed", "Flatbed", "Automatic Document Feeder")]
    [InlineData(ScanSource.Feeder, "Automatic Document Feeder", "Flatbed", "Automatic Document Feeder")]
    [InlineData(ScanSource.Feeder, "ADF Front", "ADF Front", "ADF Back", "ADF Duplex")]
    [InlineData(ScanSource.Duplex, "ADF Duplex", "ADF Front", "ADF Back", "ADF Duplex")]
    [InlineData(ScanSource.Flatbed, "FB", "FB", "ADF")]
    [InlineData(ScanSource.Feeder, "ADF", "FB", "ADF")]
    [InlineData(ScanSource.Feeder, "Automatic Document Feeder(left aligned)", "FlatBed", "Automatic Document Feeder(left aligned)", "Automatic Document Feeder(centrally aligned)")]
    [InlineData(ScanSource.Duplex, "Duplex", "Flatbed", "ADF", "Duplex")]
    [InlineData(ScanSource.Flatbed, "Document Table", "Document Table", "ADF")]
    [InlineData(ScanSource.Feeder, "Document Feeder", "Flatbed", "Document Feeder")]
    public void Sources_match_by_meaning(ScanSource meaning, string expected, params string[] offered)
    {
        Assert.Equal(expected, OptionMeanings.ChooseSource(offered, meaning));
    }

    [Theory]
    [InlineData(ScanSource.Duplex, "Flatbed", "Transparency Adapter")]
    [InlineData(ScanSource.Feeder, "Flatbed", "ADF Back")]
    public void Sources_without_that_meaning_are_not_matched(ScanSource meaning, params string[] offered)
    {
        Assert.Null(OptionMeanings.ChooseSource(offered, meaning));
    }

    [Theory]
    [InlineData(ColorMode.Color, "Color", "Lineart", "Gray", "Color")]
    [InlineData(ColorMode.Gray, "Gray", "Lineart", "Gray", "Color")]
    [InlineData(ColorMode.Lineart, "Lineart", "Lineart", "Halftone", "Gray", "Color")]
    [InlineData(ColorMode.Lineart, "Black & White", "Black & White", "Gray[Error Diffusion]", "True Gray", "24bit Color", "24bit Color[Fast]")]
    [InlineData(ColorMode.Gray, "True Gray", "Black & White", "Gray[Error Diffusion]", "True Gray", "24bit Color", "24bit Color[Fast]")]
    [InlineData(ColorMode.Color, "24bit Color", "Black & White", "Gray[Error Diffusion]", "True Gray", "24bit Color", "24bit Color[Fast]")]
    [InlineData(ColorMode.Color, "Color", "Binary", "Color Lineart", "Gray", "Color")]
    [InlineData(ColorMode.Lineart, "Binary", "Binary", "Color Lineart", "Gray", "Color")]
    [InlineData(ColorMode.Gray, "Grayscale", "Monochrome", "Grayscale", "Color")]
    [InlineData(ColorMode.Lineart, "Monochrome", "Monochrome", "Grayscale", "Color")]
    [InlineData(ColorMode.Lineart, "Halftone", "Halftone", "Gray", "Color")]
    public void Modes_match_by_meaning(ColorMode meaning, string expected, params string[] offered)
    {
        Assert.Equal(expected, OptionMeanings.ChooseMode(offered, meaning));
    }
}
