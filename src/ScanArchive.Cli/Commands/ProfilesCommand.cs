using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ScanArchive.Capture.Profiles;
using ScanArchive.Core.Capture;
using ScanArchive.Core.Quality;
using ScanArchive.Core.Text;

namespace ScanArchive.Cli.Commands;

/// <summary><c>profiles [list|add|remove]</c>: named scan settings saved in the data folder.</summary>
internal static class ProfilesCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON. / 以 JSON 输出。" };
        var command = new Command("profiles", "List, add or remove scan profiles (named scan settings). / 管理扫描配置。");
        command.Options.Add(json);
        command.SetAction(result => List(result, result.GetValue(json)));

        var listJson = new Option<bool>("--json") { Description = "Print JSON. / 以 JSON 输出。" };
        var list = new Command("list", "List the profiles. / 列出扫描配置。");
        list.Options.Add(listJson);
        list.SetAction(result => List(result, result.GetValue(listJson)));
        command.Subcommands.Add(list);
        command.Subcommands.Add(CreateAdd());

        var removeName = new Argument<string>("name") { Description = "Profile name. / 配置名称。" };
        var remove = new Command("remove", "Remove a saved profile (removing 'default' restores the built-in one). / 删除扫描配置。");
        remove.Arguments.Add(removeName);
        remove.SetAction(result =>
        {
            var culture = GlobalOptions.ApplyUiCulture(result);
            var name = result.GetValue(removeName)!;
            if (new ScanProfileStore(GlobalOptions.DataFolder(result)).Remove(name))
            {
                Console.WriteLine(UserMessages.Pick($"已删除扫描配置 {name}。", $"Removed profile {name}.", culture));
                return ExitCodes.Success;
            }

            Console.Error.WriteLine(UserMessages.Pick($"没有名为 {name} 的已保存配置。", $"No saved profile named {name}.", culture));
            return ExitCodes.SomeInputsFailed;
        });
        command.Subcommands.Add(remove);
        return command;
    }

    private static Command CreateAdd()
    {
        var name = new Argument<string>("name") { Description = "Profile name. / 配置名称。" };
        var device = new Option<string?>("--device") { Description = "SANE device name (see `devices`). / 扫描仪名称。" };
        var source = new Option<string>("--source") { Description = "flatbed or feeder (default feeder). / 纸张来源。", DefaultValueFactory = _ => "feeder" };
        source.AcceptOnlyFromAmong("flatbed", "feeder");
        var duplex = new Option<bool>("--duplex") { Description = "Scan both sides (feeder). / 双面扫描。" };
        var dpi = new Option<int>("--dpi") { Description = $"Resolution (default {ScanProfile.Default.Dpi}). / 分辨率。", DefaultValueFactory = _ => ScanProfile.Default.Dpi };
        var mode = new Option<string>("--mode") { Description = "color, gray or lineart (default color). / 颜色模式。", DefaultValueFactory = _ => "color" };
        mode.AcceptOnlyFromAmong("color", "gray", "lineart");
        var blank = new Option<string>("--blank")
        {
            Description = "Blank pages are always kept and flagged; separate = each blank sheet also starts a new archive entry (default flag). / 空白页始终保留并标记；separate 表示空白页同时作为文档分隔页。",
            DefaultValueFactory = _ => "flag",
        };
        blank.AcceptOnlyFromAmong("flag", "separate");
        var lang = new Option<string>("--lang") { Description = $"OCR languages (default {ScanProfile.Default.Language}). / 识别语言。", DefaultValueFactory = _ => ScanProfile.Default.Language };
        var options = new Option<string[]>("--option") { Description = "Device option NAME=VALUE (repeatable). / 设备选项。", AllowMultipleArgumentsPerToken = false };
        var replace = new Option<bool>("--replace") { Description = "Replace a profile of the same name. / 覆盖同名配置。" };
        var minDpi = new Option<int?>("--min-dpi") { Description = $"Quality check: resolution below which a page is flagged (default {QualityProfile.Default.Thresholds.MinDpi}). / 质量检查：低于此分辨率即标记。" };
        var minSharpness = new Option<double?>("--min-sharpness") { Description = $"Quality check: sharpness 0–1 below which a page is flagged blurry (default {QualityProfile.Default.Thresholds.MinSharpness}). / 质量检查：清晰度下限。" };
        var minContrast = new Option<double?>("--min-contrast") { Description = $"Quality check: contrast 0–255 below which a page is flagged (default {QualityProfile.Default.Thresholds.MinContrast}). / 质量检查：对比度下限。" };
        var blankInk = new Option<double?>("--blank-ink") { Description = $"Quality check: ink share of the page below which it is blank (default {QualityProfile.Default.Thresholds.BlankMaxInkCoverage}). / 质量检查：空白页墨迹上限。" };
        var minDeskew = new Option<double?>("--min-deskew") { Description = $"Cleanup: smallest skew in degrees that is straightened (default {QualityProfile.Default.MinDeskewDegrees}). / 纠斜最小角度。" };
        var add = new Command("add", "Save a profile. / 保存扫描配置。");
        add.Arguments.Add(name);
        foreach (var o in new Option[] { device, source, duplex, dpi, mode, blank, lang, options, replace, minDpi, minSharpness, minContrast, blankInk, minDeskew })
        {
            add.Options.Add(o);
        }

        add.SetAction(result =>
        {
            var culture = GlobalOptions.ApplyUiCulture(result);
            List<DeviceOptionSetting> deviceOptions;
            try
            {
                deviceOptions = (result.GetValue(options) ?? []).Select(DeviceOptionSetting.Parse).ToList();
            }
            catch (FormatException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return ExitCodes.UsageOrSetup;
            }

            var profile = new ScanProfile
            {
                Name = result.GetValue(name)!.Trim(),
                Device = result.GetValue(device),
                Source = Enum.Parse<ScanSource>(result.GetValue(source)!, ignoreCase: true),
                Duplex = result.GetValue(duplex),
                Dpi = result.GetValue(dpi),
                Mode = Enum.Parse<ColorMode>(result.GetValue(mode)!, ignoreCase: true),
                BlankPages = Enum.Parse<BlankPageHandling>(result.GetValue(blank)!, ignoreCase: true),
                Language = result.GetValue(lang)!,
                Options = deviceOptions,
                Quality = QualitySettings(result.GetValue(minDpi), result.GetValue(minSharpness), result.GetValue(minContrast), result.GetValue(blankInk), result.GetValue(minDeskew)),
            };
            var problems = profile.Validate(culture);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    Console.Error.WriteLine(problem);
                }

                return ExitCodes.UsageOrSetup;
            }

            try
            {
                new ScanProfileStore(GlobalOptions.DataFolder(result)).Save(profile, result.GetValue(replace));
            }
            catch (InvalidOperationException)
            {
                Console.Error.WriteLine(UserMessages.Pick(
                    $"已存在名为 {profile.Name} 的配置；使用 --replace 覆盖。",
                    $"A profile named {profile.Name} exists; use --replace to overwrite it.",
                    culture));
                return ExitCodes.UsageOrSetup;
            }

            foreach (var warning in ArchivalRule.Check(profile, culture))
            {
                Console.Error.WriteLine(UserMessages.Pick("提示：", "Note: ", culture) + warning);
            }

            Console.WriteLine(UserMessages.Pick($"已保存扫描配置 {profile.Name}。", $"Saved profile {profile.Name}.", culture));
            return ExitCodes.Success;
        });
        return add;
    }

    /// <summary>
    /// The quality settings the options ask for, or null when none was given. A warning limit set below the default
    /// fail limit takes the fail limit down with it (a profile for small receipts that accepts 120 dpi must not fail them).
    /// </summary>
    private static QualityProfile? QualitySettings(int? minDpi, double? minSharpness, double? minContrast, double? blankInk, double? minDeskew)
    {
        if (minDpi is null && minSharpness is null && minContrast is null && blankInk is null && minDeskew is null)
        {
            return null;
        }

        var d = QualityProfile.Default;
        var t = d.Thresholds;
        return d with
        {
            Thresholds = t with
            {
                MinDpi = minDpi ?? t.MinDpi,
                FailDpi = Math.Min(t.FailDpi, minDpi ?? t.FailDpi),
                MinSharpness = minSharpness ?? t.MinSharpness,
                FailSharpness = Math.Min(t.FailSharpness, minSharpness ?? t.FailSharpness),
                MinContrast = minContrast ?? t.MinContrast,
                FailContrast = Math.Min(t.FailContrast, minContrast ?? t.FailContrast),
                BlankMaxInkCoverage = blankInk ?? t.BlankMaxInkCoverage,
            },
            MinDeskewDegrees = minDeskew ?? d.MinDeskewDegrees,
        };
    }

    private static int List(ParseResult result, bool json)
    {
        var culture = GlobalOptions.ApplyUiCulture(result);
        IReadOnlyList<ScanProfile> profiles;
        try
        {
            profiles = new ScanProfileStore(GlobalOptions.DataFolder(result)).List();
        }
        catch (InvalidDataException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return ExitCodes.UsageOrSetup;
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(profiles, DevicesCommand.Json));
            return ExitCodes.Success;
        }

        foreach (var p in profiles)
        {
            var source = p.Duplex ? "duplex" : p.Source.ToString().ToLowerInvariant();
            var extra = p.Options.Count > 0 ? "  " + string.Join(' ', p.Options.Select(o => "--option " + o)) : string.Empty;
            if (p.Quality is { Thresholds: var t } q)
            {
                extra += string.Create(CultureInfo.InvariantCulture, $"  quality: min-dpi {t.MinDpi}, min-sharpness {t.MinSharpness}, min-contrast {t.MinContrast}, blank-ink {t.BlankMaxInkCoverage}, min-deskew {q.MinDeskewDegrees}");
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{p.Name,-16} {p.Device ?? "(any device)",-14} {source,-8} {p.Dpi,4} dpi  {p.Mode.ToString().ToLowerInvariant(),-8} blank:{p.BlankPages.ToString().ToLowerInvariant(),-7} {p.Language}{extra}"));
        }

        return ExitCodes.Success;
    }
}
