using ScanArchive.SampleGenerator.Output;
using SkiaSharp;

namespace ScanArchive.SampleGenerator;

/// <summary>
/// Checks that a committed sample folder is exactly what the generator produces for the seed:
/// ground-truth JSON byte for byte, images pixel for pixel (encoded bytes may legitimately differ
/// between encoder builds, decoded pixels may not).
/// </summary>
internal sealed class SampleSetVerifier(SampleSetGenerator generator, IReadOnlyList<PageSpec> catalog)
{
    /// <summary>Hand-written files that live next to the samples.</summary>
    private static readonly HashSet<string> IgnoredFiles = new(StringComparer.Ordinal) { "README.md" };

    public bool Verify(string directory, TextWriter log)
    {
        if (!Directory.Exists(directory))
        {
            log.WriteLine($"FAIL: directory '{directory}' does not exist");
            return false;
        }

        var failures = 0;
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in catalog)
        {
            var page = generator.Generate(spec);
            expectedFiles.Add(spec.ImageFileName);
            expectedFiles.Add(spec.GroundTruthFileName);
            failures += Check(log, directory, spec.GroundTruthFileName, page.GroundTruthJson, CompareExact);
            failures += Check(log, directory, spec.ImageFileName, page.Image, (expected, actual) => CompareImage(spec.Format, expected, actual));
        }

        foreach (var path in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!expectedFiles.Contains(name) && !IgnoredFiles.Contains(name))
            {
                log.WriteLine($"FAIL {name}: not produced by the generator (stale file?)");
                failures++;
            }
        }

        log.WriteLine(failures == 0
            ? $"OK: {catalog.Count} pages match the generator output"
            : $"{failures} mismatch(es); regenerate with --out {directory}");
        return failures == 0;
    }

    private static int Check(TextWriter log, string directory, string name, byte[] expected, Func<byte[], byte[], string?> compare)
    {
        var path = Path.Combine(directory, name);
        if (!File.Exists(path))
        {
            log.WriteLine($"FAIL {name}: missing");
            return 1;
        }

        var problem = compare(expected, File.ReadAllBytes(path));
        if (problem is null)
        {
            log.WriteLine($"ok   {name}");
            return 0;
        }

        log.WriteLine($"FAIL {name}: {problem}");
        return 1;
    }

    private static string? CompareExact(byte[] expected, byte[] actual) =>
        expected.AsSpan().SequenceEqual(actual) ? null : "content differs";

    private static string? CompareImage(OutputFormat format, byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return null;
        }

        switch (format)
        {
            case OutputFormat.Jpeg or OutputFormat.Png:
                return ComparePixels(expected, actual);
            case OutputFormat.PdfJpeg:
                var expectedJpeg = PdfWriter.ExtractJpeg(expected);
                var actualJpeg = PdfWriter.ExtractJpeg(actual);
                return actualJpeg is null || expectedJpeg is null ? "no embedded JPEG found" : ComparePixels(expectedJpeg, actualJpeg);
            default:
                // The G4 encoder is our own deterministic code: equal pixels give equal bytes.
                return "bilevel TIFF differs";
        }
    }

    private static string? ComparePixels(byte[] expected, byte[] actual)
    {
        using var a = SKBitmap.Decode(expected);
        using var b = SKBitmap.Decode(actual);
        if (b is null)
        {
            return "cannot be decoded";
        }

        if (a.Width != b.Width || a.Height != b.Height || a.ColorType != b.ColorType)
        {
            return $"expected {a.Width}x{a.Height} {a.ColorType}, found {b.Width}x{b.Height} {b.ColorType}";
        }

        var pa = a.GetPixelSpan();
        var pb = b.GetPixelSpan();
        var differing = 0;
        var maxDelta = 0;
        for (var i = 0; i < pa.Length; i++)
        {
            if (pa[i] != pb[i])
            {
                differing++;
                maxDelta = Math.Max(maxDelta, Math.Abs(pa[i] - pb[i]));
            }
        }

        return differing == 0 ? null : $"{differing} of {pa.Length} samples differ (max difference {maxDelta})";
    }
}
