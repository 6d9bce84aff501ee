using System.Diagnostics;
using System.Text.Json;
using ScanArchive.Capture.Sane;
using ScanArchive.TestSupport;

namespace ScanArchive.Capture.Tests;

/// <summary>The devices and profiles commands of the real CLI, as a clerk or script runs them.</summary>
public sealed class CliCommandTests : IDisposable
{
    private readonly TempDirectory data = new("scanarchive-cli-capture-test");

    public void Dispose() => data.Dispose();

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "scanarchive.dll"));
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(data.Path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["LANG"] = "C.UTF-8";
        start.Environment.Remove(SaneConfigFolder.VariableName); // the project's own virtual scanners
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Devices_json_lists_the_virtual_scanners_from_the_project_sane_folder()
    {
        var (code, stdout, stderr) = await RunAsync("devices", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var test = json.RootElement.EnumerateArray().Single(d => d.GetProperty("name").GetString() == "test:0");
        var caps = test.GetProperty("capabilities");
        Assert.Contains(caps.GetProperty("sources").EnumerateArray(), s => s.GetProperty("meaning").GetString() == "feeder");
        Assert.Equal(SaneConfigFolder.TestGeometryMaxMm, caps.GetProperty("maxArea").GetProperty("heightMm").GetDouble());
        Assert.True(File.Exists(Path.Combine(data.Path, SaneConfigFolder.FolderName, "dll.conf")));
    }

    [Fact]
    public async Task Devices_text_shows_capabilities_in_chinese()
    {
        var (code, stdout, _) = await RunAsync("--ui-lang", "zh-CN", "devices");

        Assert.Equal(0, code);
        Assert.Contains("test:0", stdout, StringComparison.Ordinal);
        Assert.Contains("Automatic Document Feeder (feeder)", stdout, StringComparison.Ordinal);
        Assert.Contains("来源", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profiles_add_list_remove()
    {
        var added = await RunAsync("profiles", "add", "forms", "--device", "test:0", "--dpi", "200", "--mode", "gray", "--option", "brightness=5");
        Assert.Equal(0, added.Code);
        Assert.Contains("300", added.Err, StringComparison.Ordinal); // archival-rule note

        var duplicate = await RunAsync("profiles", "add", "forms");
        Assert.Equal(2, duplicate.Code);

        var (code, stdout, _) = await RunAsync("profiles", "list", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var forms = json.RootElement.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "forms");
        Assert.Equal(("gray", 200), (forms.GetProperty("mode").GetString(), forms.GetProperty("dpi").GetInt32()));
        Assert.Contains(json.RootElement.EnumerateArray(), p => p.GetProperty("name").GetString() == "default");

        Assert.Equal(0, (await RunAsync("profiles", "remove", "forms")).Code);
        Assert.Equal(1, (await RunAsync("profiles", "remove", "forms")).Code);
    }

    [Fact]
    public async Task Worker_mode_is_hidden_from_help()
    {
        var (_, stdout, _) = await RunAsync("--help");

        Assert.Contains("devices", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("scan-worker", stdout, StringComparison.Ordinal);
    }
}
