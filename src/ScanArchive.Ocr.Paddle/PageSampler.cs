using ScanArchive.Core.Imaging;

namespace ScanArchive.Ocr.Paddle;

/// <summary>
/// Reads page pixels into the models' input tensors (planar, channels in B, G, R order as PaddleOCR's OpenCV
/// pipeline trained them). Our own code instead of an imaging library: the adapter references Core only.
/// </summary>
internal static class PageSampler
{
    /// <summary>ImageNet mean and deviation per channel (B, G, R order as PaddleOCR applies them to OpenCV's BGR image).</summary>
    private static readonly float[] DetMean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] DetStd = [0.229f, 0.224f, 0.225f];

    /// <summary>
    /// The <paramref name="area"/> of the page shrunk (by averaging, never enlarged) so that its longer side is at most <paramref name="maxSide"/>,
    /// both sides multiples of 32, normalized for the detector; returns the tensor and its size.
    /// </summary>
    public static (float[] Tensor, int Width, int Height) Detection(RasterImage page, PixelBox area, int maxSide)
    {
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(area.Width, area.Height));
        var w = Math.Max(32, (int)Math.Round(area.Width * scale / 32) * 32);
        var h = Math.Max(32, (int)Math.Round(area.Height * scale / 32) * 32);
        var plane = w * h;
        var tensor = new float[3 * plane];
        var bpp = page.BytesPerPixel;
        var xs = new int[w + 1];
        for (var x = 0; x <= w; x++)
        {
            xs[x] = area.X + Math.Min(area.Width, (int)((long)x * area.Width / w));
        }

        var sums = new double[w * 3];
        for (var ty = 0; ty < h; ty++)
        {
            var y0 = area.Y + (int)((long)ty * area.Height / h);
            var y1 = Math.Max(y0 + 1, area.Y + Math.Min(area.Height, (int)((long)(ty + 1) * area.Height / h)));
            Array.Clear(sums);
            for (var y = y0; y < y1; y++)
            {
                var row = page.Row(y);
                for (var tx = 0; tx < w; tx++)
                {
                    var x0 = xs[tx];
                    var x1 = Math.Max(x0 + 1, xs[tx + 1]);
                    x1 = Math.Min(x1, area.Right);
                    if (bpp == 1)
                    {
                        var s = 0;
                        for (var x = x0; x < x1; x++)
                        {
                            s += row[x];
                        }

                        sums[tx * 3] += s;
                    }
                    else
                    {
                        int r = 0, g = 0, b = 0;
                        for (var x = x0; x < x1; x++)
                        {
                            r += row[x * 3];
                            g += row[(x * 3) + 1];
                            b += row[(x * 3) + 2];
                        }

                        sums[tx * 3] += b;
                        sums[(tx * 3) + 1] += g;
                        sums[(tx * 3) + 2] += r;
                    }
                }
            }

            for (var tx = 0; tx < w; tx++)
            {
                var n = (double)(Math.Max(xs[tx] + 1, xs[tx + 1]) - xs[tx]) * (y1 - y0) * 255;
                for (var c = 0; c < 3; c++)
                {
                    var v = (float)((bpp == 1 ? sums[tx * 3] : sums[(tx * 3) + c]) / n);
                    tensor[(c * plane) + (ty * w) + tx] = (v - DetMean[c]) / DetStd[c];
                }
            }
        }

        return (tensor, w, h);
    }

    /// <summary>
    /// Samples a line box into <paramref name="dest"/> (3 planes of <paramref name="stride"/> × <paramref name="height"/>
    /// starting at <paramref name="offset"/>) as a <paramref name="width"/> × <paramref name="height"/> image normalized to
    /// [−1, 1], the recognizer's and classifier's input. Bilinear, averaged over a grid when shrinking.
    /// <paramref name="turn"/> reads the box turned by 180° (an upside-down line); <paramref name="vertical"/> reads a
    /// standing line (vertical text) turned a quarter so that it runs left to right.
    /// </summary>
    public static void Line(RasterImage page, RotatedBox box, float[] dest, int offset, int stride, int width, int height, bool turn, bool vertical)
    {
        var plane = stride * height;
        var along = vertical ? box.Height : box.Width;
        var across = vertical ? box.Width : box.Height;
        var stepAlong = along / width;
        var stepAcross = across / height;
        var samples = Math.Clamp((int)Math.Round(Math.Max(stepAlong, stepAcross)), 1, 3);
        Span<float> px = stackalloc float[3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                float b = 0, g = 0, r = 0;
                for (var sy = 0; sy < samples; sy++)
                {
                    for (var sx = 0; sx < samples; sx++)
                    {
                        var a = (x + ((sx + 0.5) / samples)) * stepAlong;
                        var c = (y + ((sy + 0.5) / samples)) * stepAcross;
                        if (turn)
                        {
                            a = along - a;
                            c = across - c;
                        }

                        // A standing line turned a quarter anticlockwise (PaddleOCR's rot90): its top comes first.
                        var (pxX, pxY) = vertical ? box.At(across - c, a) : box.At(a, c);
                        Bilinear(page, pxX, pxY, px);
                        b += px[0];
                        g += px[1];
                        r += px[2];
                    }
                }

                var n = samples * samples * 127.5f;
                var i = offset + (y * stride) + x;
                dest[i] = (b / n) - 1;
                dest[i + plane] = (g / n) - 1;
                dest[i + (2 * plane)] = (r / n) - 1;
            }
        }
    }

    /// <summary>B, G, R at a point (pixel centres at +0.5), white outside the page.</summary>
    private static void Bilinear(RasterImage page, double x, double y, Span<float> bgr)
    {
        x -= 0.5;
        y -= 0.5;
        var x0 = (int)Math.Floor(x);
        var y0 = (int)Math.Floor(y);
        var fx = (float)(x - x0);
        var fy = (float)(y - y0);
        bgr.Clear();
        for (var j = 0; j < 2; j++)
        {
            for (var i = 0; i < 2; i++)
            {
                var w = (i == 0 ? 1 - fx : fx) * (j == 0 ? 1 - fy : fy);
                if (w == 0)
                {
                    continue;
                }

                var xx = x0 + i;
                var yy = y0 + j;
                if (xx < 0 || yy < 0 || xx >= page.Width || yy >= page.Height)
                {
                    bgr[0] += 255 * w;
                    bgr[1] += 255 * w;
                    bgr[2] += 255 * w;
                    continue;
                }

                var p = (yy * page.Stride) + (xx * page.BytesPerPixel);
                if (page.Format == PixelFormat.Gray8)
                {
                    var v = page.Pixels[p] * w;
                    bgr[0] += v;
                    bgr[1] += v;
                    bgr[2] += v;
                }
                else
                {
                    bgr[0] += page.Pixels[p + 2] * w;
                    bgr[1] += page.Pixels[p + 1] * w;
                    bgr[2] += page.Pixels[p] * w;
                }
            }
        }
    }
}
