using System.CommandLine;
using ScanArchive.Core.Ocr;
using ScanArchive.Ocr;

namespace ScanArchive.Cli.Commands;

/// <summary><c>info</c>: versions, language data and data folder, to check an installation.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Show versions, language data and the data folder. / 显示版本、语言数据与数据目录。");
        command.SetAction(result =>
        {
            GlobalOptions.ApplyUiCulture(result);
            Console.WriteLine($"ScanArchive {typeof(InfoCommand).Assembly.GetName().Version}");
            Console.WriteLine($"Data folder: {GlobalOptions.DataFolder(result)}");
            try
            {
                Console.WriteLine($"Tesseract: {TesseractEnginePool.LibraryVersion()}");
                Console.WriteLine($"Language data ({TesseractOptions.DefaultLanguages}): {TessdataLocator.Locate(TesseractOptions.DefaultLanguages, null)}");
                Console.WriteLine($"Project configuration: {TessdataLocator.ProjectConfig() ?? "(none)"}");
                return ExitCodes.Success;
            }
            catch (OcrException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return ExitCodes.UsageOrSetup;
            }
        });
        return command;
    }
}
