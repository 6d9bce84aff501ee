using System.Buffers.Binary;
using ImageMagick;
using ScanArchive.Core.Imaging;
using ScanArchive.Imaging.Encoders;
using ScanArchive.TestSupport;

namespace ScanArchive.Imaging.Tests.Encoders;

/// <summary>
/// Our TurboJPEG output is decoded by ImageMagick and compared with the page, and with what ImageMagick's own
/// writer (the encoder it replaces) makes at the same quality.
/// </summary>
public class TurboJpegEncoderTests
{
    private const int Quality = 50;

    // Bounds: at quality 50 a 300-dpi scan decodes at ~41 dB (ImageMagick's writer: the same to 0.05 dB); a page
    // misread (padding as pixels, wrong channel order) falls below 20.
    [Fact]
    public void A_real_grey_page_decodes_close_to_the_page_and_as_close_as_imagemagicks_jpeg()
    {
        var page = Grey(new DocumentReader().ReadPages(TestPaths.SampleScan("en-invoice.jpg")).Single().Image!);

        var ours = TurboJpegEncoder.Encode(page, 300, Quality, colour: false);
        var magicks = MagickJpeg(page, colour: false);

        var (oursDb, components) = Psnr(page, ours);
        var (magickDb, _) = Psnr(page, magicks);
        Assert.Equal(1, components);
        Assert.True(oursDb > 38, $"PSNR {oursDb:F2} dB");
        Assert.True(oursDb > magickDb - 0.3, $"PSNR {oursDb:F2} dB, ImageMagick's {magickDb:F2} dB");
        Assert.True(ours.Length < magicks.Length * 1.03, $"{ours.Length} bytes, ImageMagick's {magicks.Length}");
    }

    [Fact]
    public void A_colour_page_is_420_ycbcr_and_keeps_its_colours()
    {
        var page = Stamped(Grey(new DocumentReader().ReadPages(TestPaths.SampleScan("zh-contract.jpg")).Single().Image!));

        var ours = TurboJpegEncoder.Encode(page, 300, Quality, colour: true);
        var magicks = MagickJpeg(page, colour: true);

        Assert.Equal([(2, 2), (1, 1), (1, 1)], Sampling(ours));
        var (oursDb, components) = Psnr(page, ours);
        var (magickDb, _) = Psnr(page, magicks);
        Assert.Equal(3, components);
        Assert.True(oursDb > 37, $"PSNR {oursDb:F2} dB");
        Assert.True(oursDb > magickDb - 0.3, $"PSNR {oursDb:F2} dB, ImageMagick's {magickDb:F2} dB");
        Assert.True(ours.Length < magicks.Length * 1.03, $"{ours.Length} bytes, ImageMagick's {magicks.Length}");

        // The stamp is still red (200, 40, 40) in the middle.
        var decoded = Decode(ours, out _);
        var i = ((350 * page.Width) + 1300) * 3;
        Assert.InRange(decoded[i], 180, 220);
        Assert.InRange(decoded[i + 1], 20, 60);
        Assert.InRange(decoded[i + 2], 20, 60);
    }

    [Fact]
    public void A_grey_page_stored_as_rgb_becomes_one_component()
    {
        var grey = Grey(new DocumentReader().ReadPages(TestPaths.SampleScan("en-invoice.jpg")).Single().Image!);
        var rgb = ToRgb(grey);

        var jpeg = TurboJpegEncoder.Encode(rgb, 300, Quality, colour: false);

        Assert.Equal([(1, 1)], Sampling(jpeg));
        var (db, components) = Psnr(grey, jpeg);
        Assert.Equal(1, components);
        Assert.True(db > 38, $"PSNR {db:F2} dB");
    }

    [Theory]
    [InlineData(300)]
    [InlineData(150)]
    [InlineData(72)]
    public void The_resolution_is_in_the_jfif_header(int dpi)
    {
        var page = Grey(new DocumentReader().ReadPages(TestPaths.SampleScan("en-invoice.jpg")).Single().Image!);

        var jpeg = TurboJpegEncoder.Encode(page, dpi, Quality, colour: false);

        Assert.Equal((1, dpi, dpi), (jpeg[13], BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(14)), BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(16))));
        using var image = new MagickImage();
        image.Ping(jpeg, new MagickReadSettings { Format = MagickFormat.Jpeg });
        Assert.Equal((DensityUnit.PixelsPerInch, (double)dpi, (double)dpi), (image.Density.Units, image.Density.X, image.Density.Y));
    }

    [Fact]
    public void Padded_rows_of_odd_widths_are_read_by_their_width()
    {
        // 333 × 211 RGB with 7 bytes of junk after each row: a diagonal gradient, which padding read as pixels would shear.
        const int width = 333, height = 211, stride = (width * 3) + 7;
        var pixels = new byte[stride * height];
        new Random(3).NextBytes(pixels);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * stride) + (x * 3);
                (pixels[i], pixels[i + 1], pixels[i + 2]) = ((byte)(x + y), (byte)(255 - x), (byte)(y * 2));
            }
        }

        var page = new RasterImage(width, height, PixelFormat.Rgb24, pixels, 300, stride);

        var (db, components) = Psnr(page, TurboJpegEncoder.Encode(page, 300, Quality, colour: true));

        Assert.Equal(3, components);
        Assert.True(db > 28, $"PSNR {db:F2} dB");
    }

    [Fact]
    public void The_page_encoder_uses_it_for_grey_and_colour_pages()
    {
        var encoder = new PageImageEncoder();
        var grey = Grey(new DocumentReader().ReadPages(TestPaths.SampleScan("en-invoice.jpg")).Single().Image!);

        Assert.Equal(TurboJpegEncoder.Encode(grey, 300, Quality, colour: false), encoder.Encode(grey, 300, null).Bytes);
        Assert.Equal(TurboJpegEncoder.Encode(Stamped(grey), 300, Quality, colour: true), encoder.Encode(Stamped(grey), 300, null).Bytes);
    }

    /// <summary>PSNR of the decoded JPEG against the page (grey against grey, RGB against RGB) and the JPEG's component count.</summary>
    private static (double Db, int Components) Psnr(RasterImage page, byte[] jpeg)
    {
        var decoded = Decode(jpeg, out var components);
        var channels = components == 1 ? 1 : 3;
        Assert.Equal(page.BytesPerPixel, channels);
        double sum = 0;
        for (var y = 0; y < page.Height; y++)
        {
            var row = page.Row(y);
            var offset = y * page.Width * channels;
            for (var i = 0; i < row.Length; i++)
            {
                var d = row[i] - decoded[offset + i];
                sum += d * d;
            }
        }

        var mse = sum / ((double)page.Width * page.Height * channels);
        return (10 * Math.Log10(255.0 * 255.0 / mse), components);
    }

    private static byte[] Decode(byte[] jpeg, out int components)
    {
        using var image = new MagickImage(jpeg, new MagickReadSettings { Format = MagickFormat.Jpeg });
        components = image.ColorSpace == ColorSpace.Gray ? 1 : 3;
        return image.ToByteArray(components == 1 ? MagickFormat.Gray : MagickFormat.Rgb);
    }

    /// <summary>(H, V) sampling factors of each component in the frame header.</summary>
    private static List<(int H, int V)> Sampling(byte[] jpeg)
    {
        var pos = 2;
        while (jpeg[pos + 1] is not 0xC0)
        {
            pos += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(pos + 2));
        }

        var count = jpeg[pos + 9];
        return Enumerable.Range(0, count).Select(c => jpeg[pos + 11 + (3 * c)]).Select(f => (f >> 4, f & 15)).ToList();
    }

    /// <summary>The JPEG path PageImageEncoder used before TurboJPEG.</summary>
    private static byte[] MagickJpeg(RasterImage page, bool colour)
    {
        using var image = new MagickImage(page.Pixels, new MagickReadSettings
        {
            Format = page.Format == PixelFormat.Gray8 ? MagickFormat.Gray : MagickFormat.Rgb,
            Width = (uint)page.Width,
            Height = (uint)page.Height,
            Depth = 8,
        });
        image.Strip();
        image.Quality = Quality;
        image.Settings.SetDefine(MagickFormat.Jpeg, "optimize-coding", "true");
        if (colour)
        {
            image.Settings.SetDefine(MagickFormat.Jpeg, "sampling-factor", "2x2,1x1,1x1");
        }

        return image.ToByteArray(MagickFormat.Jpeg);
    }

    private static RasterImage Grey(RasterImage page)
    {
        if (page.Format == PixelFormat.Gray8)
        {
            return page;
        }

        var grey = new byte[page.Width * page.Height];
        for (var y = 0; y < page.Height; y++)
        {
            var row = page.Row(y);
            for (var x = 0; x < page.Width; x++)
            {
                grey[(y * page.Width) + x] = row[3 * x + 1];
            }
        }

        return new RasterImage(page.Width, page.Height, PixelFormat.Gray8, grey, page.Dpi);
    }

    private static RasterImage ToRgb(RasterImage grey)
    {
        var rgb = new byte[grey.Width * grey.Height * 3];
        for (var i = 0; i < grey.Width * grey.Height; i++)
        {
            rgb[3 * i] = rgb[(3 * i) + 1] = rgb[(3 * i) + 2] = grey.Pixels[i];
        }

        return new RasterImage(grey.Width, grey.Height, PixelFormat.Rgb24, rgb, grey.Dpi);
    }

    /// <summary>The grey page in RGB with a red seal (200, 40, 40) at x 1200–1400, y 250–450.</summary>
    private static RasterImage Stamped(RasterImage grey)
    {
        var page = ToRgb(grey);
        for (var y = 250; y < 450; y++)
        {
            for (var x = 1200; x < 1400; x++)
            {
                var i = ((y * page.Width) + x) * 3;
                (page.Pixels[i], page.Pixels[i + 1], page.Pixels[i + 2]) = ((byte)200, (byte)40, (byte)40);
            }
        }

        return page;
    }
}
