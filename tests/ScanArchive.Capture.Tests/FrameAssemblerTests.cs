using ScanArchive.Capture.Sane;
using ScanArchive.Core.Capture;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Capture.Tests;

public sealed class FrameAssemblerTests
{
    private static SaneFrameData Frame(SaneFrame format, int depth, int width, int bytesPerLine, int lines, byte[] data) =>
        new(new SaneFrameParameters(format, true, bytesPerLine, width, lines, depth), data, data.Length);

    [Fact]
    public void One_bit_gray_is_one_for_black_msb_first()
    {
        // 10 pixels: 1011 0000 | 01xx xxxx (two bytes per line, padding bits ignored)
        var image = FrameAssembler.Assemble([Frame(SaneFrame.Gray, 1, 10, 2, 1, [0b1011_0000, 0b0111_1111])], 300);

        Assert.Equal(PixelFormat.Gray8, image.Format);
        Assert.Equal(new byte[] { 0, 255, 0, 0, 255, 255, 255, 255, 255, 0 }, image.Row(0).ToArray());
        Assert.Equal(300, image.Dpi);
    }

    [Fact]
    public void Sixteen_bit_gray_is_little_endian_scaled_to_eight()
    {
        var image = FrameAssembler.Assemble([Frame(SaneFrame.Gray, 16, 3, 6, 1, [0x00, 0x00, 0x55, 0x55, 0xff, 0xff])], null);

        Assert.Equal(new byte[] { 0, 0x55, 255 }, image.Row(0).ToArray());
    }

    [Fact]
    public void Rgb_8_and_16_bit_agree()
    {
        var eight = FrameAssembler.Assemble([Frame(SaneFrame.Rgb, 8, 2, 6, 1, [1, 2, 3, 250, 128, 0])], null);
        var sixteen = FrameAssembler.Assemble([Frame(SaneFrame.Rgb, 16, 2, 12, 1, [0x01, 0x01, 0x02, 0x02, 0x03, 0x03, 0xfa, 0xfa, 0x80, 0x80, 0, 0])], null);

        Assert.Equal(PixelFormat.Rgb24, eight.Format);
        Assert.Equal(eight.Pixels, sixteen.Pixels);
    }

    [Fact]
    public void Line_padding_is_skipped()
    {
        var image = FrameAssembler.Assemble([Frame(SaneFrame.Gray, 8, 3, 5, 2, [1, 2, 3, 99, 99, 4, 5, 6, 99, 99])], null);

        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, image.Pixels);
    }

    [Fact]
    public void Unknown_length_uses_complete_lines_only()
    {
        var image = FrameAssembler.Assemble([Frame(SaneFrame.Gray, 8, 2, 2, -1, [1, 2, 3, 4, 5])], null);

        Assert.Equal(2, image.Height);
    }

    [Fact]
    public void Three_pass_frames_in_any_order_become_rgb()
    {
        var image = FrameAssembler.Assemble(
            [
                Frame(SaneFrame.Blue, 8, 2, 2, 1, [30, 31]),
                Frame(SaneFrame.Red, 8, 2, 2, 1, [10, 11]),
                Frame(SaneFrame.Green, 16, 2, 4, 1, [0x14, 0x14, 0x15, 0x15]),
            ],
            null);

        Assert.Equal(new byte[] { 10, 20, 30, 11, 21, 31 }, image.Pixels);
    }

    [Fact]
    public void Incomplete_three_pass_page_is_unsupported()
    {
        var error = Assert.Throws<ScanException>(() => FrameAssembler.Assemble([Frame(SaneFrame.Red, 8, 2, 2, 1, [1, 2]), Frame(SaneFrame.Red, 8, 2, 2, 1, [1, 2])], null));

        Assert.Equal(ScanFault.Unsupported, error.Fault);
    }

    [Fact]
    public void Too_short_lines_are_unsupported_not_garbage()
    {
        var error = Assert.Throws<ScanException>(() => FrameAssembler.Assemble([Frame(SaneFrame.Rgb, 8, 4, 6, 1, new byte[6])], null));

        Assert.Equal(ScanFault.Unsupported, error.Fault);
    }
}
