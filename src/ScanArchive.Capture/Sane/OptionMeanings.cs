using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Sane;

/// <summary>
/// Recognises what a device's own source and mode strings mean. Backends name the same thing differently
/// ("Automatic Document Feeder", "ADF Front", "Document Feeder"; "Gray", "True Gray", "Grayscale"; "Lineart",
/// "Black &amp; White", "Monochrome"), so settings are matched by meaning with a preference score, never by one
/// hard-coded string. A string that mixes meanings ("Color Lineart", "ADF Back") is not matched.
/// </summary>
internal static class OptionMeanings
{
    // SANE's well-known option names (saneopts.h).
    public const string SourceOption = "source";
    public const string ModeOption = "mode";
    public const string ResolutionOption = "resolution";
    public const string XResolutionOption = "x-resolution";
    public const string YResolutionOption = "y-resolution";
    public const string DepthOption = "depth";
    public const string TopLeftX = "tl-x";
    public const string TopLeftY = "tl-y";
    public const string BottomRightX = "br-x";
    public const string BottomRightY = "br-y";

    /// <summary>The meaning of a source string and how strongly it matches (0 = no match).</summary>
    public static (ScanSource? Meaning, int Score) ClassifySource(string deviceValue)
    {
        var s = Normalize(deviceValue);
        if (s.Contains("back", StringComparison.Ordinal) || s.Contains("rear", StringComparison.Ordinal))
        {
            // "ADF Back" scans only the back side: neither simplex front nor duplex.
            return (null, 0);
        }

        if (s.Contains("duplex", StringComparison.Ordinal) || s.Contains("both sides", StringComparison.Ordinal) || s.Contains("double sided", StringComparison.Ordinal))
        {
            return (ScanSource.Duplex, s is "duplex" or "adf duplex" ? 3 : 2);
        }

        if (s.Contains("adf", StringComparison.Ordinal) || s.Contains("feeder", StringComparison.Ordinal) || s.Contains("automatic document", StringComparison.Ordinal))
        {
            return (ScanSource.Feeder, s is "automatic document feeder" or "adf" or "adf front" ? 3 : 2);
        }

        if (s.Contains("flatbed", StringComparison.Ordinal) || s is "fb" or "platen" or "glass" || s.Contains("document table", StringComparison.Ordinal))
        {
            return (ScanSource.Flatbed, s == "flatbed" ? 3 : 2);
        }

        return (null, 0);
    }

    /// <summary>The meaning of a mode string and how strongly it matches (0 = no match).</summary>
    public static (ColorMode? Meaning, int Score) ClassifyMode(string deviceValue)
    {
        var s = Normalize(deviceValue);
        var hasColour = s.Contains("color", StringComparison.Ordinal) || s.Contains("colour", StringComparison.Ordinal);
        var modified = s.Contains('[', StringComparison.Ordinal) || s.Contains('(', StringComparison.Ordinal) || s.Contains("fast", StringComparison.Ordinal);
        var dithered = s.Contains("halftone", StringComparison.Ordinal) || s.Contains("dither", StringComparison.Ordinal) || s.Contains("error diffusion", StringComparison.Ordinal);
        var lineart = s.Contains("lineart", StringComparison.Ordinal) || s.Contains("line art", StringComparison.Ordinal) || s.Contains("binary", StringComparison.Ordinal)
            || s.Contains("black", StringComparison.Ordinal) || s is "bw" or "b&w" or "monochrome" or "mono";
        if (lineart || dithered)
        {
            // Halftone/dithered pages are black and white too, but a last resort: they ruin OCR.
            return hasColour ? (null, 0) : (ColorMode.Lineart, s == "lineart" ? 3 : dithered ? 1 : 2);
        }

        if (hasColour || s == "rgb")
        {
            return (ColorMode.Color, s is "color" or "colour" ? 3 : modified ? 1 : 2);
        }

        if (s.Contains("gray", StringComparison.Ordinal) || s.Contains("grey", StringComparison.Ordinal))
        {
            return (ColorMode.Gray, s is "gray" or "grey" ? 3 : modified ? 1 : 2);
        }

        return (null, 0);
    }

    /// <summary>The device string that best means <paramref name="source"/>, or null.</summary>
    public static string? ChooseSource(IEnumerable<string> deviceValues, ScanSource source) =>
        Best(deviceValues, v => ClassifySource(v) is var (meaning, score) && meaning == source ? score : 0);

    /// <summary>The device string that best means <paramref name="mode"/>, or null.</summary>
    public static string? ChooseMode(IEnumerable<string> deviceValues, ColorMode mode) =>
        Best(deviceValues, v => ClassifyMode(v) is var (meaning, score) && meaning == mode ? score : 0);

    private static string? Best(IEnumerable<string> values, Func<string, int> score)
    {
        string? best = null;
        var bestScore = 0;
        foreach (var value in values)
        {
            var s = score(value);
            if (s > bestScore)
            {
                best = value;
                bestScore = s;
            }
        }

        return best;
    }

    private static string Normalize(string value) => string.Join(' ', value.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
