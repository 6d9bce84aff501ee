using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScanArchive.TestSupport;

namespace ScanArchive.Cli.Tests;

/// <summary>What a new user runs into with <c>import</c>: re-runs, cut-off PDFs, odd file names, empty folders.</summary>
public sealed partial class ImportCommandTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _work = new();

    public void Dispose()
    {
        _data.Dispose();
        _work.Dispose();
    }

    [Fact]
    public async Task Running_an_interrupted_import_again_stores_nothing_twice_and_finishes_the_batch()
    {
        var invoice = Copy("en-invoice.jpg", "invoice.jpg");
        var first = await Run("import", invoice, "--batch", "rerun", "--no-process");
        Assert.Equal(0, first.ExitCode);

        var again = await Run("import", invoice, "--batch", "rerun");

        Assert.True(again.ExitCode == 0, again.StdErr);
        Assert.Contains("invoice.jpg: already in batch \"rerun\"", again.StdErr, StringComparison.Ordinal);
        var batch = BatchJson("rerun");
        Assert.Single(batch.GetProperty("documents").EnumerateArray());
        Assert.Equal("readyForReview", batch.GetProperty("batch").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Content_already_in_another_batch_is_imported_with_a_note_naming_it()
    {
        var invoice = Copy("en-invoice.jpg", "invoice.jpg");
        Assert.Equal(0, (await Run("import", invoice, "--batch", "first", "--no-process")).ExitCode);

        var second = await Run("import", invoice, "--batch", "second", "--no-process");

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("invoice.jpg: the same content is already in batch \"first\"", second.StdErr, StringComparison.Ordinal);
        Assert.Single(BatchJson("second").GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public async Task A_batch_of_cut_off_files_is_refused_by_their_own_names_and_stays_with_the_clerk()
    {
        // A linearized PDF (pages first) cut halfway still opens leniently; it used to pass as a done, empty page.
        var linearized = Path.Combine(_work.Path, "linearized.pdf");
        Assert.Equal(0, RunTool("qpdf", "--linearize", TestPaths.SampleScan("zh-service-record.pdf"), linearized));
        var bytes = await File.ReadAllBytesAsync(linearized);
        await File.WriteAllBytesAsync(Path.Combine(_work.Path, "cut.pdf"), bytes[..(bytes.Length / 2)]);
        var jpeg = await File.ReadAllBytesAsync(TestPaths.SampleScan("en-invoice.jpg"));
        await File.WriteAllBytesAsync(Path.Combine(_work.Path, "trunc.jpg"), jpeg[..(jpeg.Length / 3)]);
        await File.WriteAllBytesAsync(Path.Combine(_work.Path, "two\nlines.jpg"), jpeg[..(jpeg.Length / 4)]);
        File.Delete(linearized);

        var import = await Run("import", _work.Path, "--batch", "cut");

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("✗ cut.pdf: the file is incomplete (cut off)", import.StdErr, StringComparison.Ordinal);
        Assert.Contains("✗ trunc.jpg: the file is incomplete (cut off)", import.StdErr, StringComparison.Ordinal);
        Assert.Contains("✗ two\\nlines.jpg: ", import.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("two\nlines", import.StdErr, StringComparison.Ordinal);
        Assert.DoesNotMatch(StoredName(), import.StdErr);
        Assert.Contains("not sent to review", import.StdErr, StringComparison.Ordinal);

        var batch = BatchJson("cut");
        Assert.Equal("capturing", batch.GetProperty("batch").GetProperty("state").GetString());
        Assert.All(batch.GetProperty("documents").EnumerateArray(), d => Assert.Equal("failed", d.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task An_empty_folder_is_named()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_work.Path, "nothing-here")).FullName;

        var import = await Run("import", empty, "--batch", "empty");

        Assert.Equal(2, import.ExitCode);
        Assert.Contains($"No images or PDFs found in {empty}", import.StdErr, StringComparison.Ordinal);
    }

    /// <summary>A content-addressed original's name: 64 hex digits.</summary>
    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex StoredName();

    private string Copy(string sample, string name)
    {
        var path = Path.Combine(_work.Path, name);
        File.Copy(TestPaths.SampleScan(sample), path);
        return path;
    }

    private static int RunTool(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit();
        return process.ExitCode;
    }

    private JsonElement BatchJson(string batch)
    {
        var result = CliRunner.RunAsync("batch", batch, "--json", "--data", _data.Path).GetAwaiter().GetResult();
        return JsonDocument.Parse(result.StdOut).RootElement;
    }

    private Task<CliRunner.Result> Run(params string[] args) => CliRunner.RunAsync([.. args, "--data", _data.Path]);
}
