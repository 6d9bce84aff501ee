using ImageMagick;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Pdf;
using ScanArchive.Imaging.Encoders;
using ScanArchive.TestSupport;

namespace ScanArchive.Imaging.Tests.Encoders;

public class PageImageEncoderTests
{
    private readonly PageImageEncoder _encoder = new();

    [Fact]
    public void A_black_and_white_page_becomes_g4_that_decodes_to_the_same_pixels()
    {
        var page = TestImages.WhitePageWithBox(850, 1100, 300, new PixelBox(100, 200, 500, 7));

        var encoded = _encoder.Encode(page);

        Assert.Equal(PageImageKind.CcittG4, encoded.Kind);
        Assert.Equal((850, 1100, 300), (encoded.Width, encoded.Height, encoded.Dpi));
        Assert.Equal(page.Pixels, DecodeG4(encoded));
        Assert.True(encoded.Bytes.Length < 2_000, $"{encoded.Bytes.Length} bytes for a box on a blank page");
    }

    [Fact]
    public void A_scanned_g4_tiff_stays_g4_and_small()
    {
        var page = new DocumentReader().ReadPages(TestPaths.SampleScan("en-service-record.tif")).Single().Image!;

        var encoded = _encoder.Encode(page);

        Assert.Equal(PageImageKind.CcittG4, encoded.Kind);
        Assert.Equal(page.Pixels, DecodeG4(encoded));
        Assert.True(encoded.Bytes.Length < 60_000, $"{encoded.Bytes.Length} bytes");
    }

    [Fact]
    public void A_grey_scan_becomes_a_grey_baseline_jpeg_at_the_default_quality()
    {
        var page = GreyScan(600, 800, 300);

        var encoded = _encoder.Encode(page);

        Assert.Equal(PageImageKind.Jpeg, encoded.Kind);
        Assert.True(JpegHeader.TryRead(encoded.Bytes, out var header));
        Assert.Equal((1, true, 600, 800), (header.Components, header.IsBaseline, header.Width, header.Height));
        Assert.Equal(new PageImageEncoderOptions().JpegQuality, (int)Ping(encoded.Bytes).Quality);
    }

    [Fact]
    public void A_low_resolution_page_is_compressed_more_gently()
    {
        var encoded = _encoder.Encode(GreyScan(300, 400, 100));

        Assert.Equal(new PageImageEncoderOptions().LowResolutionJpegQuality, (int)Ping(encoded.Bytes).Quality);
        Assert.Equal(100, encoded.Dpi);
    }

    [Fact]
    public void A_colour_page_stays_colour_and_a_grey_page_stored_as_rgb_becomes_grey()
    {
        var grey = ToRgb(GreyScan(400, 400, 300), stamp: false);
        var stamped = ToRgb(GreyScan(400, 400, 300), stamp: true);

        Assert.True(JpegHeader.TryRead(_encoder.Encode(grey).Bytes, out var greyHeader));
        Assert.True(JpegHeader.TryRead(_encoder.Encode(stamped).Bytes, out var stampedHeader));

        Assert.Equal(1, greyHeader.Components);
        Assert.Equal(3, stampedHeader.Components);
    }

    [Fact]
    public void An_unchanged_jpeg_of_moderate_quality_goes_in_byte_for_byte()
    {
        using var dir = new TempDirectory("encoder");
        var path = WriteJpeg(dir, "moderate.jpg", GreyScan(500, 700, 300), quality: 55);
        var page = new DocumentReader().ReadPages(path).Single().Image!;
        var original = new OriginalImageFile(File.ReadAllBytes(path), DocumentFormat.Jpeg);

        var encoded = _encoder.Encode(page, null, original);

        Assert.Same(original.Content, encoded.Bytes);
        Assert.Equal(PageImageKind.Jpeg, encoded.Kind);
    }

    [Fact]
    public void A_high_quality_or_progressive_or_resized_original_is_compressed_again()
    {
        using var dir = new TempDirectory("encoder");
        var scan = GreyScan(500, 700, 300);
        var fine = WriteJpeg(dir, "fine.jpg", scan, quality: 95);
        var progressive = WriteJpeg(dir, "progressive.jpg", scan, quality: 50, progressive: true);
        var reader = new DocumentReader();

        var fromFine = _encoder.Encode(reader.ReadPages(fine).Single().Image!, null, new OriginalImageFile(File.ReadAllBytes(fine), DocumentFormat.Jpeg));
        var fromProgressive = _encoder.Encode(reader.ReadPages(progressive).Single().Image!, null, new OriginalImageFile(File.ReadAllBytes(progressive), DocumentFormat.Jpeg));
        var otherSize = _encoder.Encode(GreyScan(400, 700, 300), null, new OriginalImageFile(File.ReadAllBytes(progressive), DocumentFormat.Jpeg));

        Assert.True(fromFine.Bytes.Length < new FileInfo(fine).Length / 2, $"{fromFine.Bytes.Length} vs {new FileInfo(fine).Length}");
        Assert.True(JpegHeader.TryRead(fromProgressive.Bytes, out var header) && header.IsBaseline);
        Assert.Equal(400, otherSize.Width);
        Assert.NotEqual(File.ReadAllBytes(progressive), otherSize.Bytes);
    }

    [Fact]
    public void The_resolution_comes_from_the_caller_then_the_page_then_300()
    {
        var scan = GreyScan(200, 200, null);

        Assert.Equal(400, _encoder.Encode(GreyScan(200, 200, 72), 400, null).Dpi);
        Assert.Equal(150, _encoder.Encode(GreyScan(200, 200, 150)).Dpi);
        Assert.Equal(400, _encoder.Encode(scan, 400, null).Dpi);
        Assert.Equal(PageImageEncoder.FallbackDpi, _encoder.Encode(scan).Dpi);
    }

    [Fact]
    public void Bilevel_means_black_and_white_only_and_colour_means_more_than_chroma_noise()
    {
        var bilevel = TestImages.WhitePageWithBox(100, 100, 300, new PixelBox(10, 10, 50, 50));
        var withGrey = TestImages.WhitePageWithBox(100, 100, 300, new PixelBox(10, 10, 50, 50));
        withGrey.Pixels.AsSpan(0, 20).Fill(128);
        var noisyRgb = ToRgb(GreyScan(200, 200, 300), stamp: false);
        for (var i = 0; i < noisyRgb.Pixels.Length; i += 3)
        {
            noisyRgb.Pixels[i] = (byte)Math.Min(255, noisyRgb.Pixels[i] + 12); // a warm paper tint, JPEG-noise sized
        }

        Assert.True(PageImageEncoder.IsBilevel(bilevel));
        Assert.False(PageImageEncoder.IsBilevel(withGrey));
        Assert.False(PageImageEncoder.HasColour(noisyRgb));
        Assert.True(PageImageEncoder.HasColour(ToRgb(GreyScan(200, 200, 300), stamp: true)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Qualities_outside_1_to_100_are_refused(int quality) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageImageEncoder(new PageImageEncoderOptions { JpegQuality = quality }));

    [Fact]
    public void The_jpeg_header_reader_finds_the_frame_and_refuses_what_is_not_a_jpeg()
    {
        using var image = new MagickImage(MagickColors.White, 33, 21);
        image.Settings.Interlace = Interlace.Jpeg;
        var progressive = image.ToByteArray(MagickFormat.Jpeg);

        Assert.True(JpegHeader.TryRead(progressive, out var header));
        Assert.Equal((33, 21, false), (header.Width, header.Height, header.IsBaseline));
        Assert.False(JpegHeader.TryRead([0x89, (byte)'P', (byte)'N', (byte)'G'], out _));
        Assert.False(JpegHeader.TryRead(progressive.AsSpan(0, 10), out _));
    }

    /// <summary>A grey page with mid-tone noise and a few dark strokes, like a scan of paper.</summary>
    private static RasterImage GreyScan(int width, int height, int? dpi)
    {
        var random = new Random(width * 31 + height);
        var pixels = new byte[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)random.Next(200, 250);
        }

        for (var y = height / 4; y < height / 4 + 6; y++)
        {
            pixels.AsSpan((y * width) + (width / 10), width / 2).Fill(30);
        }

        return new RasterImage(width, height, PixelFormat.Gray8, pixels, dpi);
    }

    private static RasterImage ToRgb(RasterImage grey, bool stamp)
    {
        var rgb = new byte[grey.Width * grey.Height * 3];
        for (var i = 0; i < grey.Pixels.Length; i++)
        {
            rgb[i * 3] = rgb[(i * 3) + 1] = rgb[(i * 3) + 2] = grey.Pixels[i];
        }

        if (stamp)
        {
            // A red seal: a 60×60 block of (200, 40, 40).
            for (var y = 100; y < 160; y++)
            {
                for (var x = 100; x < 160; x++)
                {
                    var i = ((y * grey.Width) + x) * 3;
                    (rgb[i], rgb[i + 1], rgb[i + 2]) = ((byte)200, (byte)40, (byte)40);
                }
            }
        }

        return new RasterImage(grey.Width, grey.Height, PixelFormat.Rgb24, rgb, grey.Dpi);
    }

    private static string WriteJpeg(TempDirectory dir, string name, RasterImage page, uint quality, bool progressive = false)
    {
        using var image = new MagickImage(page.Pixels, new MagickReadSettings { Format = MagickFormat.Gray, Width = (uint)page.Width, Height = (uint)page.Height, Depth = 8 });
        image.Quality = quality;
        image.Density = new Density(page.Dpi ?? 300, page.Dpi ?? 300, DensityUnit.PixelsPerInch);
        if (progressive)
        {
            image.Settings.Interlace = Interlace.Jpeg;
        }

        var path = dir.File(name);
        image.Write(path, MagickFormat.Jpeg);
        return path;
    }

    private static MagickImage Ping(byte[] jpeg)
    {
        var image = new MagickImage();
        image.Ping(jpeg, new MagickReadSettings { Format = MagickFormat.Jpeg });
        return image;
    }

    /// <summary>Raw G4 back to 8-bit grey with ImageMagick (an independent decoder from the PDF reader's).</summary>
    private static byte[] DecodeG4(EncodedPageImage encoded)
    {
        using var image = new MagickImage(encoded.Bytes, new MagickReadSettings { Format = MagickFormat.Group4, Width = (uint)encoded.Width, Height = (uint)encoded.Height });
        image.Depth = 8;
        return image.ToByteArray(MagickFormat.Gray);
    }
}
