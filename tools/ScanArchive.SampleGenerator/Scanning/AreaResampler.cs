namespace ScanArchive.SampleGenerator.Scanning;

/// <summary>Box-filter (area-average) downscaling, the way a sensor integrates light at a lower resolution.</summary>
internal static class AreaResampler
{
    public static ScanRaster Downscale(ScanRaster source, int outWidth, int outHeight)
    {
        var horizontal = Weights(source.Width, outWidth);
        var vertical = Weights(source.Height, outHeight);
        var result = new ScanRaster(outWidth, outHeight, source.Channels);
        for (var c = 0; c < source.Channels; c++)
        {
            var src = source.Planes[c];
            var temp = new float[outWidth * source.Height];
            for (var y = 0; y < source.Height; y++)
            {
                for (var x = 0; x < outWidth; x++)
                {
                    var acc = 0.0;
                    foreach (var (index, weight) in horizontal[x])
                    {
                        acc += src[y * source.Width + index] * weight;
                    }

                    temp[y * outWidth + x] = (float)acc;
                }
            }

            var dst = result.Planes[c];
            for (var y = 0; y < outHeight; y++)
            {
                for (var x = 0; x < outWidth; x++)
                {
                    var acc = 0.0;
                    foreach (var (index, weight) in vertical[y])
                    {
                        acc += temp[index * outWidth + x] * weight;
                    }

                    dst[y * outWidth + x] = (float)acc;
                }
            }
        }

        return result;
    }

    /// <summary>For each output sample, the source samples it overlaps and the overlap fraction.</summary>
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
