using System.Globalization;
using ScanArchive.Core.Quality;
using ScanArchive.Core.Text;

namespace ScanArchive.Core.Capture;

/// <summary>
/// What blank pages (e.g. blank backs in duplex) mean. Either way they are kept in the batch and in the stored
/// originals, flagged for the QC reviewer and never dropped: a page judged blank by mistake must not be lost.
/// </summary>
public enum BlankPageHandling
{
    /// <summary>Flagged for the QC reviewer; one scan session becomes one archive entry.</summary>
    Flag,

    /// <summary>Flagged, and each blank sheet is a separator: it ends an archive entry at commit (a stack of several folders' documents scanned in one go, blank sheets between them).</summary>
    Separate,
}

/// <summary>A named set of scan settings a clerk picks instead of typing options.</summary>
public sealed record ScanProfile
{
    /// <summary>The name of the built-in profile used when none is given.</summary>
    public const string DefaultName = "default";

    /// <summary>Profile name (unique, case-insensitive).</summary>
    public required string Name { get; init; }

    /// <summary>SANE device name; null: the device must be given on the command line (or the only one found is used).</summary>
    public string? Device { get; init; }

    /// <summary>Paper source: flatbed or feeder (see <see cref="Duplex"/> for both sides).</summary>
    public ScanSource Source { get; init; } = ScanSource.Feeder;

    /// <summary>Scan both sides of each sheet (feeder only).</summary>
    public bool Duplex { get; init; }

    /// <summary>Resolution in dots per inch.</summary>
    public int Dpi { get; init; } = 300;

    /// <summary>Colour mode.</summary>
    public ColorMode Mode { get; init; } = ColorMode.Color;

    /// <summary>What blank pages mean (they are never dropped).</summary>
    public BlankPageHandling BlankPages { get; init; } = BlankPageHandling.Flag;

    /// <summary>OCR languages (Tesseract names joined with +).</summary>
    public string Language { get; init; } = "chi_sim+eng";

    /// <summary>
    /// Which engine reads the pages. Default <see cref="Ocr.OcrEngineChoice.Tesseract"/> until the hybrid reader meets its
    /// accuracy and speed targets (issue 19); <see cref="Ocr.OcrEngineChoice.Auto"/> is the intended default.
    /// </summary>
    public Ocr.OcrEngineChoice Engine { get; init; } = Ocr.OcrEngineChoice.Tesseract;

    /// <summary>Extra device options applied after the settings above.</summary>
    public IReadOnlyList<DeviceOptionSetting> Options { get; init; } = [];

    /// <summary>
    /// The quality check's thresholds and cleanup settings for pages of this profile (e.g. a profile for small receipts
    /// may accept a lower resolution); null = <see cref="QualityProfile.Default"/>. A <c>quality</c> object written into
    /// <c>profiles.json</c> by hand need list only what differs; <see cref="QualityProfile.Thresholds"/> holds the limits.
    /// </summary>
    public QualityProfile? Quality { get; init; }

    /// <summary>
    /// The quality profile pages of this profile are judged with: <see cref="Quality"/> (or the default), named after
    /// this profile, and judged for a black-and-white archive when it scans in lineart.
    /// </summary>
    public QualityProfile EffectiveQuality() =>
        (Quality ?? QualityProfile.Default) with { Name = Name, Lineart = Mode == ColorMode.Lineart || (Quality?.Lineart ?? false) };

    /// <summary>
    /// The built-in profile, following the archival rule (<see cref="ArchivalRule"/>): feeder, 300 dpi, colour,
    /// blank pages flagged for review, Chinese + English text.
    /// </summary>
    public static ScanProfile Default { get; } = new() { Name = DefaultName };

    /// <summary>The paper source to request from the device (duplex folds into the source).</summary>
    public ScanSource EffectiveSource => Duplex ? ScanSource.Duplex : Source;

    /// <summary>Settings for a scan with this profile; <paramref name="device"/> overrides the profile's device.</summary>
    /// <exception cref="ScanException"><see cref="ScanFault.InvalidOption"/> when no device is known.</exception>
    public ScanSettings ToScanSettings(string? device = null) => new()
    {
        Device = device ?? Device ?? throw new ScanException(ScanFault.InvalidOption, $"profile '{Name}' names no device; pass --device"),
        Source = EffectiveSource,
        Dpi = Dpi,
        Mode = Mode,
        Area = ScanAreaMm.A4,
        Options = Options,
    };

    /// <summary>Problems that make the profile unusable (empty when it is valid).</summary>
    public IReadOnlyList<string> Validate(CultureInfo? culture = null)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Any(c => char.IsControl(c) || c is '/' or '\\'))
        {
            problems.Add(UserMessages.Pick("配置名称不能为空，也不能包含 / 或 \\。", "A profile name must not be empty or contain / or \\.", culture));
        }

        if (Dpi is < 50 or > 4800)
        {
            problems.Add(UserMessages.Pick($"分辨率 {Dpi} dpi 超出范围（50–4800）。", $"Resolution {Dpi} dpi is out of range (50–4800).", culture));
        }

        if (Duplex && Source == ScanSource.Flatbed)
        {
            problems.Add(UserMessages.Pick("双面扫描需要使用进纸器。", "Duplex needs the feeder, not the flatbed.", culture));
        }

        if (Quality is { } quality)
        {
            problems.AddRange(quality.Validate(culture));
        }

        return problems;
    }
}

/// <summary>
/// The archival rule for customer folders: at least 300 dpi, because 6–8 pt print and small Chinese characters lose
/// strokes below it (and OCR accuracy drops with them); and colour, because red seals (公章) and red signatures are the
/// legal marks on these documents and merge with black text in grey or vanish in black and white.
/// </summary>
public static class ArchivalRule
{
    /// <summary>The lowest resolution the rule accepts.</summary>
    public const int MinimumDpi = 300;

    /// <summary>Warnings for a profile that breaks the rule (empty when it follows it). Breaking it is allowed, but the clerk is told.</summary>
    public static IReadOnlyList<string> Check(ScanProfile profile, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var warnings = new List<string>();
        if (profile.Dpi < MinimumDpi)
        {
            warnings.Add(UserMessages.Pick(
                $"分辨率 {profile.Dpi} dpi 低于存档要求的 {MinimumDpi} dpi，小字号文字可能无法辨认。",
                $"{profile.Dpi} dpi is below the archival minimum of {MinimumDpi} dpi; small print may become unreadable.",
                culture));
        }

        if (profile.Mode != ColorMode.Color)
        {
            warnings.Add(UserMessages.Pick(
                "非彩色扫描会丢失红色印章（公章）的颜色；带印章的文件请使用彩色。",
                "Scanning without colour loses red seals (公章); use colour for pages that carry seals.",
                culture));
        }

        return warnings;
    }
}

/// <summary>Stores scan profiles. The built-in <see cref="ScanProfile.Default"/> is always present unless overridden.</summary>
public interface IScanProfileStore
{
    /// <summary>All profiles, the default first, then by name.</summary>
    IReadOnlyList<ScanProfile> List();

    /// <summary>A profile by name (case-insensitive), or null.</summary>
    ScanProfile? Find(string name);

    /// <summary>Adds a profile, or replaces one of the same name when <paramref name="replace"/> is true.</summary>
    /// <exception cref="InvalidOperationException">A profile of that name exists and <paramref name="replace"/> is false.</exception>
    /// <exception cref="ArgumentException">The profile is invalid (see <see cref="ScanProfile.Validate"/>).</exception>
    void Save(ScanProfile profile, bool replace = false);

    /// <summary>Removes a saved profile; removing <c>default</c> restores the built-in one.</summary>
    /// <returns>False when no saved profile had that name.</returns>
    bool Remove(string name);
}
