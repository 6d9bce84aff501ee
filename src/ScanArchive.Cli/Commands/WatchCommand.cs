using System.CommandLine;
using System.Globalization;
using ScanArchive.Application.Capture;
using ScanArchive.Core.Quality;
using ScanArchive.Core.Text;

namespace ScanArchive.Cli.Commands;

/// <summary>
/// <c>watch DIR</c>: imports files as network scanners drop them (scan-to-folder). A file is taken once it is
/// completely written, stored in the batch, then moved to <c>DIR/done</c> (or <c>DIR/failed</c> with a reason file);
/// recognition runs behind. A journal in the folder and the archive's content hashes make restarts import nothing twice.
/// </summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Folder the scanners write to. / 扫描仪输出文件夹。" };
        var batchName = new Option<string?>("--batch", "-b") { Description = "Batch to add to (default: watch-yyyy-MM-dd). / 批次名称。" };
        var profileName = new Option<string?>("--profile") { Description = "Scan profile whose language and quality settings are used. / 使用该扫描配置的语言和质量设置。" };
        var engine = new EngineOptions();
        var command = new Command("watch", "Import files dropped into a folder until stopped with Ctrl+C. / 监视文件夹并自动导入。");
        command.Arguments.Add(folder);
        command.Options.Add(batchName);
        command.Options.Add(profileName);
        engine.AddTo(command);
        command.SetAction((result, cancellationToken) => ArchiveSession.RunAsync(
            result,
            async context =>
            {
                var culture = context.Culture;
                var languages = engine.Read(result).Languages;
                var quality = QualityProfile.Default;
                if (result.GetValue(profileName) is { } named)
                {
                    if (QualityOptions.FindProfile(context.Layout.Profiles, named, culture) is not { } profile)
                    {
                        return ExitCodes.UsageOrSetup;
                    }

                    if (result.GetResult(engine.LanguageOption) is null)
                    {
                        languages = profile.Language;
                    }

                    quality = profile.EffectiveQuality();
                }

                var name = result.GetValue(batchName) ?? $"watch-{DateTime.Now:yyyy-MM-dd}";
                var files = new Progress<WatchedFileOutcome>(file => Console.Error.WriteLine(file.Imported
                    ? UserMessages.Pick($"已导入 {file.FileName}", $"Imported {file.FileName}", culture)
                    : $"✗ {file.Error}"));
                var imported = await context.Get<WatchService>().WatchAsync(
                    context.Actor,
                    result.GetValue(folder)!,
                    name,
                    quality,
                    languages,
                    files,
                    watched => Console.Error.WriteLine(UserMessages.Pick(
                        $"正在监视 {watched}，导入到批次“{name}”。按 Ctrl+C 停止。",
                        $"Watching {watched}, importing into batch \"{name}\". Press Ctrl+C to stop.",
                        culture)),
                    cancellationToken);
                Console.Error.WriteLine(UserMessages.Pick($"已停止：本次导入 {imported} 个文件。", $"Stopped: {imported} file(s) imported in this run.", culture));
                return ExitCodes.Success;
            },
            engine.Read(result)));
        return command;
    }
}
