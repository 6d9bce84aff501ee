using ScanArchive.Application;
using ScanArchive.Archive.Storage;
using ScanArchive.TestSupport;

namespace ScanArchive.Cli.Tests;

/// <summary>While the workstation server owns a data folder, commands say so and exit 5, and touch nothing.</summary>
public sealed class ServerOwnershipTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task A_command_refused_by_the_running_server_names_it_and_exits_5()
    {
        // This test process plays the server: it holds the archive (and so the lock) and has written server.json.
        using (var server = new LiteDbArchiveStore(new ArchiveStoreOptions(_data.Path)))
        {
            server.CreateBatch("held", "server");
            new ServerInfo("http://127.0.0.1:5999", Environment.ProcessId, DateTimeOffset.UtcNow).Write(new DataFolderLayout(_data.Path));

            var changing = await CliRunner.RunAsync("--data", _data.Path, "--ui-lang", "en", "reject", "held", "--reason", "x");
            var reading = await CliRunner.RunAsync("--data", _data.Path, "--ui-lang", "zh-CN", "batches");

            Assert.Equal(5, changing.ExitCode);
            Assert.Contains("http://127.0.0.1:5999", changing.StdErr, StringComparison.Ordinal);
            Assert.Contains("server is running", changing.StdErr, StringComparison.Ordinal);
            Assert.Equal(5, reading.ExitCode);
            Assert.Contains("服务器正在运行", reading.StdErr, StringComparison.Ordinal);
        }

        // The server has stopped (its record is stale: no such process is needed, the lock is free): commands work again.
        var after = await CliRunner.RunAsync("--data", _data.Path, "batches");
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("held", after.StdOut, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();
}
