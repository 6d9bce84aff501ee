using System.CommandLine;
using ScanArchive.Core.Ocr;
using ScanArchive.Ocr;

namespace ScanArchive.Cli.Commands;

/// <summary>OCR options shared by the commands that recognize pages.</summary>
internal sealed class EngineOptions
{
    private readonly Option<string> _lang = new("--lang", "-l")
    {
        Description = "OCR languages, Tesseract names joined with '+'. / 识别语言。",
        DefaultValueFactory = _ => TesseractOptions.DefaultLanguages,
    };

    private readonly Option<string?> _tessdata = new("--tessdata")
    {
        Description = "Folder with *.traineddata files (default: ./tessdata, then the system's). / 语言数据目录。",
    };

    private readonly Option<int?> _workers = new("--workers")
    {
        Description = "Pages recognized in parallel (default: number of processors). / 并行识别页数。",
    };

    private readonly Option<OcrEngineChoice> _engine = new(EngineOptionName)
    {
        Description = "Recognition engine: tesseract (default), auto (PP-OCR for Chinese lines, Tesseract for Latin text), paddle. / 识别引擎：tesseract（默认）、auto（中文行用 PP-OCR，英文用 Tesseract）、paddle。",
        // Tesseract until the hybrid reader meets its targets (issue 19); auto is the intended default.
        DefaultValueFactory = _ => OcrEngineChoice.Tesseract,
    };

    private const string EngineOptionName = "--engine";

    /// <summary>The --lang option, to tell an explicit choice from the default.</summary>
    public Option<string> LanguageOption => _lang;

    public void AddTo(Command command)
    {
        command.Options.Add(_lang);
        command.Options.Add(_tessdata);
        command.Options.Add(_workers);
        command.Options.Add(_engine);
    }

    /// <summary>The --engine option, to tell an explicit choice from a profile's.</summary>
    public Option<OcrEngineChoice> EngineOption => _engine;

    /// <summary>The engine chosen on the command line of <paramref name="result"/> (Tesseract when the command has no --engine).</summary>
    public static OcrEngineChoice EngineOf(ParseResult result) =>
        result.CommandResult.Command.Options.FirstOrDefault(o => o.Name == EngineOptionName) is Option<OcrEngineChoice> option
            ? result.GetValue(option)
            : OcrEngineChoice.Tesseract;

    public TesseractOptions Read(ParseResult result) => new()
    {
        Languages = result.GetValue(_lang) ?? TesseractOptions.DefaultLanguages,
        TessdataPath = result.GetValue(_tessdata),
        Workers = result.GetValue(_workers) is int n and > 0 ? n : Environment.ProcessorCount,
    };
}
