using System.Globalization;
using System.Text.Json;
using ScanArchive.Core.Text;

namespace ScanArchive.Application;

/// <summary>
/// What a running workstation server leaves in its data folder: where it listens and which process it is, so that
/// a command refused by the data folder's lock can tell the user where the server is instead of a bare "in use".
/// </summary>
public sealed record ServerInfo(string Url, int ProcessId, DateTimeOffset StartedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Writes the file (whole: written aside, then renamed).</summary>
    public void Write(DataFolderLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var temporary = layout.ServerInfo + ".part";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, layout.ServerInfo, overwrite: true);
    }

    /// <summary>Removes the file when the server stops.</summary>
    public static void Remove(DataFolderLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        File.Delete(layout.ServerInfo);
    }

    /// <summary>The running server's record, or null (none, unreadable, or its process is gone).</summary>
    public static ServerInfo? Read(DataFolderLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        try
        {
            var info = JsonSerializer.Deserialize<ServerInfo>(File.ReadAllText(layout.ServerInfo), Json);
            return info is not null && IsRunning(info.ProcessId) ? info : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The message for a command refused because the server owns the data folder.</summary>
    public static string RunningMessage(ServerInfo server, CultureInfo? culture)
    {
        ArgumentNullException.ThrowIfNull(server);
        return UserMessages.Pick(
            $"工作站服务器正在运行（{server.Url}，进程 {server.ProcessId}），它独占此数据目录。请在浏览器或通过 {server.Url}/api 操作，或先停止服务器（Ctrl+C）再运行此命令。",
            $"The workstation server is running ({server.Url}, process {server.ProcessId}) and owns this data folder. Use it in the browser or through {server.Url}/api, or stop the server (Ctrl+C) before running this command.",
            culture);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
