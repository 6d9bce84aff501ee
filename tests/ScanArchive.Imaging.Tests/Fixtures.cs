using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ImageMagick;
using ImageMagick.Drawing;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ScanArchive.Imaging.Tests;

/// <summary>Writes small real files for the tests: images through Magick.NET, PDFs through PdfPig's builder.</summary>
internal static class Fixtures
{
    /// <summary>Folder of the fixtures committed under TestFiles/ (copied next to the test assembly).</summary>
    public static string TestFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestFiles", name);

    /// <summary>A white page with black bars (something a decoder can get wrong), as a Magick image.</summary>
    public static MagickImage Page(uint width, uint height, bool color = false)
    {
        var image = new MagickImage(MagickColors.White, width, height);
        var drawables = new Drawables()
            .FillColor(MagickColors.Black)
            .Rectangle(width / 10.0, height / 10.0, width / 2.0, (height / 10.0) + 5)
            .Rectangle(width / 10.0, height / 3.0, width * 0.9, (height / 3.0) + 3);
        if (color)
        {
            drawables.FillColor(MagickColors.Red).Rectangle(width / 4.0, height / 2.0, width / 2.0, height * 0.6);
        }

        drawables.Draw(image);
        if (!color)
        {
            image.ColorType = ColorType.Grayscale;
        }

        return image;
    }

    /// <summary>Writes an image in a format with a resolution in pixels per inch (null: no resolution).</summary>
    public static string Write(string path, MagickImage image, MagickFormat format, double? dpi, DensityUnit unit = DensityUnit.PixelsPerInch)
    {
        image.Density = dpi is { } d
            ? new Density(unit == DensityUnit.PixelsPerCentimeter ? d / 2.54 : d, unit)
            : new Density(0, 0, DensityUnit.Undefined);
        image.Write(path, format);
        return path;
    }

    /// <summary>A 1-bit CCITT Group 4 TIFF.</summary>
    public static string WriteG4Tiff(string path, uint width, uint height, int dpi)
    {
        using var image = Page(width, height);
        image.ColorType = ColorType.Bilevel;
        image.Settings.Compression = CompressionMethod.Group4;
        return Write(path, image, MagickFormat.Tiff, dpi);
    }

    /// <summary>A multi-page TIFF, one (width, height, dpi) per page.</summary>
    public static string WriteMultiPageTiff(string path, params (uint Width, uint Height, int Dpi)[] pages)
    {
        using var collection = new MagickImageCollection();
        foreach (var (width, height, dpi) in pages)
        {
            var page = Page(width, height);
            page.Density = new Density(dpi, dpi, DensityUnit.PixelsPerInch);
            page.Settings.Compression = CompressionMethod.LZW;
            collection.Add(page);
        }

        collection.Write(path, MagickFormat.Tiff);
        return path;
    }

    /// <summary>JPEG bytes of a test page.</summary>
    public static byte[] JpegBytes(uint width, uint height, bool color = true)
    {
        using var image = Page(width, height, color);
        image.Quality = 90;
        image.Density = new Density(300, 300, DensityUnit.PixelsPerInch);
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    /// <summary>A PDF page showing a JPEG across the given rectangle (points).</summary>
    public static byte[] PdfWithJpeg(byte[] jpeg, PdfRectangle placement)
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).AddJpeg(jpeg, placement);
        return builder.Build();
    }

    /// <summary>
    /// A PDF with a text page: "Hello World" (12 pt at 72,700), "Second line" (10 pt at 72,680), and an invisible
    /// OCR-style word "Invisible" on that same baseline at x = 300; then a blank page.
    /// </summary>
    public static byte[] PdfWithText()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        page.AddText("Hello World", 12, new PdfPoint(72, 700), font);
        page.AddText("Second line", 10, new PdfPoint(72, 680), font);
        page.SetTextRenderingMode(TextRenderingMode.Neither);
        page.AddText("Invisible", 10, new PdfPoint(300, 680), font);
        builder.AddPage(PageSize.A4);
        return builder.Build();
    }

    /// <summary>A PDF whose page image declares a huge size (the G4 data itself is tiny).</summary>
    public static byte[] PdfDeclaringHugeImage(int width, int height)
    {
        using var small = Page(64, 64);
        small.ColorType = ColorType.Bilevel;
        var g4 = small.ToByteArray(MagickFormat.Group4);
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).AddCcittG4(g4, width, height, new PdfRectangle(0, 0, 595, 842), false);
        return builder.Build();
    }

    /// <summary>A hand-made PNG whose header declares the given size, with a token IDAT (a decompression bomb's header).</summary>
    public static byte[] PngHeaderOnly(uint width, uint height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 1; // bit depth 1
        ihdr[9] = 0; // greyscale
        WriteChunk(output, "IHDR", ihdr);
        using (var idat = new MemoryStream())
        {
            using (var z = new ZLibStream(idat, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                z.Write(new byte[64 * 1024]);
            }

            WriteChunk(output, "IDAT", idat.ToArray());
        }

        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A hand-made little-endian G4 TIFF whose IFD declares the given size, with 16 bytes of data.</summary>
    public static byte[] TiffHeaderOnly(uint width, uint height)
    {
        const int entries = 9;
        const int ifdOffset = 8;
        const int dataOffset = ifdOffset + 2 + (entries * 12) + 4;
        var bytes = new byte[dataOffset + 16];
        "II"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), ifdOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(ifdOffset), entries);
        var entry = ifdOffset + 2;
        void Tag(ushort tag, ushort type, uint value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(entry), tag);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(entry + 2), type);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(entry + 4), 1);
            if (type == 3)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(entry + 8), (ushort)value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(entry + 8), value);
            }

            entry += 12;
        }

        Tag(256, 4, width);
        Tag(257, 4, height);
        Tag(258, 3, 1);             // BitsPerSample
        Tag(259, 3, 4);             // Compression: CCITT G4
        Tag(262, 3, 0);             // WhiteIsZero
        Tag(273, 4, dataOffset);    // StripOffsets
        Tag(277, 3, 1);             // SamplesPerPixel
        Tag(278, 4, height);        // RowsPerStrip
        Tag(279, 4, 16);            // StripByteCounts
        return bytes;
    }

    /// <summary>A JPEG whose SOF header is patched to declare the given size.</summary>
    public static byte[] JpegDeclaring(ushort width, ushort height)
    {
        var jpeg = JpegBytes(64, 64);
        for (var i = 2; i + 9 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 5), height);
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 7), width);
                return jpeg;
            }
        }

        throw new InvalidOperationException("No SOF marker in the test JPEG.");
    }

    /// <summary>The first half of some bytes (a transfer that stopped half-way).</summary>
    public static byte[] FirstHalf(byte[] bytes) => bytes[..(bytes.Length / 2)];

    /// <summary>A copy with a run of bytes in the middle scrambled (damage inside an intact file).</summary>
    public static byte[] ScrambleMiddle(byte[] bytes, int count = 200)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = copy.Length / 2; i < Math.Min(copy.Length, (copy.Length / 2) + count); i++)
        {
            copy[i] ^= 0x5A;
        }

        return copy;
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        output.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        output.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
