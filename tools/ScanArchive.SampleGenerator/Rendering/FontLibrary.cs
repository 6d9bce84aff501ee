using SkiaSharp;

namespace ScanArchive.SampleGenerator.Rendering;

/// <summary>
/// Loads the fonts by file path rather than by family lookup so that the rendered pages do not depend
/// on fontconfig's substitution rules, which differ between machines.
/// </summary>
internal sealed class FontLibrary : IDisposable
{
    private const string NotoCjkDir = "/usr/share/fonts/opentype/noto";
    private const string DejaVuDir = "/usr/share/fonts/truetype/dejavu";

    private FontLibrary(Dictionary<string, SKTypeface> typefaces) => _typefaces = typefaces;

    private readonly Dictionary<string, SKTypeface> _typefaces;

    /// <summary>Printed Chinese body text and labels.</summary>
    public SKTypeface SansSc => _typefaces[nameof(SansSc)];

    public SKTypeface SansScBold => _typefaces[nameof(SansScBold)];

    public SKTypeface SerifSc => _typefaces[nameof(SerifSc)];

    public SKTypeface SerifScBold => _typefaces[nameof(SerifScBold)];

    /// <summary>Regular-script (楷体) face standing in for handwritten Chinese values.</summary>
    public SKTypeface Kai => _typefaces[nameof(Kai)];

    /// <summary>Stands in for handwritten English values.</summary>
    public SKTypeface Comic => _typefaces[nameof(Comic)];

    public SKTypeface Sans => _typefaces[nameof(Sans)];

    public SKTypeface SansBold => _typefaces[nameof(SansBold)];

    public SKTypeface Serif => _typefaces[nameof(Serif)];

    public SKTypeface SerifBold => _typefaces[nameof(SerifBold)];

    public SKTypeface Mono => _typefaces[nameof(Mono)];

    public static FontLibrary Load() => new(new Dictionary<string, SKTypeface>
    {
        [nameof(SansSc)] = LoadCollectionFace($"{NotoCjkDir}/NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", "fonts-noto-cjk"),
        [nameof(SansScBold)] = LoadCollectionFace($"{NotoCjkDir}/NotoSansCJK-Bold.ttc", "Noto Sans CJK SC", "fonts-noto-cjk"),
        [nameof(SerifSc)] = LoadCollectionFace($"{NotoCjkDir}/NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", "fonts-noto-cjk"),
        [nameof(SerifScBold)] = LoadCollectionFace($"{NotoCjkDir}/NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC", "fonts-noto-cjk"),
        [nameof(Kai)] = LoadCollectionFace("/usr/share/fonts/truetype/arphic/ukai.ttc", "AR PL UKai CN", "fonts-arphic-ukai"),
        [nameof(Comic)] = LoadFile("/usr/share/fonts/opentype/comic-neue/ComicNeue-Regular.otf", "fonts-comic-neue"),
        [nameof(Sans)] = LoadFile($"{DejaVuDir}/DejaVuSans.ttf", "fonts-dejavu-core"),
        [nameof(SansBold)] = LoadFile($"{DejaVuDir}/DejaVuSans-Bold.ttf", "fonts-dejavu-core"),
        [nameof(Serif)] = LoadFile($"{DejaVuDir}/DejaVuSerif.ttf", "fonts-dejavu-core"),
        [nameof(SerifBold)] = LoadFile($"{DejaVuDir}/DejaVuSerif-Bold.ttf", "fonts-dejavu-core"),
        [nameof(Mono)] = LoadFile($"{DejaVuDir}/DejaVuSansMono.ttf", "fonts-dejavu-core"),
    });

    public void Dispose()
    {
        foreach (var typeface in _typefaces.Values)
        {
            typeface.Dispose();
        }
    }

    private static SKTypeface LoadFile(string path, string aptPackage)
    {
        RequireFile(path, aptPackage);
        return SKTypeface.FromFile(path)
            ?? throw new InvalidOperationException($"Font file '{path}' could not be loaded; reinstall it with 'apt-get install --reinstall {aptPackage}'.");
    }

    /// <summary>
    /// A .ttc holds several faces (the Noto CJK files have JP, KR, SC, TC, HK...); the face index is
    /// not stable across font releases, so the Simplified Chinese face is found by its family name.
    /// </summary>
    private static SKTypeface LoadCollectionFace(string path, string familyName, string aptPackage)
    {
        RequireFile(path, aptPackage);
        for (var index = 0; index < 32; index++)
        {
            var face = SKTypeface.FromFile(path, index);
            if (face is null || string.IsNullOrEmpty(face.FamilyName))
            {
                face?.Dispose();
                break;
            }

            if (face.FamilyName == familyName)
            {
                return face;
            }

            face.Dispose();
        }

        throw new InvalidOperationException($"Font collection '{path}' has no face named '{familyName}'; check the installed version of apt package '{aptPackage}'.");
    }

    private static void RequireFile(string path, string aptPackage)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Font file '{path}' is missing; install it with 'apt-get install {aptPackage}'.", path);
        }
    }
}
