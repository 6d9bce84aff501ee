using ImageMagick;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;
using ScanArchive.Imaging.Raster;

namespace ScanArchive.Imaging;

/// <summary>
/// Stored page images for the review screen: as a browser shows them (a JPEG as stored, a CCITT G4 page as PNG),
/// scaled down for thumbnails, cut out for the evidence under a field; and decoded for a page that is turned again.
/// Thread-safe.
/// </summary>
public static class PageImageRenderer
{
    /// <summary>JPEG quality of thumbnails: small files for a strip of many pages; text stays legible at that size.</summary>
    public const int ThumbnailQuality = 70;

    /// <summary>The image as a browser can show it: the stored bytes for JPEG and PNG, a PNG for CCITT G4.</summary>
    /// <returns>The bytes and their media type.</returns>
    public static (byte[] Bytes, string ContentType) ForBrowser(byte[] stored, PageImage image)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(image);
        switch (image.Kind)
        {
            case PageImageKind.Jpeg:
                return (stored, "image/jpeg");
            case PageImageKind.Png:
                return (stored, "image/png");
            default:
                using (var magick = Read(stored, image, null))
                {
                    return (magick.ToByteArray(MagickFormat.Png), "image/png");
                }
        }
    }

    /// <summary>
    /// A part of the page (<paramref name="crop"/> in image pixels, clipped to the image; null for all of it), scaled to
    /// at most <paramref name="width"/> pixels wide (null: not scaled). Thumbnails (no crop) are JPEG, crops PNG (sharp
    /// text edges, small areas).
    /// </summary>
    public static (byte[] Bytes, string ContentType) Render(byte[] stored, PageImage image, int? width, PixelBox? crop)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(image);
        var area = crop is { } c ? Clip(c, image.Width, image.Height) : (PixelBox?)null;
        if (area is { Width: 0 } or { Height: 0 })
        {
            throw new ArgumentException("The crop lies outside the page image.", nameof(crop));
        }

        // A thumbnail of a JPEG page is decoded at a fraction of its size straight from the DCT (libjpeg's scaling): a
        // 300-dpi A4 page decodes in a few milliseconds instead of ~60.
        var hint = area is null && width is { } w && image.Kind == PageImageKind.Jpeg ? (w, (int)Math.Ceiling((double)w * image.Height / image.Width)) : ((int, int)?)null;
        using var magick = Read(stored, image, hint);
        if (area is { } a)
        {
            // The decoder may have scaled the image (it does not here: no hint with a crop), so coordinates are the stored image's.
            magick.Crop(new MagickGeometry(a.X, a.Y, (uint)a.Width, (uint)a.Height));
            magick.ResetPage();
        }

        if (width is { } target && target < magick.Width)
        {
            magick.FilterType = FilterType.Triangle;
            magick.Resize(new MagickGeometry((uint)target, 0) { IgnoreAspectRatio = false });
        }

        magick.Strip();
        if (area is null)
        {
            magick.Quality = ThumbnailQuality;
            return (magick.ToByteArray(MagickFormat.Jpeg), "image/jpeg");
        }

        return (magick.ToByteArray(MagickFormat.Png), "image/png");
    }

    /// <summary>The stored image decoded (grey or RGB), to be turned and recognized again.</summary>
    public static RasterImage Decode(byte[] stored, PageImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var magick = Read(stored, image, null);
        return MagickPixels.ToRaster(magick, image.Dpi);
    }

    /// <summary>The image turned clockwise by a multiple of 90 degrees (negative: counter-clockwise).</summary>
    public static RasterImage Turn(RasterImage image, int degrees) => PixelRotation.RotateClockwise(image, degrees);

    private static MagickImage Read(byte[] stored, PageImage image, (int Width, int Height)? sizeHint)
    {
        MagickResourceGuard.EnsureApplied();
        var settings = image.Kind switch
        {
            // Raw T.6 data carries no header: its geometry comes from the record (as the PDF builder embeds it).
            PageImageKind.CcittG4 => new MagickReadSettings { Format = MagickFormat.Group4, Width = (uint)image.Width, Height = (uint)image.Height },
            PageImageKind.Jpeg => new MagickReadSettings { Format = MagickFormat.Jpeg },
            _ => new MagickReadSettings { Format = MagickFormat.Png },
        };
        if (sizeHint is { } hint)
        {
            settings.SetDefine(MagickFormat.Jpeg, "size", $"{hint.Width}x{hint.Height}");
        }

        var magick = new MagickImage();
        try
        {
            magick.Read(stored, settings);
            if (image.Kind == PageImageKind.CcittG4)
            {
                // The encoder writes ImageMagick's own GROUP4 colours (see CcittG4Encoder): read back, paper is white.
                magick.Depth = 8;
            }

            return magick;
        }
        catch
        {
            magick.Dispose();
            throw;
        }
    }

    private static PixelBox Clip(PixelBox box, int width, int height) => PixelBox.FromEdges(
        Math.Clamp(box.X, 0, width), Math.Clamp(box.Y, 0, height), Math.Clamp(box.Right, 0, width), Math.Clamp(box.Bottom, 0, height));
}
