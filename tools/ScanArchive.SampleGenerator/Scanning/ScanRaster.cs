using SkiaSharp;

namespace ScanArchive.SampleGenerator.Scanning;

/// <summary>
/// Planar float image (1 grey or 3 RGB planes, 0..255). Degradation runs in managed code rather
/// than Skia filters so that every pixel is reproducible from the seed.
/// </summary>
internal sealed class ScanRaster
{
    public ScanRaster(int width, int height, int channels)
    {
        Width = width;
        Height = height;
        Planes = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            Planes[c] = new float[width * height];
        }
    }

    public int Width { get; }

    public int Height { get; }

    public float[][] Planes { get; }

    public int Channels => Planes.Length;

    public static ScanRaster FromBitmap(SKBitmap bitmap, bool colour)
    {
        if (bitmap.ColorType != SKColorType.Rgba8888)
        {
            throw new ArgumentException("Expected an RGBA8888 page bitmap.", nameof(bitmap));
        }

        var raster = new ScanRaster(bitmap.Width, bitmap.Height, colour ? 3 : 1);
        var pixels = bitmap.GetPixelSpan();
        var rowBytes = bitmap.RowBytes;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var o = y * rowBytes + x * 4;
                var i = y * bitmap.Width + x;
                if (colour)
                {
                    raster.Planes[0][i] = pixels[o];
                    raster.Planes[1][i] = pixels[o + 1];
                    raster.Planes[2][i] = pixels[o + 2];
                }
                else
                {
                    // Integer BT.601 luma, as scanner firmware computes grey.
                    raster.Planes[0][i] = (pixels[o] * 299 + pixels[o + 1] * 587 + pixels[o + 2] * 114 + 500) / 1000;
                }
            }
        }

        return raster;
    }

    /// <summary>Rounds and clamps to interleaved 8-bit samples (grey or RGB).</summary>
    public byte[] ToInterleavedBytes()
    {
        var count = Width * Height;
        var bytes = new byte[count * Channels];
        for (var i = 0; i < count; i++)
        {
            for (var c = 0; c < Channels; c++)
            {
                bytes[i * Channels + c] = ToByte(Planes[c][i]);
            }
        }

        return bytes;
    }

    public static byte ToByte(float value) => value <= 0 ? (byte)0 : value >= 255 ? (byte)255 : (byte)(value + 0.5f);
}
