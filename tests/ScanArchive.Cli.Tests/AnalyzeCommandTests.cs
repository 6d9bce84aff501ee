using System.Text.Json;
using ScanArchive.TestSupport;

namespace ScanArchive.Cli.Tests;

public class AnalyzeCommandTests
{
    /// <summary>The smallest sample page keeps these end-to-end runs quick.</summary>
    private static SamplePage SmallPage() =>
        SamplePages.All.Where(p => !p.Flag("blank") && p.Number("rotation") == 0 && !p.ImagePath.EndsWith(".pdf", StringComparison.Ordinal))
            .OrderBy(p => new FileInfo(p.ImagePath).Length * (p.Flag("lowResolution") ? 1 : 4))
            .First();

    [Fact]
    public async Task Folder_analysis_writes_one_json_per_document_and_reports_each_bad_file()
    {
        using var input = new TempDirectory();
        using var output = new TempDirectory();
        var page = SmallPage();
        var ext = Path.GetExtension(page.ImagePath);
        File.Copy(page.ImagePath, input.File("good" + ext));
        File.Copy(page.ImagePath, input.File(Path.Combine("folder", "nested", "copy" + ext)));
        input.Write("good.json", "{\"text\": \"ground truth\"}"u8.ToArray());
        input.Write("README.md", "# notes"u8.ToArray());
        input.Write("empty.png", []);
        input.Write("damaged.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x13, 0x37]);
        input.Write("letter.pdf", "this is not a pdf"u8.ToArray());

        var result = await CliRunner.RunAsync("analyze", input.Path, "--out", output.Path, "--workers", "2");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("empty.png", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("damaged.jpg", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("letter.pdf", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("Skipped 2", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(
            ["folder/nested/copy.json", "good.json"],
            Directory.EnumerateFiles(output.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output.Path, f)).Order(StringComparer.Ordinal));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Path, "good.json")));
        var root = json.RootElement;
        Assert.Equal("good" + ext, root.GetProperty("file").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("text").GetString()));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("fields").ValueKind);
        var firstPage = root.GetProperty("pages")[0];
        foreach (var property in new[] { "width", "height", "dpi", "meanConfidence" })
        {
            Assert.Equal(JsonValueKind.Number, firstPage.GetProperty(property).ValueKind);
        }

        var line = firstPage.GetProperty("lines")[0];
        Assert.Equal(4, line.GetProperty("box").GetArrayLength());
        var word = line.GetProperty("words")[0];
        Assert.Equal(JsonValueKind.String, word.GetProperty("text").ValueKind);
        Assert.Equal(4, word.GetProperty("box").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, word.GetProperty("confidence").ValueKind);
    }

    [Fact]
    public async Task Json_output_lists_successes_and_failures_with_codes()
    {
        using var input = new TempDirectory();
        var page = SmallPage();
        var good = input.File("a-good" + Path.GetExtension(page.ImagePath));
        File.Copy(page.ImagePath, good);
        var bad = input.Write("b-cut.png", File.ReadAllBytes(page.ImagePath).AsSpan(0, 100).ToArray());

        var result = await CliRunner.RunAsync("analyze", good, bad, "--json", "--workers", "1");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var documents = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, documents.Count);
        Assert.True(documents[0].TryGetProperty("pages", out _));
        Assert.Contains(documents[1].GetProperty("error").GetProperty("code").GetString(), new[] { "Truncated", "Corrupt", "UnsupportedFormat" });
    }

    [Fact]
    public async Task Messages_follow_the_ui_language()
    {
        using var input = new TempDirectory();
        var empty = input.Write("空白.png", []);

        var result = await CliRunner.RunAsync("--ui-lang", "zh-CN", "analyze", empty, "--workers", "1", "--lang", "eng");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("文件是空的", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("空白.png", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_language_data_is_a_setup_error_with_an_install_hint()
    {
        var result = await CliRunner.RunAsync("analyze", SmallPage().ImagePath, "--lang", "eng+klingon");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("apt-get install", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_global_options()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("analyze", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("--data", result.StdOut, StringComparison.Ordinal);
    }
}
