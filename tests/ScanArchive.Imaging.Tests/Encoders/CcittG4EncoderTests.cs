using ImageMagick;
using ScanArchive.Core.Imaging;
using ScanArchive.Imaging.Encoders;
using ScanArchive.TestSupport;

namespace ScanArchive.Imaging.Tests.Encoders;

/// <summary>
/// Our T.6 stream is decoded by ImageMagick's (libtiff's) Group 4 reader, an independent decoder, and must give back
/// every pixel of the page thresholded at 128; it must also be byte for byte what ImageMagick's GROUP4 writer (the
/// encoder it replaces, whose colour convention stored pages use) makes of the same page.
/// </summary>
public class CcittG4EncoderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_code_table_is_a_prefix_code_with_every_run_length(bool black)
    {
        var table = CcittG4Encoder.CodeTable(black).ToList();

        Assert.Equal(64 + 40 + 1, table.Count);
        foreach (var (bits, meaning) in table)
        {
            Assert.Matches("^[01]{2,13}$", bits);
            foreach (var (other, otherMeaning) in table)
            {
                Assert.False(meaning != otherMeaning && other.StartsWith(bits, StringComparison.Ordinal), $"{meaning} ({bits}) is a prefix of {otherMeaning} ({other})");
            }
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(64, 2)]
    [InlineData(2480, 40)]
    public void A_white_page_and_a_black_page_round_trip(int width, int height)
    {
        AssertRoundTrip(Page(width, height, (_, _) => 255));
        AssertRoundTrip(Page(width, height, (_, _) => 0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(127)]
    [InlineData(1001)]
    public void Single_black_pixels_at_the_row_ends_round_trip(int width)
    {
        // First and last column on alternating rows, both ends on one row, then a corner alone.
        AssertRoundTrip(Page(width, 6, (x, y) => y switch
        {
            0 => x == 0 ? 0 : 255,
            1 => x == width - 1 ? 0 : 255,
            2 => x == 0 || x == width - 1 ? 0 : 255,
            4 => x == width - 1 ? 0 : 255,
            _ => 255,
        }));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(64)]
    public void Stripes_and_checkerboards_round_trip(int period)
    {
        // Vertical stripes exercise V0 chains, checkerboards vertical offsets, diagonals VR/VL, and period 5+ horizontal mode.
        AssertRoundTrip(Page(203, 50, (x, _) => x / period % 2 == 0 ? 0 : 255));
        AssertRoundTrip(Page(203, 50, (x, y) => ((x / period) + (y / period)) % 2 == 0 ? 0 : 255));
        AssertRoundTrip(Page(203, 50, (x, y) => (x + (y * period)) / 7 % 2 == 0 ? 0 : 255));
        AssertRoundTrip(Page(203, 50, (x, y) => (x - (y * period) + 1000) / 9 % 2 == 0 ? 0 : 255));
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(0.05, 2)]
    [InlineData(0.95, 3)]
    public void Random_noise_round_trips(double blackFraction, int seed)
    {
        var random = new Random(seed);
        AssertRoundTrip(Page(333, 211, (_, _) => random.NextDouble() < blackFraction ? random.Next(0, 128) : random.Next(128, 256)));
    }

    [Fact]
    public void Every_run_length_of_both_colours_round_trips_in_horizontal_mode()
    {
        // Row 2r: white r then black W - r; row 2r + 1: white. Against a white reference line the changes are far
        // from b1, so each is a horizontal-mode pair: all white and black lengths 0..W, make-up codes included.
        const int width = 2700;
        AssertRoundTrip(Page(width, 2 * (width + 1), (x, y) => y % 2 == 0 && x >= y / 2 ? 0 : 255));
    }

    [Fact]
    public void Runs_longer_than_the_longest_make_up_code_round_trip()
    {
        AssertRoundTrip(Page(6000, 4, (x, y) => y switch
        {
            1 => x < 5300 ? 0 : 255,
            2 => x >= 2624 ? 0 : 255,
            _ => 255,
        }));
    }

    [Fact]
    public void Threshold_is_128_and_padded_rows_are_read_by_their_width()
    {
        // A grey ramp: 0..127 black, 128..255 white; the buffer has 13 bytes of junk after each row.
        const int width = 300, stride = width + 13;
        var pixels = new byte[stride * 20];
        new Random(7).NextBytes(pixels);
        for (var y = 0; y < 20; y++)
        {
            for (var x = 0; x < width; x++)
            {
                pixels[(y * stride) + x] = (byte)((x + y) % 256);
            }
        }

        var page = new RasterImage(width, 20, PixelFormat.Gray8, pixels, 300, stride);
        var decoded = Decode(CcittG4Encoder.Encode(page), width, 20);

        Assert.Equal(0, decoded[127]);
        Assert.Equal(255, decoded[128]);
        AssertRoundTrip(page);
    }

    [Fact]
    public void A_real_scanned_page_round_trips()
    {
        var page = new DocumentReader().ReadPages(TestPaths.SampleScan("en-service-record.tif")).Single().Image!;

        var encoded = AssertRoundTrip(page);

        Assert.InRange(encoded.Length, 5_000, 60_000);
    }

    [Fact]
    public void A_colour_page_is_refused() =>
        Assert.Throws<ArgumentException>(() => CcittG4Encoder.Encode(new RasterImage(4, 4, PixelFormat.Rgb24, new byte[48], 300)));

    private static byte[] AssertRoundTrip(RasterImage page)
    {
        var encoded = CcittG4Encoder.Encode(page);
        var decoded = Decode(encoded, page.Width, page.Height);
        var mismatches = 0;
        var first = "";
        for (var y = 0; y < page.Height; y++)
        {
            var row = page.Row(y);
            for (var x = 0; x < page.Width; x++)
            {
                var expected = row[x] < 128 ? 0 : 255;
                if (decoded[(y * page.Width) + x] != expected && mismatches++ == 0)
                {
                    first = $"({x}, {y})";
                }
            }
        }

        Assert.True(mismatches == 0, $"{mismatches} pixels differ in a {page.Width}x{page.Height} page, first at {first}");

        // EOFB (two EOLs) ends the stream: 0x001001 byte-aligned or not, it is the last 24 bits before zero padding.
        var tail = (encoded[^4] << 24) | (encoded[^3] << 16) | (encoded[^2] << 8) | encoded[^1];
        var padding = 0;
        while ((tail & 1) == 0)
        {
            tail >>= 1;
            padding++;
        }

        Assert.True(padding < 8 && (tail & 0xFFFFFF) == 0x001001, $"stream ends {Convert.ToHexString(encoded[^4..])}");

        var magicks = MagickG4(page);
        Assert.True(magicks.AsSpan().SequenceEqual(encoded), $"{encoded.Length} bytes, ImageMagick's {magicks.Length}, first difference at {encoded.AsSpan().CommonPrefixLength(magicks)}");
        return encoded;
    }

    private static byte[] Decode(byte[] g4, int width, int height)
    {
        using var image = new MagickImage(g4, new MagickReadSettings { Format = MagickFormat.Group4, Width = (uint)width, Height = (uint)height });
        Assert.Equal((width, height), ((int)image.Width, (int)image.Height));
        image.Depth = 8;
        return image.ToByteArray(MagickFormat.Gray);
    }

    private static byte[] MagickG4(RasterImage page)
    {
        var packed = new byte[page.Width * page.Height];
        for (var y = 0; y < page.Height; y++)
        {
            page.Row(y).CopyTo(packed.AsSpan(y * page.Width));
        }

        using var image = new MagickImage(packed, new MagickReadSettings { Format = MagickFormat.Gray, Width = (uint)page.Width, Height = (uint)page.Height, Depth = 8 });
        image.Threshold(new Percentage(50));
        image.ColorType = ColorType.Bilevel;
        image.Strip();
        return image.ToByteArray(MagickFormat.Group4);
    }

    private static RasterImage Page(int width, int height, Func<int, int, int> pixel)
    {
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                pixels[(y * width) + x] = (byte)pixel(x, y);
            }
        }

        return new RasterImage(width, height, PixelFormat.Gray8, pixels, 300);
    }
}
