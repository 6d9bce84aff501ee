using System.CommandLine;
using System.Globalization;
using ScanArchive.Archive.Storage;
using ScanArchive.Capture.Profiles;
using ScanArchive.Capture.Worker;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Capture;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Text;
using ScanArchive.Imaging;
using ScanArchive.Ocr;

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
        command.SetAction((result, cancellationToken) => ArchiveSession.RunAsync(result, async (store, culture) =>
        {
            ScanProfile profile;
            ScanSettings settings;
            try
            {
                (profile, settings) = scan.Read(result, new ScanProfileStore(store.DataFolder));
            }
            catch (ScanException ex)
            {
                Console.Error.WriteLine(ex.MessageIn(culture));
                return ScanFaultExitCodes.For(ex.Fault);
            }

            var name = result.GetValue(batchName)!;
            var batch = ArchiveSession.OpenForCapture(store, name, culture);

            var ocrOptions = engine.Read(result);
            if (result.GetResult(engine.LanguageOption) is null)
            {
                ocrOptions = ocrOptions with { Languages = profile.Language };
            }

            return await ScanAsync(store, batch, settings, ocrOptions, profile, culture, cancellationToken);
        }));
        return command;
    }

    private static async Task<int> ScanAsync(LiteDbArchiveStore store, Batch batch, ScanSettings settings, TesseractOptions ocrOptions, ScanProfile profile, CultureInfo culture, CancellationToken cancellationToken)
    {
        // Pages are judged with the profile's quality settings; its blank sheets may separate archive entries.
        var blankPagesSeparate = profile.BlankPages == BlankPageHandling.Separate;
        if (BatchProcessing.CreatePipeline(store, ocrOptions, culture, profile.EffectiveQuality()) is not { } pipeline)
        {
            return ExitCodes.UsageOrSetup;
        }

        var pool = pipeline.Pool;
        var processor = pipeline.Processor;

        using (pipeline)
        {
            var session = $"scan-{DateTime.Now:yyyyMMdd-HHmmss}";

            // At most two sheets per OCR worker wait for recognition; beyond that the scanner pauses (back-pressure).
            using var slots = new SemaphoreSlim(pool.Concurrency * 2);
            var recognitions = new List<Task>();
            var captured = 0;
            ScanException? fault = null;
            try
            {
                var scanner = ScanWorkerClient.ForThisProgram(store.DataFolder);
                await foreach (var page in scanner.ScanAsync(settings, null, cancellationToken))
                {
                    var png = RasterImageWriter.ToPng(page.Image);
                    var document = store.AddDocument(batch.Id, png, ".png", $"{session}-{page.Number:D3}.png", ArchiveSession.User, session, blankPagesSeparate);
                    captured++;
                    Console.Error.WriteLine(UserMessages.Pick(
                        $"已扫描第 {page.Number} 页（{page.Image.Width}×{page.Image.Height}，{page.Applied.Dpi} dpi）",
                        $"Scanned page {page.Number} ({page.Image.Width}×{page.Image.Height}, {page.Applied.Dpi} dpi)",
                        culture));
                    await slots.WaitAsync(CancellationToken.None);
                    recognitions.Add(BatchProcessing.RecognizeStoredAsync(processor, document, slots));
                }
            }
            catch (ScanException ex)
            {
                fault = ex;
            }

            // Sheets already captured are recognized even after a fault or Ctrl+C: they are the operator's work.
            await Task.WhenAll(recognitions);
            var pending = store.Documents(batch.Id).Count(d => d.Status == DocumentStatus.Pending);
            if (fault is not null)
            {
                store.Audit(ArchiveSession.User, "scan.fault", batch.Name, $"{fault.Fault} at page {fault.PageNumber}: {fault.Detail}");
                Console.Error.WriteLine(fault.MessageIn(culture));
                Console.Error.WriteLine(UserMessages.Pick(
                    $"已保存本次扫描的 {captured} 页。排除故障后，重新放入第 {fault.PageNumber ?? captured + 1} 页及之后的纸张，再次运行：scan --batch \"{batch.Name}\"",
                    $"The {captured} page(s) scanned so far are saved. After fixing the device, re-feed from sheet {fault.PageNumber ?? captured + 1} and run: scan --batch \"{batch.Name}\"",
                    culture));
                return ScanFaultExitCodes.For(fault.Fault);
            }

            store.Audit(ArchiveSession.User, "scan.done", batch.Name, $"{captured} page(s)");
            if (pending == 0 && captured > 0)
            {
                store.MoveBatch(batch.Id, BatchState.Processing, ArchiveSession.User);
                store.MoveBatch(batch.Id, BatchState.ReadyForReview, ArchiveSession.User);
            }

            Console.Error.WriteLine(UserMessages.Pick(
                $"扫描完成：{captured} 页已保存并识别到批次“{batch.Name}”。",
                $"Scan finished: {captured} page(s) stored and recognized in batch \"{batch.Name}\".",
                culture));
            return ExitCodes.Success;
        }
    }
}
