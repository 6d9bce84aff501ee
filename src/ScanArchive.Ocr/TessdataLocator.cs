using ScanArchive.Core.Ocr;

namespace ScanArchive.Ocr;

/// <summary>Finds the folder holding the language files, and the project's own Tesseract configuration.</summary>
public static class TessdataLocator
{
    /// <summary>Where Debian and other distributions put the language files.</summary>
    public static readonly IReadOnlyList<string> SystemPaths =
    [
        "/usr/share/tesseract-ocr/5/tessdata",
        "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata",
        "/usr/local/share/tessdata",
    ];

    /// <summary>The project's <c>tessdata/</c> folder: next to the program (copied at build) or in the working directory.</summary>
    public static string? ProjectTessdata()
    {
        foreach (var dir in new[] { Path.Combine(AppContext.BaseDirectory, "tessdata"), Path.Combine(Environment.CurrentDirectory, "tessdata") })
        {
            if (Directory.Exists(dir))
            {
                return dir;
            }
        }

        return null;
    }

    /// <summary>
    /// The first folder holding every requested language: <paramref name="explicitPath"/>, then the project's
    /// <c>tessdata/</c>, then <c>TESSDATA_PREFIX</c>, then the system paths.
    /// </summary>
    /// <exception cref="OcrException">No folder has all the languages; the message lists what is missing and how to install it.</exception>
    public static string Locate(string languages, string? explicitPath)
    {
        var langs = SplitLanguages(languages);
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            if (!Directory.Exists(explicitPath))
            {
                throw new OcrException($"The tessdata folder '{explicitPath}' does not exist.");
            }

            candidates.Add(explicitPath);
        }

        if (ProjectTessdata() is { } project)
        {
            candidates.Add(project);
        }

        if (Environment.GetEnvironmentVariable("TESSDATA_PREFIX") is { Length: > 0 } prefix)
        {
            candidates.Add(prefix);
            candidates.Add(Path.Combine(prefix, "tessdata"));
        }

        candidates.AddRange(SystemPaths);
        foreach (var dir in candidates)
        {
            if (langs.All(l => File.Exists(Path.Combine(dir, l + ".traineddata"))))
            {
                return dir;
            }
        }

        var packages = string.Join(' ', langs.Select(l => "tesseract-ocr-" + l.Replace('_', '-')));
        throw new OcrException(
            $"Language data for '{languages}' was not found (looked in: {string.Join(", ", candidates.Distinct())}). " +
            $"Install it with: sudo apt-get install {packages}, or pass --tessdata DIR.");
    }

    /// <summary>The project's configuration file (<c>tessdata/configs/scanarchive</c>), if present.</summary>
    public static string? ProjectConfig()
    {
        var dir = ProjectTessdata();
        var path = dir is null ? null : Path.Combine(dir, "configs", "scanarchive");
        return path is not null && File.Exists(path) ? path : null;
    }

    /// <summary>Splits <c>chi_sim+eng</c> into its languages, rejecting names that could escape the folder.</summary>
    public static IReadOnlyList<string> SplitLanguages(string languages)
    {
        var langs = (languages ?? string.Empty).Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (langs.Length == 0 || langs.Any(l => !l.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            throw new OcrException($"'{languages}' is not a valid language list (expected e.g. chi_sim+eng).");
        }

        return langs;
    }
}
