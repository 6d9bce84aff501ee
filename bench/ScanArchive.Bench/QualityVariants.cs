using ScanArchive.Core.Imaging;

namespace ScanArchive.Bench;

/// <summary>
/// Degrades clean sample pages into labelled QC variants at bench time (blur, resolution, contrast, quarter turns,
/// skew, cut edges) and synthesizes blank sheets. Written independently of the code under test (its own resampling
/// and rotation), so that a shared bug cannot hide itself.
/// </summary>
internal static class QualityVariants
{
    /// <summary>A grey copy of a colour page (Rec. 601 weights, rounded); grey pages as they are.</summary>
    public static RasterImage ToGrey(RasterImage image)
    {
        if (image.Format == PixelFormat.Gray8)
        {
            return image;
        }

        var grey = new byte[image.Width * image.Height];
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < image.Width; x++)
            {
                grey[(y * image.Width) + x] = (byte)(((row[x * 3] * 299) + (row[(x * 3) + 1] * 587) + (row[(x * 3) + 2] * 114) + 500) / 1000);
            }
        }

        return new RasterImage(image.Width, image.Height, PixelFormat.Gray8, grey, image.Dpi);
    }

    /// <summary>Gaussian blur approximated by three box blurs per axis (σ in pixels).</summary>
    public static RasterImage Blur(RasterImage image, double sigma)
    {
        var bpp = image.BytesPerPixel;
        var planes = Planes(image);
        foreach (var plane in planes)
        {
            // Box widths whose three-fold convolution has variance σ² (Kovesi's method).
            var ideal = Math.Sqrt((12 * sigma * sigma / 3) + 1);
            var wl = (int)Math.Floor(ideal);
            if (wl % 2 == 0)
            {
                wl--;
            }

            var wu = wl + 2;
            var m = (int)Math.Round(((12 * sigma * sigma) - (3 * wl * wl) - (4 * 3 * wl) - (3 * 3)) / ((-4 * wl) - 4));
            for (var pass = 0; pass < 3; pass++)
            {
                var r = ((pass < m ? wl : wu) - 1) / 2;
                BoxBlur(plane, image.Width, image.Height, r, horizontal: true);
                BoxBlur(plane, image.Width, image.Height, r, horizontal: false);
            }
        }

        return FromPlanes(planes, image.Width, image.Height, image.Format, image.Dpi, bpp);
    }

    /// <summary>Area-averaging downscale to a new resolution (a scanner integrating over larger sensor cells).</summary>
    public static RasterImage Resample(RasterImage image, int fromDpi, int toDpi, bool declareDpi = true)
    {
        var scale = toDpi / (double)fromDpi;
        var outW = (int)Math.Round(image.Width * scale);
        var outH = (int)Math.Round(image.Height * scale);
        var planes = Planes(image);
        var result = new float[planes.Length][];
        var hw = Weights(image.Width, outW);
        var vw = Weights(image.Height, outH);
        for (var c = 0; c < planes.Length; c++)
        {
            var src = planes[c];
            var temp = new float[outW * image.Height];
            for (var y = 0; y < image.Height; y++)
            {
                for (var x = 0; x < outW; x++)
                {
                    double acc = 0;
                    foreach (var (i, w) in hw[x])
                    {
                        acc += src[(y * image.Width) + i] * w;
                    }

                    temp[(y * outW) + x] = (float)acc;
                }
            }

            var dst = new float[outW * outH];
            for (var y = 0; y < outH; y++)
            {
                foreach (var (i, w) in vw[y])
                {
                    for (var x = 0; x < outW; x++)
                    {
                        dst[(y * outW) + x] += temp[(i * outW) + x] * (float)w;
                    }
                }
            }

            result[c] = dst;
        }

        return FromPlanes(result, outW, outH, image.Format, declareDpi ? toDpi : null, image.BytesPerPixel);
    }

    /// <summary>Maps paper (≈ the 95th percentile) to <paramref name="paper"/> and solid ink to <paramref name="paper"/> − <paramref name="contrast"/>.</summary>
    public static RasterImage Contrast(RasterImage image, double paper, double contrast)
    {
        var planes = Planes(image);
        var (srcInk, srcPaper) = InkAndPaper(planes[0]);
        var gain = contrast / Math.Max(1, srcPaper - srcInk);
        foreach (var plane in planes)
        {
            for (var i = 0; i < plane.Length; i++)
            {
                plane[i] = (float)(paper - ((srcPaper - plane[i]) * gain));
            }
        }

        return FromPlanes(planes, image.Width, image.Height, image.Format, image.Dpi, image.BytesPerPixel);
    }

    /// <summary>Turns the page clockwise by a quarter turn (what a sideways or upside-down feed does).</summary>
    public static RasterImage TurnClockwise(RasterImage image, int degrees)
    {
        var turns = ((degrees / 90 % 4) + 4) % 4;
        if (turns == 0)
        {
            return image;
        }

        var bpp = image.BytesPerPixel;
        int w = image.Width, h = image.Height;
        var (nw, nh) = turns == 2 ? (w, h) : (h, w);
        var output = new byte[nw * nh * bpp];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var (nx, ny) = turns switch
                {
                    1 => (h - 1 - y, x),
                    2 => (w - 1 - x, h - 1 - y),
                    _ => (y, w - 1 - x),
                };
                image.Pixels.AsSpan((y * image.Stride) + (x * bpp), bpp).CopyTo(output.AsSpan(((ny * nw) + nx) * bpp, bpp));
            }
        }

        return new RasterImage(nw, nh, image.Format, output, image.Dpi);
    }

    /// <summary>
    /// Turns the page counter-clockwise by <paramref name="degrees"/> (positive = right end of a line higher) on an
    /// enlarged canvas, so that no content is lost; the uncovered canvas shows <paramref name="background"/>.
    /// </summary>
    public static RasterImage Skew(RasterImage image, double degrees, byte background)
    {
        var rad = degrees * Math.PI / 180;
        double cos = Math.Cos(rad), sin = Math.Sin(rad);
        int w = image.Width, h = image.Height;
        var outW = (int)Math.Ceiling((Math.Abs(w * cos) + Math.Abs(h * sin)) - 1e-6);
        var outH = (int)Math.Ceiling((Math.Abs(w * sin) + Math.Abs(h * cos)) - 1e-6);
        var planes = Planes(image);
        var result = new float[planes.Length][];
        double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0, ox = (outW - 1) / 2.0, oy = (outH - 1) / 2.0;
        for (var c = 0; c < planes.Length; c++)
        {
            var src = planes[c];
            var dst = new float[outW * outH];
            for (var y = 0; y < outH; y++)
            {
                for (var x = 0; x < outW; x++)
                {
                    double dx = x - ox, dy = y - oy;
                    var sx = (dx * cos) - (dy * sin) + cx;
                    var sy = (dx * sin) + (dy * cos) + cy;
                    int x0 = (int)Math.Floor(sx), y0 = (int)Math.Floor(sy);
                    double fx = sx - x0, fy = sy - y0;
                    double S(int xx, int yy) => xx < 0 || yy < 0 || xx >= w || yy >= h ? background : src[(yy * w) + xx];
                    dst[(y * outW) + x] = (float)((((S(x0, y0) * (1 - fx)) + (S(x0 + 1, y0) * fx)) * (1 - fy)) + (((S(x0, y0 + 1) * (1 - fx)) + (S(x0 + 1, y0 + 1) * fx)) * fy));
                }
            }

            result[c] = dst;
        }

        return FromPlanes(result, outW, outH, image.Format, image.Dpi, image.BytesPerPixel);
    }

    /// <summary>Keeps a part of the page (a sheet that slipped past the scan area).</summary>
    public static RasterImage Crop(RasterImage image, int x, int y, int width, int height)
    {
        var bpp = image.BytesPerPixel;
        var output = new byte[width * height * bpp];
        for (var row = 0; row < height; row++)
        {
            image.Pixels.AsSpan(((y + row) * image.Stride) + (x * bpp), width * bpp).CopyTo(output.AsSpan(row * width * bpp));
        }

        return new RasterImage(width, height, image.Format, output, image.Dpi);
    }

    /// <summary>Paints everything outside <paramref name="keep"/> with the paper level: a nearly empty page that still has content.</summary>
    public static RasterImage KeepOnly(RasterImage image, PixelBox keep)
    {
        var planes = Planes(image);
        var (_, paper) = InkAndPaper(planes[0]);
        foreach (var plane in planes)
        {
            for (var y = 0; y < image.Height; y++)
            {
                for (var x = 0; x < image.Width; x++)
                {
                    if (x < keep.X || x >= keep.Right || y < keep.Y || y >= keep.Bottom)
                    {
                        plane[(y * image.Width) + x] = (float)paper;
                    }
                }
            }
        }

        return FromPlanes(planes, image.Width, image.Height, image.Format, image.Dpi, image.BytesPerPixel);
    }

    /// <summary>Settings of a synthetic blank sheet.</summary>
    internal sealed record BlankSheet(double Paper, double Noise, int Specks, int PunchHoles, double EdgeShadow, int LidBand, double ShowThrough, bool Colour);

    /// <summary>
    /// A blank A4 sheet at 300 dpi: paper tone with an illumination gradient, sensor noise, dust specks, punched holes
    /// (dark, as over a black lid), a shadow along one edge, a band of scanner lid, and show-through of a mirrored
    /// text page from the back.
    /// </summary>
    public static RasterImage Blank(BlankSheet sheet, RasterImage? backSide, Random random)
    {
        const int W = 2480, H = 3508;
        var plane = new float[W * H];
        var gx = random.NextDouble() - 0.5;
        var gy = random.NextDouble() - 0.5;
        for (var y = 0; y < H; y++)
        {
            for (var x = 0; x < W; x++)
            {
                var t = 1 - (0.05 * (((x / (double)W) - 0.5) * gx + (((y / (double)H) - 0.5) * gy)));
                var u = Math.Max(0, 1 - (x / (W * 0.012)));
                plane[(y * W) + x] = (float)(sheet.Paper * t * (1 - (sheet.EdgeShadow * u * u * (3 - (2 * u)))));
            }
        }

        if (backSide is not null && sheet.ShowThrough > 0)
        {
            // The back page, mirrored left-right, shows through as a faint copy of its ink.
            var back = Planes(backSide)[0];
            var (ink, paper) = InkAndPaper(back);
            for (var y = 0; y < Math.Min(H, backSide.Height); y++)
            {
                for (var x = 0; x < Math.Min(W, backSide.Width); x++)
                {
                    var darkness = Math.Clamp((paper - back[(y * backSide.Width) + (backSide.Width - 1 - x)]) / Math.Max(1, paper - ink), 0, 1);
                    plane[(y * W) + x] -= (float)(darkness * sheet.ShowThrough);
                }
            }
        }

        for (var h = 0; h < sheet.PunchHoles; h++)
        {
            // ISO 838: 6 mm holes, 12 mm from the edge, 80 mm apart about the middle.
            var cy = (H / 2.0) + ((h - ((sheet.PunchHoles - 1) / 2.0)) * 80 / 25.4 * 300);
            Disc(plane, W, H, 12 / 25.4 * 300, cy, 3 / 25.4 * 300, 30);
        }

        for (var s = 0; s < sheet.Specks; s++)
        {
            Disc(plane, W, H, random.NextDouble() * W, random.NextDouble() * H, 0.8 + (random.NextDouble() * 2.5), (float)(sheet.Paper * (0.3 + (random.NextDouble() * 0.4))));
        }

        for (var y = 0; y < H; y++)
        {
            for (var x = W - sheet.LidBand; x < W; x++)
            {
                plane[(y * W) + x] = 70;
            }
        }

        for (var i = 0; i < plane.Length; i++)
        {
            plane[i] += (float)(sheet.Noise * (random.NextDouble() + random.NextDouble() + random.NextDouble() + random.NextDouble() - 2) * Math.Sqrt(3));
        }

        if (!sheet.Colour)
        {
            return FromPlanes([plane], W, H, PixelFormat.Gray8, 300, 1);
        }

        // Cream paper in colour mode.
        var r = plane.Select(v => v + 4).ToArray();
        var b = plane.Select(v => v - 10).ToArray();
        return FromPlanes([r, plane, b], W, H, PixelFormat.Rgb24, 300, 3);
    }

    private static void Disc(float[] plane, int w, int h, double cx, double cy, double radius, float level)
    {
        for (var y = (int)(cy - radius - 1); y <= cy + radius + 1; y++)
        {
            for (var x = (int)(cx - radius - 1); x <= cx + radius + 1; x++)
            {
                if (x < 0 || y < 0 || x >= w || y >= h)
                {
                    continue;
                }

                var d = Math.Sqrt(((x + 0.5 - cx) * (x + 0.5 - cx)) + ((y + 0.5 - cy) * (y + 0.5 - cy)));
                var cover = Math.Clamp(radius + 0.5 - d, 0, 1);
                plane[(y * w) + x] = (float)((plane[(y * w) + x] * (1 - cover)) + (level * cover));
            }
        }
    }

    /// <summary>(ink, paper): 1st and 95th percentiles of a plane.</summary>
    private static (double Ink, double Paper) InkAndPaper(float[] plane)
    {
        var histogram = new int[256];
        foreach (var v in plane)
        {
            histogram[Math.Clamp((int)v, 0, 255)]++;
        }

        double Percentile(double p)
        {
            long seen = 0;
            for (var i = 0; i < 256; i++)
            {
                seen += histogram[i];
                if (seen >= plane.Length * p)
                {
                    return i;
                }
            }

            return 255;
        }

        return (Percentile(0.01), Percentile(0.95));
    }

    private static float[][] Planes(RasterImage image)
    {
        var bpp = image.BytesPerPixel;
        var planes = new float[bpp][];
        for (var c = 0; c < bpp; c++)
        {
            planes[c] = new float[image.Width * image.Height];
        }

        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < image.Width; x++)
            {
                for (var c = 0; c < bpp; c++)
                {
                    planes[c][(y * image.Width) + x] = row[(x * bpp) + c];
                }
            }
        }

        return planes;
    }

    private static RasterImage FromPlanes(float[][] planes, int w, int h, PixelFormat format, int? dpi, int bpp)
    {
        var pixels = new byte[w * h * bpp];
        for (var i = 0; i < w * h; i++)
        {
            for (var c = 0; c < bpp; c++)
            {
                pixels[(i * bpp) + c] = (byte)Math.Clamp(Math.Round(planes[c][i]), 0, 255);
            }
        }

        return new RasterImage(w, h, format, pixels, dpi);
    }

    private static void BoxBlur(float[] plane, int w, int h, int r, bool horizontal)
    {
        if (r <= 0)
        {
            return;
        }

        var length = horizontal ? w : h;
        var lines = horizontal ? h : w;
        var stride = horizontal ? 1 : w;
        var line = new float[length];
        for (var l = 0; l < lines; l++)
        {
            var start = horizontal ? l * w : l;
            for (var i = 0; i < length; i++)
            {
                line[i] = plane[start + (i * stride)];
            }

            // Running sum with edge pixels repeated, like paper beyond the sheet.
            double acc = 0;
            for (var k = -r; k <= r; k++)
            {
                acc += line[Math.Clamp(k, 0, length - 1)];
            }

            for (var i = 0; i < length; i++)
            {
                plane[start + (i * stride)] = (float)(acc / ((2 * r) + 1));
                acc += line[Math.Min(i + r + 1, length - 1)] - line[Math.Max(i - r, 0)];
            }
        }
    }

    private static (int Index, double Weight)[][] Weights(int inLength, int outLength)
    {
        var scale = (double)inLength / outLength;
        var result = new (int, double)[outLength][];
        for (var o = 0; o < outLength; o++)
        {
            var start = o * scale;
            var end = Math.Min(inLength, (o + 1) * scale);
            var taps = new List<(int, double)>();
            for (var i = (int)Math.Floor(start); i < end; i++)
            {
                var overlap = Math.Min(end, i + 1) - Math.Max(start, i);
                if (overlap > 0)
                {
                    taps.Add((i, overlap / (end - start)));
                }
            }

            result[o] = [.. taps];
        }

        return result;
    }
}
