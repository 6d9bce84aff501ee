namespace ScanArchive.Core.Imaging;

/// <summary>How the pixels of a <see cref="RasterImage"/> are laid out.</summary>
public enum PixelFormat
{
    /// <summary>One byte per pixel, 0 = black, 255 = white.</summary>
    Gray8,

    /// <summary>Three bytes per pixel in R, G, B order.</summary>
    Rgb24,
}

/// <summary>Where the resolution of an image came from.</summary>
public enum DpiSource
{
    /// <summary>Read from the file (JFIF density, PNG pHYs, TIFF tags, PDF page geometry) or set by the scanner.</summary>
    Header,

    /// <summary>The file carried no usable resolution; the value is an estimate from the page content.</summary>
    Estimated,
}

/// <summary>
/// A decoded page image in memory, shared by capture, imaging and OCR so that no stage depends on another's
/// library. Pixels are stored row by row without padding beyond <see cref="Stride"/>.
/// </summary>
public sealed class RasterImage
{
    /// <summary>Creates an image over existing pixels (not copied).</summary>
    /// <exception cref="ArgumentException">The buffer is smaller than the geometry requires.</exception>
    public RasterImage(int width, int height, PixelFormat format, byte[] pixels, int? dpi, int? stride = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        var minStride = width * BytesPerPixelOf(format);
        Stride = stride ?? minStride;
        if (Stride < minStride || pixels.Length < (long)Stride * height)
        {
            throw new ArgumentException($"Pixel buffer of {pixels.Length} bytes is too small for {width}x{height} {format}.", nameof(pixels));
        }

        if (dpi is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dpi), dpi, "Resolution must be positive when known.");
        }

        Width = width;
        Height = height;
        Format = format;
        Pixels = pixels;
        Dpi = dpi;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Pixel layout.</summary>
    public PixelFormat Format { get; }

    /// <summary>Bytes from the start of one row to the next.</summary>
    public int Stride { get; }

    /// <summary>The pixel bytes, <see cref="Stride"/> × <see cref="Height"/> at least.</summary>
    public byte[] Pixels { get; }

    /// <summary>Resolution in dots per inch as the file or scanner declared it; null when unknown.</summary>
    public int? Dpi { get; }

    /// <summary>Bytes per pixel of <see cref="Format"/>.</summary>
    public int BytesPerPixel => BytesPerPixelOf(Format);

    /// <summary>A row of pixels.</summary>
    public ReadOnlySpan<byte> Row(int y) => Pixels.AsSpan(y * Stride, Width * BytesPerPixel);

    /// <summary>Bytes per pixel of a format.</summary>
    public static int BytesPerPixelOf(PixelFormat format) => format switch
    {
        PixelFormat.Gray8 => 1,
        PixelFormat.Rgb24 => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Returns the same pixels with a different resolution.</summary>
    public RasterImage WithDpi(int? dpi) => new(Width, Height, Format, Pixels, dpi, Stride);
}
