using System.Security.Cryptography;
using ScanArchive.TestSupport;

namespace ScanArchive.Cli.Tests;

public sealed class SecurityCommandTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private string Data => Path.Combine(_root.Path, "data");

    [Fact]
    public async Task Verify_checks_the_audit_chain_and_keeps_its_head_in_an_anchor_file_outside_the_data_folder()
    {
        var anchor = Path.Combine(_root.Path, "anchor.txt");
        var first = await CliRunner.RunAsync("--data", Data, "--ui-lang", "en", "verify", "--anchor", anchor);
        Assert.True(first.ExitCode == 0, first.StdErr + first.StdOut);
        Assert.Contains("Audit chain intact", first.StdOut, StringComparison.Ordinal);
        var head = File.ReadLines(anchor).Last().Split(' ');
        Assert.Contains($"head #{head[1]} {head[2]}", first.StdOut, StringComparison.Ordinal);

        var second = await CliRunner.RunAsync("--data", Data, "--ui-lang", "zh-CN", "verify", "--anchor", anchor);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("审计链完好", second.StdOut, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadLines(anchor).Count());

        var inside = await CliRunner.RunAsync("--data", Data, "verify", "--anchor", Path.Combine(Data, "anchor.txt"));
        Assert.NotEqual(0, inside.ExitCode);
    }

    [Fact]
    public async Task Keys_status_and_rotate_work_and_a_wrong_key_stops_a_command_before_it_writes()
    {
        var status = await CliRunner.RunAsync("--data", Data, "--ui-lang", "en", "keys", "status");
        Assert.True(status.ExitCode == 0, status.StdErr);
        Assert.Contains("Encrypted", status.StdOut, StringComparison.Ordinal);
        Assert.Contains(TestKeys.Folder, status.StdOut, StringComparison.Ordinal);

        var rotate = await CliRunner.RunAsync("--data", Data, "--ui-lang", "en", "keys", "rotate");
        Assert.True(rotate.ExitCode == 0, rotate.StdErr);
        Assert.Contains("Key rotated", rotate.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRunner.RunAsync("--data", Data, "entries")).ExitCode);

        var before = Directory.EnumerateFiles(Data, "*", SearchOption.AllDirectories).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList();
        var wrong = await CliRunner.RunWithEnvironmentAsync(
            new Dictionary<string, string> { ["SCANARCHIVE_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
            "--data", Data, "--ui-lang", "en", "batches");
        Assert.Equal(6, wrong.ExitCode);
        Assert.Contains("Wrong key", wrong.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, Directory.EnumerateFiles(Data, "*", SearchOption.AllDirectories).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList());
    }

    [Fact]
    public async Task Encrypt_migrates_a_plain_folder_and_says_so_when_there_is_nothing_left_to_do()
    {
        // A plain folder as older versions left it: created with a key-less store.
        Directory.CreateDirectory(Data);
        using (var store = new Archive.Storage.LiteDbArchiveStore(new Archive.Storage.ArchiveStoreOptions(Data)))
        {
            store.CreateBatch("old", "clerk");
        }

        var status = await CliRunner.RunAsync("--data", Data, "--ui-lang", "en", "keys", "status");
        Assert.Contains("Not encrypted", status.StdOut, StringComparison.Ordinal);
        var encrypt = await CliRunner.RunAsync("--data", Data, "--ui-lang", "en", "encrypt");
        Assert.True(encrypt.ExitCode == 0, encrypt.StdErr + encrypt.StdOut);
        Assert.Contains("Encrypted:", encrypt.StdOut, StringComparison.Ordinal);
        var again = await CliRunner.RunAsync("--data", Data, "--ui-lang", "en", "encrypt");
        Assert.Contains("already encrypted", again.StdOut, StringComparison.Ordinal);
        var batches = await CliRunner.RunAsync("--data", Data, "batches");
        Assert.Contains("old", batches.StdOut, StringComparison.Ordinal);
    }
}
