using ScanArchive.Core.Imaging;

namespace ScanArchive.Imaging.Tests;

/// <summary>The tiled quarter turns and reversed-row half turns against the plain pixel-by-pixel turn.</summary>
public class PixelRotationTests
{
    [Theory]
    [InlineData(PixelFormat.Gray8, 131, 70, 0)]
    [InlineData(PixelFormat.Gray8, 64, 128, 0)]
    [InlineData(PixelFormat.Gray8, 1, 1, 0)]
    [InlineData(PixelFormat.Gray8, 65, 1, 0)]
    [InlineData(PixelFormat.Gray8, 1, 200, 0)]
    [InlineData(PixelFormat.Gray8, 131, 70, 3)]
    [InlineData(PixelFormat.Rgb24, 131, 70, 0)]
    [InlineData(PixelFormat.Rgb24, 200, 129, 0)]
    [InlineData(PixelFormat.Rgb24, 131, 70, 3)]
    [InlineData(PixelFormat.Rgb24, 131, 70, 1)]
    [InlineData(PixelFormat.Rgb24, 3, 2, 2)]
    public void Every_turn_gives_the_same_bytes_as_the_plain_loop(PixelFormat format, int width, int height, int padding)
    {
        var bpp = format == PixelFormat.Rgb24 ? 3 : 1;
        var stride = (width * bpp) + padding;
        var pixels = new byte[stride * height];
        new Random(width * height).NextBytes(pixels);
        var image = new RasterImage(width, height, format, pixels, 300, stride);

        foreach (var degrees in new[] { 90, 180, 270, -90, 450 })
        {
            var turned = PixelRotation.RotateClockwise(image, degrees);
            var quarterTurns = ((degrees / 90 % 4) + 4) % 4;
            var expected = new byte[width * height * bpp];
            PixelRotation.Reference(image, expected, quarterTurns);

            Assert.Equal(expected, turned.Pixels);
            Assert.Equal(quarterTurns == 2 ? (width, height) : (height, width), (turned.Width, turned.Height));
            Assert.Equal((format, 300), (turned.Format, turned.Dpi));
        }
    }

    [Fact]
    public void Four_quarter_turns_give_the_page_back()
    {
        var pixels = new byte[97 * 61 * 3];
        new Random(7).NextBytes(pixels);
        var image = new RasterImage(97, 61, PixelFormat.Rgb24, pixels, 200);

        var turned = image;
        for (var i = 0; i < 4; i++)
        {
            turned = PixelRotation.RotateClockwise(turned, 90);
        }

        Assert.Equal(image.Pixels, turned.Pixels);
    }
}
