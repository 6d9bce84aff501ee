using System.Buffers.Binary;
using System.Runtime.InteropServices;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Ocr;

/// <summary>Copies a <see cref="RasterImage"/> into a Leptonica PIX.</summary>
internal static class PixConverter
{
    /// <summary>
    /// Leptonica packs pixels MSB-first in 32-bit words: on a little-endian machine the byte for pixel 0 is the
    /// word's highest byte. Grey rows are copied and byte-swapped a word at a time; colour pixels become
    /// 0xRRGGBBAA words. With a <paramref name="region"/>, only that part is copied (no intermediate crop).
    /// </summary>
    public static unsafe SafePixHandle ToPix(RasterImage image, PixelBox? region = null)
    {
        var part = region ?? new PixelBox(0, 0, image.Width, image.Height);
        var depth = image.Format == PixelFormat.Gray8 ? 8 : 32;
        var bpp = image.BytesPerPixel;
        var pix = Interop.Leptonica.pixCreate(part.Width, part.Height, depth);
        if (pix.IsInvalid)
        {
            pix.Dispose();
            throw new ScanArchive.Core.Ocr.OcrException($"Leptonica could not allocate a {part.Width}x{part.Height} image.");
        }

        var wpl = Interop.Leptonica.pixGetWpl(pix);
        var data = (uint*)Interop.Leptonica.pixGetData(pix);
        for (var y = 0; y < part.Height; y++)
        {
            var dest = new Span<uint>(data + ((long)y * wpl), wpl);
            var src = image.Row(part.Y + y).Slice(part.X * bpp, part.Width * bpp);
            if (depth == 8)
            {
                var bytes = MemoryMarshal.AsBytes(dest);
                src.CopyTo(bytes);
                bytes[src.Length..].Fill(255);
                if (BitConverter.IsLittleEndian)
                {
                    BinaryPrimitives.ReverseEndianness(dest, dest);
                }
            }
            else
            {
                for (int x = 0, i = 0; x < part.Width; x++, i += 3)
                {
                    dest[x] = ((uint)src[i] << 24) | ((uint)src[i + 1] << 16) | ((uint)src[i + 2] << 8) | 0xFF;
                }
            }
        }

        if (image.Dpi is { } dpi)
        {
            _ = Interop.Leptonica.pixSetResolution(pix, dpi, dpi);
        }

        return pix;
    }
}
