namespace ScanArchive.SampleGenerator.Scanning;

/// <summary>How the sheet lay on the scanner glass: quarter turns and skew.</summary>
internal static class PageGeometry
{
    /// <summary>Rotates clockwise by 0, 90, 180 or 270 degrees (exact pixel permutation, no resampling).</summary>
    public static ScanRaster RotateClockwise(ScanRaster source, int degrees)
    {
        if (degrees == 0)
        {
            return source;
        }

        if (degrees is not (90 or 180 or 270))
        {
            throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "Only quarter turns are supported.");
        }

        int w = source.Width, h = source.Height;
        var result = degrees == 180 ? new ScanRaster(w, h, source.Channels) : new ScanRaster(h, w, source.Channels);
        for (var c = 0; c < source.Channels; c++)
        {
            var src = source.Planes[c];
            var dst = result.Planes[c];
            for (var y = 0; y < result.Height; y++)
            {
                for (var x = 0; x < result.Width; x++)
                {
                    var (sx, sy) = degrees switch
                    {
                        90 => (y, h - 1 - x),
                        180 => (w - 1 - x, h - 1 - y),
                        _ => (w - 1 - y, x),
                    };
                    dst[y * result.Width + x] = src[sy * w + sx];
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Rotates by <paramref name="degrees"/> about the centre, positive = counter-clockwise as seen on
    /// screen, with bilinear sampling. With <paramref name="expandCanvas"/> the whole sheet stays in
    /// view and the uncovered scanner lid shows as <paramref name="outsideLevel"/>; otherwise the
    /// canvas keeps its size and the corners are filled with paper white.
    /// </summary>
    public static ScanRaster Skew(ScanRaster source, double degrees, bool expandCanvas, float outsideLevel)
    {
        if (degrees == 0)
        {
            return source;
        }

        var radians = degrees * Math.PI / 180.0;
        // Rounded so that last-bit differences between libm implementations cannot change any pixel.
        var cos = Math.Round(Math.Cos(radians), 12);
        var sin = Math.Round(Math.Sin(radians), 12);
        int w = source.Width, h = source.Height;
        int outW = w, outH = h;
        if (expandCanvas)
        {
            outW = (int)Math.Ceiling(Math.Abs(w * cos) + Math.Abs(h * sin));
            outH = (int)Math.Ceiling(Math.Abs(w * sin) + Math.Abs(h * cos));
        }

        var fill = expandCanvas ? outsideLevel : 255f;
        var result = new ScanRaster(outW, outH, source.Channels);
        double cxIn = (w - 1) / 2.0, cyIn = (h - 1) / 2.0, cxOut = (outW - 1) / 2.0, cyOut = (outH - 1) / 2.0;
        for (var c = 0; c < source.Channels; c++)
        {
            var src = source.Planes[c];
            var dst = result.Planes[c];
            for (var y = 0; y < outH; y++)
            {
                var dy = y - cyOut;
                for (var x = 0; x < outW; x++)
                {
                    var dx = x - cxOut;
                    // Inverse of the on-screen counter-clockwise rotation (y axis points down).
                    var sx = dx * cos - dy * sin + cxIn;
                    var sy = dx * sin + dy * cos + cyIn;
                    dst[y * outW + x] = Bilinear(src, w, h, sx, sy, fill);
                }
            }
        }

        return result;
    }

    private static float Bilinear(float[] src, int w, int h, double sx, double sy, float fill)
    {
        var x0 = (int)Math.Floor(sx);
        var y0 = (int)Math.Floor(sy);
        var fx = sx - x0;
        var fy = sy - y0;
        double Sample(int x, int y) => x < 0 || y < 0 || x >= w || y >= h ? fill : src[y * w + x];
        var top = Sample(x0, y0) * (1 - fx) + Sample(x0 + 1, y0) * fx;
        var bottom = Sample(x0, y0 + 1) * (1 - fx) + Sample(x0 + 1, y0 + 1) * fx;
        return (float)(top * (1 - fy) + bottom * fy);
    }
}
