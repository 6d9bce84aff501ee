using System.CommandLine;
using System.Globalization;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Quality;
using ScanArchive.Core.Text;
using ScanArchive.Extraction;
using ScanArchive.Extraction.Templates;
using ScanArchive.Imaging;
using ScanArchive.Imaging.Quality;
using ScanArchive.Ocr;

namespace ScanArchive.Cli.Commands;

/// <summary><c>analyze INPUT... [--out DIR] [--lang L] [--json]</c>: recognize files without archiving them.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files or folders (searched recursively) to analyze. / 要分析的文件或文件夹。",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write one JSON file per input into this folder, mirroring the input folder. / 输出目录。",
        };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of readable text. / 以 JSON 输出。" };
        var quality = new QualityOptions();
        var engine = new EngineOptions();
        var command = new Command("analyze", "Recognize the text of scans without archiving them. / 识别扫描件文字（不归档）。");
        command.Arguments.Add(inputs);
        command.Options.Add(output);
        command.Options.Add(json);
        quality.AddTo(command);
        engine.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var culture = GlobalOptions.ApplyUiCulture(result);
            var dataFolder = GlobalOptions.DataFolder(result);
            return quality.Read(result, dataFolder, culture) is { } profile
                ? RunAsync(result.GetValue(inputs) ?? [], result.GetValue(output), result.GetValue(json), profile, engine.Read(result), EngineOptions.EngineOf(result), dataFolder, culture, cancellationToken)
                : Task.FromResult(ExitCodes.UsageOrSetup);
        });
        return command;
    }

    private static async Task<int> RunAsync(string[] inputs, string? outDir, bool json, QualityProfile quality, TesseractOptions ocrOptions, OcrEngineChoice engineChoice, string dataFolder, CultureInfo culture, CancellationToken cancellationToken)
    {
        var collected = InputCollector.Collect(inputs);
        ArchiveSession.ReportSkipped(collected, culture);

        if (collected.Inputs.Count == 0)
        {
            Console.Error.WriteLine(UserMessages.Pick("没有找到可分析的图像或 PDF 文件。", "No images or PDFs found to analyze.", culture));
            return ExitCodes.Success;
        }

        // Zone templates of known forms (saved from reviewer-confirmed pages) are tried before generic extraction.
        FieldExtractor extractor;
        try
        {
            extractor = new FieldExtractor(templates: FormTemplateStore.LoadDirectory(Path.Combine(dataFolder, "templates")));
        }
        catch (InvalidDataException ex)
        {
            Console.Error.WriteLine(UserMessages.Pick("表单模板无法读取：", "A form template cannot be read: ", culture) + ex.Message);
            return ExitCodes.UsageOrSetup;
        }

        IOcrEngine pool;
        TesseractOrientationDetector? orientation = null;
        try
        {
            orientation = TesseractOrientationDetector.Create(ocrOptions.TessdataPath);
            pool = Application.Processing.RecognitionEngines.PageEngine(ocrOptions, engineChoice);
        }
        catch (OcrException ex)
        {
            orientation?.Dispose();
            Console.Error.WriteLine(UserMessages.Pick("无法启动文字识别：", "Cannot start text recognition: ", culture) + ex.Message);
            return ExitCodes.UsageOrSetup;
        }

        using (orientation)
        using (pool)
        {
            // Quality check and cleanup before OCR: blank pages are flagged and skipped, turned pages read upright.
            var analyzer = new DocumentAnalyzer(new DocumentReader(), pool, extractor, new PageCleaner(orientation), quality);
            var documents = collected.Inputs.Select(i => new AnalysisInput(i.Path, i.RelativePath)).ToList();
            var progress = new ProgressReporter(documents.Count, culture);
            var collectedJson = new List<DocumentAnalysis>();
            var failed = 0;
            try
            {
                await foreach (var analysis in analyzer.AnalyzeAsync(documents, null, cancellationToken))
                {
                    progress.Report(analysis);
                    if (!analysis.Succeeded)
                    {
                        failed++;
                    }

                    if (outDir is not null)
                    {
                        if (analysis.Succeeded)
                        {
                            WriteResultFile(outDir, analysis, culture);
                        }
                    }
                    else if (json)
                    {
                        collectedJson.Add(analysis);
                    }
                    else if (analysis.Succeeded)
                    {
                        PrintReadable(analysis, culture);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine(UserMessages.Pick("已取消。", "Cancelled.", culture));
                return ExitCodes.Cancelled;
            }

            if (outDir is null && json)
            {
                using var stdout = Console.OpenStandardOutput();
                AnalysisJson.WriteArray(stdout, collectedJson, culture);
                stdout.Write("\n"u8);
            }

            progress.Summary(failed);
            return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
        }
    }

    /// <summary>Writes <c>DIR/relative/path.json</c>, atomically so that a crash never leaves half a file.</summary>
    private static void WriteResultFile(string outDir, DocumentAnalysis analysis, CultureInfo culture)
    {
        var target = Path.Combine(outDir, Path.ChangeExtension(analysis.Input.RelativePath, ".json"));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".tmp";
        using (var stream = File.Create(temp))
        {
            AnalysisJson.Write(stream, analysis, culture);
        }

        File.Move(temp, target, overwrite: true);
    }

    private static void PrintReadable(DocumentAnalysis analysis, CultureInfo culture)
    {
        var confidence = analysis.Pages.Count == 0 ? 0 : analysis.Pages.Average(p => p.MeanConfidence);
        Console.WriteLine(UserMessages.Pick(
            $"=== {analysis.Input.RelativePath}（{analysis.Pages.Count} 页，平均置信度 {confidence:F0}%）",
            $"=== {analysis.Input.RelativePath} ({analysis.Pages.Count} page(s), mean confidence {confidence:F0}%)",
            culture));
        Console.WriteLine(analysis.Text);
        for (var i = 0; i < analysis.Pages.Count; i++)
        {
            if (analysis.Pages[i].Quality is { Verdict: not QualityVerdict.Pass } quality)
            {
                Console.WriteLine(UserMessages.Pick($"[第 {i + 1} 页 质量检查] ", $"[page {i + 1} quality check] ", culture) + quality.Describe(culture));
            }
        }

        if (analysis.DocType is { } type)
        {
            Console.WriteLine(UserMessages.Pick($"--- 文档类型：{type}", $"--- document type: {type}", culture));
        }

        foreach (var field in analysis.Fields)
        {
            Console.WriteLine($"    {field.Key,-14} {field.Value}  ({field.Confidence:P0}, {field.Validation.ToString().ToLowerInvariant()})");
        }

        Console.WriteLine();
    }
}
