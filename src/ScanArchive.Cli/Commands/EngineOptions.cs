using System.CommandLine;
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

    /// <summary>The --lang option, to tell an explicit choice from the default.</summary>
    public Option<string> LanguageOption => _lang;

    public void AddTo(Command command)
    {
        command.Options.Add(_lang);
        command.Options.Add(_tessdata);
        command.Options.Add(_workers);
    }

    public TesseractOptions Read(ParseResult result) => new()
    {
        Languages = result.GetValue(_lang) ?? TesseractOptions.DefaultLanguages,
        TessdataPath = result.GetValue(_tessdata),
        Workers = result.GetValue(_workers) is int n and > 0 ? n : Environment.ProcessorCount,
    };
}
