namespace ScanArchive.SampleGenerator.Scanning;

/// <summary>Separable Gaussian blur standing in for scanner optics and focus error.</summary>
internal static class GaussianBlur
{
    public static void Apply(ScanRaster raster, double sigma)
    {
        if (sigma <= 0)
        {
            return;
        }

        var kernel = Kernel(sigma);
        foreach (var plane in raster.Planes)
        {
            var temp = new float[plane.Length];
            Convolve(plane, temp, raster.Width, raster.Height, kernel, horizontal: true);
            Convolve(temp, plane, raster.Width, raster.Height, kernel, horizontal: false);
        }
    }

    private static float[] Kernel(double sigma)
    {
        var radius = (int)Math.Ceiling(sigma * 3);
        var weights = new double[radius * 2 + 1];
        for (var i = -radius; i <= radius; i++)
        {
            // Snapped to a 2^-20 grid so that libm rounding differences cannot change the result.
            weights[i + radius] = Math.Round(Math.Exp(-(i * i) / (2 * sigma * sigma)) * 1048576.0) / 1048576.0;
        }

        var sum = weights.Sum();
        return weights.Select(w => (float)(w / sum)).ToArray();
    }

    private static void Convolve(float[] src, float[] dst, int width, int height, float[] kernel, bool horizontal)
    {
        var radius = kernel.Length / 2;
        var length = horizontal ? width : height;
        var lines = horizontal ? height : width;
        var stride = horizontal ? 1 : width;
        for (var line = 0; line < lines; line++)
        {
            var start = horizontal ? line * width : line;
            for (var i = 0; i < length; i++)
            {
                var acc = 0f;
                for (var k = -radius; k <= radius; k++)
                {
                    // Edge pixels are repeated, like the white margin beyond a sheet.
                    var j = Math.Clamp(i + k, 0, length - 1);
                    acc += src[start + j * stride] * kernel[k + radius];
                }

                dst[start + i * stride] = acc;
            }
        }
    }
}
