using System.Buffers.Binary;
using System.Runtime.InteropServices;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Imaging.Encoders;

/// <summary>
/// Baseline JPEG through libjpeg-turbo's TurboJPEG API, straight from the page's pixel buffer: grey pages (and grey
/// pages stored as RGB) as one-component JPEG, colour pages as YCbCr 4:2:0; accurate DCT and optimized Huffman
/// tables, as ImageMagick's writer made them before, and the resolution in the JFIF header. ImageMagick spent about
/// half its time importing the pixels. Thread-safe (one TurboJPEG instance per call).
/// </summary>
internal static class TurboJpegEncoder
{
    private const int JfifUnitsOffset = 13;

    static TurboJpegEncoder()
    {
        // TurboJPEG 2.1 has no API for these: it reads them from the environment at each compression. Optimized
        // Huffman tables save ~5–10% at quality 50; arithmetic coding and progressive mode, should a user's
        // environment ask for them, would make JPEGs some PDF readers refuse.
        _ = Interop.Libc.setenv("TJ_OPTIMIZE", "1", 1);
        _ = Interop.Libc.unsetenv("TJ_ARITHMETIC");
        _ = Interop.Libc.unsetenv("TJ_PROGRESSIVE");
        _ = Interop.Libc.unsetenv("TJ_RESTART");
    }

    /// <summary>Compresses a page; <paramref name="colour"/> false makes an RGB page grey (luma).</summary>
    /// <exception cref="TurboJpegException">TurboJPEG failed (out of memory, image too large).</exception>
    public static byte[] Encode(RasterImage page, int dpi, int quality, bool colour)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dpi);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        var pixelFormat = page.Format == PixelFormat.Gray8 ? Interop.TurboJpeg.TJPF_GRAY : Interop.TurboJpeg.TJPF_RGB;
        var subsampling = colour && page.Format == PixelFormat.Rgb24 ? Interop.TurboJpeg.TJSAMP_420 : Interop.TurboJpeg.TJSAMP_GRAY;

        using var handle = Interop.TurboJpeg.tjInitCompress();
        if (handle.IsInvalid)
        {
            throw new TurboJpegException("tjInitCompress failed (out of memory?).");
        }

        nint buffer = 0;
        var size = new CULong(0);
        try
        {
            if (Interop.TurboJpeg.tjCompress2(handle, page.Pixels, page.Width, page.Stride, page.Height, pixelFormat, ref buffer, ref size, subsampling, quality, Interop.TurboJpeg.TJFLAG_ACCURATEDCT) != 0)
            {
                throw new TurboJpegException($"tjCompress2 failed: {Marshal.PtrToStringUTF8(Interop.TurboJpeg.tjGetErrorStr2(handle))}");
            }

            var jpeg = new byte[checked((int)size.Value)];
            Marshal.Copy(buffer, jpeg, 0, jpeg.Length);
            SetJfifDensity(jpeg, dpi);
            return jpeg;
        }
        finally
        {
            if (buffer != 0)
            {
                Interop.TurboJpeg.tjFree(buffer);
            }
        }
    }

    /// <summary>
    /// libjpeg writes the JFIF APP0 segment right after SOI with no unit and density 1:1; viewers and tools that
    /// extract the page read the resolution from there.
    /// </summary>
    internal static void SetJfifDensity(Span<byte> jpeg, int dpi)
    {
        if (jpeg.Length < 18 || jpeg[2] != 0xFF || jpeg[3] != 0xE0 || !jpeg.Slice(6, 5).SequenceEqual("JFIF\0"u8))
        {
            throw new TurboJpegException("TurboJPEG wrote no JFIF header where expected.");
        }

        var density = (ushort)Math.Min(dpi, ushort.MaxValue);
        jpeg[JfifUnitsOffset] = 1; // dots per inch
        BinaryPrimitives.WriteUInt16BigEndian(jpeg[(JfifUnitsOffset + 1)..], density);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg[(JfifUnitsOffset + 3)..], density);
    }
}
