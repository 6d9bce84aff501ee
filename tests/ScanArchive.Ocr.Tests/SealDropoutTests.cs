using ScanArchive.Core.Imaging;

namespace ScanArchive.Ocr.Tests;

public class SealDropoutTests
{
    private static RasterImage Rgb(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        var bytes = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = pixel(x, y);
                bytes[((y * width) + x) * 3] = r;
                bytes[((y * width) + x) * 3 + 1] = g;
                bytes[((y * width) + x) * 3 + 2] = b;
            }
        }

        return new RasterImage(width, height, PixelFormat.Rgb24, bytes, 300);
    }

    [Fact]
    public void Seal_red_turns_white_while_black_text_under_it_stays_dark()
    {
        // Left half: cream paper; right half: a seal's red; a black stroke crosses both.
        var image = Rgb(100, 100, (x, y) => y is >= 45 and < 55 ? ((byte)25, (byte)20, (byte)20) : x < 50 ? ((byte)240, (byte)235, (byte)220) : ((byte)205, (byte)50, (byte)55));

        var gray = SealDropout.ToGray(image);

        Assert.NotNull(gray);
        Assert.Equal(PixelFormat.Gray8, gray.Format);
        Assert.Equal(300, gray.Dpi);
        Assert.True(gray.Row(10)[80] >= 250, $"seal ink became {gray.Row(10)[80]}");
        Assert.InRange(gray.Row(10)[10], 225, 240);
        Assert.True(gray.Row(50)[80] < 40, $"text under the seal became {gray.Row(50)[80]}");
        Assert.True(gray.Row(50)[10] < 40);
    }

    [Fact]
    public void Pages_without_red_ink_and_grey_pages_are_left_to_tesseract()
    {
        var blueInk = Rgb(100, 100, (x, y) => y == 50 ? ((byte)20, (byte)30, (byte)160) : ((byte)240, (byte)238, (byte)230));
        var grey = new RasterImage(10, 10, PixelFormat.Gray8, new byte[100], 300);

        Assert.Null(SealDropout.ToGray(blueInk));
        Assert.Null(SealDropout.ToGray(grey));
    }
}
