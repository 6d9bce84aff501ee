using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ScanArchive.Archive.Storage;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Text;
using Microsoft.Extensions.DependencyInjection;
using ScanArchive.Application;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Processing;
using ScanArchive.Imaging;
using ScanArchive.Ocr;

namespace ScanArchive.Cli;

/// <summary>Opens the archive in the data folder for one command and turns refusals into messages and exit codes.</summary>
internal static class ArchiveSession
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Who runs the command: the operating-system user, recorded in the audit trail as <c>local:NAME</c>.</summary>
    public static Actor Actor { get; } = Actor.Local();

    /// <summary>The user name recorded in the audit trail for this command.</summary>
    public static string User => Actor.UserName;

    /// <summary>
    /// Runs a command over the application's services for the data folder, turning refusals into messages and exit
    /// codes. The services (and the archive's lock) live exactly as long as the command.
    /// </summary>
    public static async Task<int> RunAsync(ParseResult result, Func<CliContext, Task<int>> action, TesseractOptions? ocr = null)
    {
        var culture = GlobalOptions.ApplyUiCulture(result);
        var dataFolder = GlobalOptions.DataFolder(result);
        var services = new ServiceCollection()
            .AddScanArchive(new ScanArchiveOptions { DataFolder = dataFolder, Ocr = ocr ?? new TesseractOptions(), Engine = Commands.EngineOptions.EngineOf(result) })
            .BuildServiceProvider();
        await using (services)
        {
            var layout = services.GetRequiredService<DataFolderLayout>();
            try
            {
                return await action(new CliContext(services, Actor, culture, layout));
            }
            catch (ArchiveException ex)
            {
                Console.Error.WriteLine(ex.Problem == ArchiveProblem.Locked && ServerInfo.Read(layout) is { } server ? ServerInfo.RunningMessage(server, culture) : ex.Message);
                return ex.Problem switch
                {
                    ArchiveProblem.BatchNotFound or ArchiveProblem.EntryNotFound or ArchiveProblem.ItemNotFound or ArchiveProblem.AccountNotFound => ExitCodes.NotFound,
                    ArchiveProblem.Locked => ExitCodes.DataFolderLocked,
                    ArchiveProblem.FileMissing or ArchiveProblem.Unreadable => ExitCodes.ArchiveDamaged,
                    _ => ExitCodes.Refused,
                };
            }
            catch (AccessDeniedException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return ExitCodes.Refused;
            }
            catch (RecognitionUnavailableException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return ExitCodes.UsageOrSetup;
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine(UserMessages.Pick("已取消。已完成的页面已保存。", "Cancelled. Pages already done are saved.", culture));
                return ExitCodes.Cancelled;
            }
        }
    }

    public static int Run(ParseResult result, Func<CliContext, int> action) =>
        RunAsync(result, context => Task.FromResult(action(context))).GetAwaiter().GetResult();

    /// <summary>For commands that work on the store directly (maintenance that has no use case of its own).</summary>
    public static Task<int> RunAsync(ParseResult result, Func<LiteDbArchiveStore, CultureInfo, Task<int>> action) =>
        RunAsync(result, context => action((LiteDbArchiveStore)context.Get<ArchiveHost>().Store, context.Culture));

    public static int Run(ParseResult result, Func<LiteDbArchiveStore, CultureInfo, int> action) =>
        RunAsync(result, (store, culture) => Task.FromResult(action(store, culture))).GetAwaiter().GetResult();

    /// <summary>Tells the user on stderr how many given files were neither images nor PDFs (nothing when none).</summary>
    public static void ReportSkipped(InputCollection collected, CultureInfo culture)
    {
        if (collected.Skipped > 0)
        {
            Console.Error.WriteLine(UserMessages.Pick(
                $"已跳过 {collected.Skipped} 个非图像/PDF 文件。",
                $"Skipped {collected.Skipped} file(s) that are neither images nor PDFs.",
                culture));
        }
    }

    public static void WriteJson<T>(T value) => Console.WriteLine(JsonSerializer.Serialize(value, Json));

    public static string StateName(BatchState state, CultureInfo culture) => BatchStateNames.Of(state, culture);
}
