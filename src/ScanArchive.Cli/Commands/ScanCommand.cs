using System.CommandLine;
using System.Globalization;
using ScanArchive.Application.Capture;
using ScanArchive.Capture.Profiles;
using ScanArchive.Core.Capture;
using ScanArchive.Core.Text;

namespace ScanArchive.Cli.Commands;

/// <summary>
/// <c>scan --batch NAME</c>: captures sheets from a SANE device into a batch. Each sheet is stored the moment it
/// arrives and handed to recognition at once, so OCR of sheet n overlaps scanning of sheet n+1. A fault keeps every
/// sheet captured before it; the batch stays open and the same command continues after the operator fixes the device.
/// </summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var batchName = new Option<string>("--batch", "-b") { Description = "Batch to create or add to. / 批次名称（新建或追加）。", Required = true };
        var scan = new ScanSettingsOptions();
        var engine = new EngineOptions();
        var command = new Command("scan", "Scan paper into a batch and recognize it as it arrives. / 扫描纸质文件到批次并即时识别。");
        command.Options.Add(batchName);
        scan.AddTo(command);
        engine.AddTo(command);
        command.SetAction((result, cancellationToken) => ArchiveSession.RunAsync(
            result,
            async context =>
            {
                var culture = context.Culture;
                ScanProfile profile;
                ScanSettings settings;
                try
                {
                    (profile, settings) = scan.Read(result, new ScanProfileStore(context.Layout.Profiles));
                }
                catch (ScanException ex)
                {
                    Console.Error.WriteLine(ex.MessageIn(culture));
                    return ScanFaultExitCodes.For(ex.Fault);
                }

                // An explicit --lang wins over the profile's language.
                if (result.GetResult(engine.LanguageOption) is not null)
                {
                    profile = profile with { Language = engine.Read(result).Languages };
                }

                if (result.GetResult(engine.EngineOption) is not null)
                {
                    profile = profile with { Engine = EngineOptions.EngineOf(result) };
                }

                var name = result.GetValue(batchName)!;
                var sheets = new Progress<ScannedSheet>(sheet => Console.Error.WriteLine(UserMessages.Pick(
                    $"已扫描第 {sheet.Page} 页（{sheet.Width}×{sheet.Height}，{sheet.Dpi} dpi）",
                    $"Scanned page {sheet.Page} ({sheet.Width}×{sheet.Height}, {sheet.Dpi} dpi)",
                    culture)));
                var outcome = await context.Get<CaptureService>().ScanAsync(context.Actor, name, settings, profile, sheets, cancellationToken);
                if (outcome.Fault is { } fault)
                {
                    Console.Error.WriteLine(fault.MessageIn(culture));
                    Console.Error.WriteLine(UserMessages.Pick(
                        $"已保存本次扫描的 {outcome.Captured} 页。排除故障后，重新放入第 {fault.PageNumber ?? outcome.Captured + 1} 页及之后的纸张，再次运行：scan --batch \"{outcome.Batch.Name}\"",
                        $"The {outcome.Captured} page(s) scanned so far are saved. After fixing the device, re-feed from sheet {fault.PageNumber ?? outcome.Captured + 1} and run: scan --batch \"{outcome.Batch.Name}\"",
                        culture));
                    return ScanFaultExitCodes.For(fault.Fault);
                }

                Console.Error.WriteLine(UserMessages.Pick(
                    $"扫描完成：{outcome.Captured} 页已保存并识别到批次“{outcome.Batch.Name}”。",
                    $"Scan finished: {outcome.Captured} page(s) stored and recognized in batch \"{outcome.Batch.Name}\".",
                    culture));
                return ExitCodes.Success;
            },
            engine.Read(result)));
        return command;
    }
}
