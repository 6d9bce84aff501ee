using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ScanArchive.Archive.Storage;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Text;
using ScanArchive.Imaging;

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

    /// <summary>The user recorded in the audit trail: the operating-system account running the command.</summary>
    public static string User => Environment.UserName;

    public static async Task<int> RunAsync(ParseResult result, Func<LiteDbArchiveStore, CultureInfo, Task<int>> action)
    {
        var culture = GlobalOptions.ApplyUiCulture(result);
        try
        {
            using var store = new LiteDbArchiveStore(new ArchiveStoreOptions(GlobalOptions.DataFolder(result)));
            return await action(store, culture);
        }
        catch (ArchiveException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return ex.Problem switch
            {
                ArchiveProblem.BatchNotFound or ArchiveProblem.EntryNotFound => ExitCodes.NotFound,
                ArchiveProblem.Locked => ExitCodes.DataFolderLocked,
                ArchiveProblem.FileMissing or ArchiveProblem.Unreadable => ExitCodes.ArchiveDamaged,
                _ => ExitCodes.Refused,
            };
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine(Core.Text.UserMessages.Pick("已取消。已完成的页面已保存。", "Cancelled. Pages already done are saved.", culture));
            return ExitCodes.Cancelled;
        }
    }

    public static int Run(ParseResult result, Func<LiteDbArchiveStore, CultureInfo, int> action) =>
        RunAsync(result, (store, culture) => Task.FromResult(action(store, culture))).GetAwaiter().GetResult();

    public static Batch RequireBatch(IArchiveStore store, string nameOrId) =>
        store.FindBatch(nameOrId) ?? throw new ArchiveException(ArchiveProblem.BatchNotFound, nameOrId);

    /// <summary>The named batch (created when new), moved back to capturing so new sheets can join it.</summary>
    public static Batch OpenForCapture(IArchiveStore store, string name, CultureInfo culture)
    {
        var batch = store.FindBatch(name) ?? store.CreateBatch(name, User);
        if (batch.State is BatchState.ReadyForReview or BatchState.Rejected or BatchState.Processing)
        {
            return store.MoveBatch(batch.Id, BatchState.Capturing, User);
        }

        return batch.State == BatchState.Capturing
            ? batch
            : throw new ArchiveException(ArchiveProblem.InvalidState, batch.Name, StateName(batch.State, culture));
    }

    public static ArchiveEntry RequireEntry(IArchiveStore store, string number) =>
        store.FindEntry(number) ?? throw new ArchiveException(ArchiveProblem.EntryNotFound, number);

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

    public static string StateName(BatchState state, CultureInfo culture) => state switch
    {
        BatchState.Capturing => Core.Text.UserMessages.Pick("采集中", "capturing", culture),
        BatchState.Processing => Core.Text.UserMessages.Pick("识别中", "processing", culture),
        BatchState.ReadyForReview => Core.Text.UserMessages.Pick("待审核", "ready for review", culture),
        BatchState.Approved => Core.Text.UserMessages.Pick("已通过", "approved", culture),
        BatchState.Rejected => Core.Text.UserMessages.Pick("已退回", "rejected", culture),
        BatchState.Committed => Core.Text.UserMessages.Pick("已归档", "committed", culture),
        _ => state.ToString(),
    };
}
