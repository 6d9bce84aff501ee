using ScanArchive.Core.Documents;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Imaging.Pdf;
using Xunit;

namespace ScanArchive.Imaging.Tests;

public sealed class HelperTests
{
    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, DocumentFormat.Png)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, DocumentFormat.Jpeg)]
    [InlineData(new byte[] { (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0 }, DocumentFormat.Tiff)]
    [InlineData(new byte[] { (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8 }, DocumentFormat.Tiff)]
    [InlineData(new byte[] { (byte)'P', (byte)'4', (byte)'\n' }, DocumentFormat.Pnm)]
    [InlineData(new byte[] { (byte)'P', (byte)'7', (byte)'\n' }, DocumentFormat.NotADocument)]
    [InlineData(new byte[] { (byte)'B', (byte)'M', (byte)'W', (byte)' ', (byte)'r', (byte)'e', (byte)'p', (byte)'o', (byte)'r', (byte)'t', 0, 0, 0, 0, 99, 0, 0, 0 }, DocumentFormat.NotADocument)]
    [InlineData(new byte[] { (byte)'{', (byte)'"' }, DocumentFormat.NotADocument)]
    public void Sniffer_recognises_magic_numbers(byte[] header, DocumentFormat expected)
    {
        Assert.Equal(expected, FormatSniffer.Sniff(header));
    }

    [Fact]
    public void Sniffer_finds_a_pdf_header_after_junk()
    {
        Assert.Equal(DocumentFormat.Pdf, FormatSniffer.Sniff([.. new byte[300], .. "%PDF-1.4"u8]));
    }

    [Theory]
    [InlineData(600, 848, 144, 203.52, 300)]
    [InlineData(848, 600, 144, 203.52, 300)] // placed turned a quarter
    [InlineData(2480, 3508, 595.28, 841.89, 300)]
    [InlineData(10, 10, 595, 842, null)]     // 1.2 dpi: a thumbnail stretched, not a scan resolution
    public void Placement_dpi(int width, int height, double pointsWide, double pointsHigh, int? expected)
    {
        Assert.Equal(expected, Resolution.FromPlacement(width, height, pointsWide, pointsHigh));
    }

    [Fact]
    public void Imagemagick_cannot_take_all_memory_and_disk()
    {
        _ = new DocumentReader();

        Assert.True(ImageMagick.ResourceLimits.Memory <= 2UL << 30);
        Assert.True(ImageMagick.ResourceLimits.Disk <= 4UL << 30);
        Assert.True(ImageMagick.ResourceLimits.Width <= 1_000_000 && ImageMagick.ResourceLimits.Height <= 1_000_000);
        Assert.True(ImageMagick.ResourceLimits.ListLength <= 100_000);
    }

    [Fact]
    public void Limits_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DocumentReader(new ImagingLimits(MaxPixelsPerPage: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DocumentReader(new ImagingLimits(MaxPixelsPerPage: 1_000_000_000)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DocumentReader(new ImagingLimits(MaxPages: -1)));
        Assert.True(ImagingLimits.Default.AllowsPage(20_000, 10_000));
        Assert.False(ImagingLimits.Default.AllowsPage(20_000, 10_001));
    }

    [Fact]
    public void Rotation_turns_clockwise()
    {
        // 3x2:  1 2 3      90° cw → 2x3:  4 1
        //       4 5 6                     5 2
        //                                 6 3
        var image = new RasterImage(3, 2, PixelFormat.Gray8, [1, 2, 3, 4, 5, 6], 300);

        Assert.Equal(new byte[] { 4, 1, 5, 2, 6, 3 }, PixelRotation.RotateClockwise(image, 90).Pixels);
        Assert.Equal(new byte[] { 6, 5, 4, 3, 2, 1 }, PixelRotation.RotateClockwise(image, 180).Pixels);
        Assert.Equal(new byte[] { 3, 6, 2, 5, 1, 4 }, PixelRotation.RotateClockwise(image, 270).Pixels);
        Assert.Same(image, PixelRotation.RotateClockwise(image, 0));
    }

    [Fact]
    public void Words_group_into_lines_by_overlap_and_baseline()
    {
        static PlacedWord Word(string text, int x, int top, int height, double baseline) =>
            new(new OcrWord(text, new PixelBox(x, top, 40, height), 100), baseline);

        var lines = LineGrouping.Group(
        [
            Word("world", 60, 100, 30, 128),
            Word("二", 300, 101, 30, 129),
            Word("Hello", 10, 102, 28, 128),
            Word("一", 250, 100, 30, 129),
            Word("next", 10, 140, 30, 168),
            Word("2", 110, 92, 14, 104), // superscript: overlaps little, baseline far off
        ]);

        Assert.Equal(["2", "Hello world 一二", "next"], lines.Select(l => l.Text));
        Assert.Equal(PixelBox.FromEdges(10, 100, 340, 131), lines[1].Box);
    }

    [Fact]
    public void A_sloping_line_from_a_skewed_scan_stays_one_line()
    {
        // Each word sits 6 px lower than the one before: the last is a whole line height below the first.
        var words = Enumerable.Range(0, 6)
            .Select(i => new PlacedWord(new OcrWord($"w{i}", new PixelBox(i * 50, 100 + (i * 6), 40, 30), 100), 128 + (i * 6)))
            .Append(new PlacedWord(new OcrWord("below", new PixelBox(0, 140, 40, 30), 100), 168))
            .ToList();

        var lines = LineGrouping.Group(words);

        Assert.Equal(["w0 w1 w2 w3 w4 w5", "below"], lines.Select(l => l.Text));
    }
}
