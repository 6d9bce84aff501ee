using SkiaSharp;

namespace ScanArchive.SampleGenerator.Scanning;

/// <summary>
/// Turns a clean rendered page into what a flatbed/ADF scanner would deliver, in physical order:
/// sheet placement (rotation, skew), optics (blur), sampling (resolution), illumination and paper
/// (tone), sensor (noise) and dust (specks).
/// </summary>
internal static class ScanDegrader
{
    /// <summary>Reflectance of the scanner lid around a strongly skewed sheet.</summary>
    private const float LidLevel = 205f;

    public static ScanRaster Scan(SKBitmap cleanPage, ScanProfile profile, Random random)
    {
        var raster = ScanRaster.FromBitmap(cleanPage, profile.Colour);
        raster = PageGeometry.RotateClockwise(raster, profile.RotationClockwise);
        raster = PageGeometry.Skew(raster, profile.SkewDegrees, profile.ExpandCanvasForSkew, LidLevel);
        GaussianBlur.Apply(raster, profile.BlurSigma);
        if (profile.OutputDpi != 300)
        {
            var scale = profile.OutputDpi / 300.0;
            raster = AreaResampler.Downscale(raster, (int)Math.Round(raster.Width * scale), (int)Math.Round(raster.Height * scale));
        }

        ApplyTone(raster, profile, random);
        AddSensorNoise(raster, profile.NoiseSigma, random);
        AddSpecks(raster, profile.SpeckCount, profile.OutputDpi / 300f, random);
        if (profile.RemoveBackground)
        {
            RemoveBackground(raster);
        }

        return raster;
    }

    /// <summary>
    /// Maps reflectance (255 = bare paper) to recorded levels between the ink level and the local
    /// paper level, which falls off gently across the sheet and darkens near one edge.
    /// </summary>
    private static void ApplyTone(ScanRaster raster, ScanProfile profile, Random random)
    {
        int w = raster.Width, h = raster.Height;
        var direction = random.NextDouble() * 2 * Math.PI;
        var (gx, gy) = (Math.Round(Math.Cos(direction), 9), Math.Round(Math.Sin(direction), 9));
        var shadowAlongLeft = random.Next(2) == 0;
        var shadowWidth = Math.Max(w, h) * 0.012;

        var illumination = new float[w * h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                // t runs 0..1 across the sheet along a random direction.
                var t = ((x / (double)w - 0.5) * gx + (y / (double)h - 0.5) * gy) / 1.42 + 0.5;
                var distance = shadowAlongLeft ? x : y;
                var u = Math.Max(0, 1 - distance / shadowWidth);
                var shadow = profile.EdgeShadow * u * u * (3 - 2 * u);
                illumination[y * w + x] = (float)((1 - profile.IlluminationFalloff * t) * (1 - shadow));
            }
        }

        var paper = profile.Colour
            ? new float[] { profile.PaperColor.Red, profile.PaperColor.Green, profile.PaperColor.Blue }
            : [(profile.PaperColor.Red * 299 + profile.PaperColor.Green * 587 + profile.PaperColor.Blue * 114) / 1000f];
        var ink = profile.InkLevel;
        for (var c = 0; c < raster.Channels; c++)
        {
            var plane = raster.Planes[c];
            for (var i = 0; i < plane.Length; i++)
            {
                var white = paper[c] * illumination[i];
                var level = ink + (white - ink) * (plane[i] / 255f);
                plane[i] = level;
            }
        }
    }

    /// <summary>
    /// Approximately Gaussian sensor noise from a sum of four uniforms (Irwin–Hall), which avoids
    /// transcendental functions and so stays bit-identical across runtimes.
    /// </summary>
    private static void AddSensorNoise(ScanRaster raster, double sigma, Random random)
    {
        if (sigma <= 0)
        {
            return;
        }

        var scale = (float)(sigma * Math.Sqrt(3));
        var count = raster.Width * raster.Height;
        for (var i = 0; i < count; i++)
        {
            var luminance = Gaussianish(random) * scale;
            for (var c = 0; c < raster.Channels; c++)
            {
                // Colour sensors add a little independent per-channel (chroma) noise on top.
                var chroma = raster.Channels > 1 ? Gaussianish(random) * scale * 0.35f : 0f;
                raster.Planes[c][i] += luminance + chroma;
            }
        }
    }

    private static float Gaussianish(Random random) =>
        (float)(random.NextDouble() + random.NextDouble() + random.NextDouble() + random.NextDouble() - 2.0);

    /// <summary>Dust and toner specks: small soft dark dots.</summary>
    private static void AddSpecks(ScanRaster raster, int count, float scale, Random random)
    {
        for (var s = 0; s < count; s++)
        {
            var cx = random.NextDouble() * raster.Width;
            var cy = random.NextDouble() * raster.Height;
            var radius = (0.8 + random.NextDouble() * 2.2) * scale;
            var darkness = (float)(0.3 + random.NextDouble() * 0.5);
            var reach = (int)Math.Ceiling(radius + 1);
            for (var y = (int)cy - reach; y <= (int)cy + reach; y++)
            {
                for (var x = (int)cx - reach; x <= (int)cx + reach; x++)
                {
                    if (x < 0 || y < 0 || x >= raster.Width || y >= raster.Height)
                    {
                        continue;
                    }

                    var d = Math.Sqrt((x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy));
                    var coverage = (float)Math.Clamp(radius + 0.5 - d, 0, 1) * darkness;
                    foreach (var plane in raster.Planes)
                    {
                        plane[y * raster.Width + x] *= 1 - coverage;
                    }
                }
            }
        }
    }

    private static void RemoveBackground(ScanRaster raster)
    {
        foreach (var plane in raster.Planes)
        {
            for (var i = 0; i < plane.Length; i++)
            {
                // Stretch so that paper (>= ~215) becomes pure white while ink keeps its gradation.
                plane[i] = Math.Min(255f, plane[i] * 255f / 215f);
            }
        }
    }
}
