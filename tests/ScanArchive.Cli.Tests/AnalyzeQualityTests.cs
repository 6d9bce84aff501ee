using System.Text.Json;
using ScanArchive.TestSupport;

namespace ScanArchive.Cli.Tests;

public class AnalyzeQualityTests
{
    [Fact]
    public async Task Json_output_has_a_qc_object_per_page_and_blank_pages_skip_ocr()
    {
        using var input = new TempDirectory();
        var blank = SamplePages.First(p => p.Flag("blank"), "blank");
        var sideways = SamplePages.First(p => p.Number("rotation") is 90 or 270, "sideways");
        File.Copy(blank.ImagePath, input.File("a-blank" + Path.GetExtension(blank.ImagePath)));
        File.Copy(sideways.ImagePath, input.File("b-sideways" + Path.GetExtension(sideways.ImagePath)));

        var result = await CliRunner.RunAsync("analyze", input.Path, "--json", "--workers", "1", "--ui-lang", "en");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var documents = json.RootElement.EnumerateArray().ToList();

        var blankPage = documents[0].GetProperty("pages")[0];
        var qc = blankPage.GetProperty("qc");
        Assert.Equal("none", blankPage.GetProperty("textSource").GetString());
        Assert.Equal(0, blankPage.GetProperty("lines").GetArrayLength());
        Assert.Equal("warn", qc.GetProperty("verdict").GetString());
        Assert.Equal(["blank"], qc.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.True(qc.GetProperty("blank").GetBoolean());
        Assert.Contains("blank", qc.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);

        // The sideways page was read upright: its page size is the upright one and its text is there.
        var turned = documents[1].GetProperty("pages")[0];
        var turnedQc = turned.GetProperty("qc");
        Assert.Equal((int)sideways.Number("rotation"), turnedQc.GetProperty("rotation").GetInt32());
        Assert.Equal(turnedQc.GetProperty("rotation").GetInt32(), turnedQc.GetProperty("cleanup").GetProperty("rotatedClockwise").GetInt32());
        Assert.True(turned.GetProperty("height").GetInt32() > turned.GetProperty("width").GetInt32());
        Assert.Equal("pass", turnedQc.GetProperty("verdict").GetString());
        foreach (var key in new[] { "blurry", "lowResolution", "lowContrast" })
        {
            Assert.False(turnedQc.GetProperty(key).GetBoolean());
        }

        Assert.Equal(JsonValueKind.Number, turnedQc.GetProperty("sharpness").ValueKind);
        Assert.Equal(JsonValueKind.Number, turnedQc.GetProperty("skewDegrees").ValueKind);
        Assert.Equal(300, turnedQc.GetProperty("dpi").GetInt32());
        var text = documents[1].GetProperty("text").GetString()!;
        Assert.Contains(sideways.Fields["customer_no"], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_red_seal_is_flagged_only_when_pages_are_judged_for_a_black_and_white_archive()
    {
        using var input = new TempDirectory();
        File.Copy(TestPaths.SampleScan("zh-contract.jpg"), input.File("contract.jpg"));

        var colour = await CliRunner.RunAsync("analyze", input.Path, "--json", "--workers", "1", "--ui-lang", "zh-CN");
        var lineart = await CliRunner.RunAsync("analyze", input.Path, "--json", "--workers", "1", "--ui-lang", "zh-CN", "--lineart");

        Assert.Equal(0, colour.ExitCode);
        Assert.Equal(0, lineart.ExitCode);
        static JsonElement Qc(CliRunner.Result r) => JsonDocument.Parse(r.StdOut).RootElement[0].GetProperty("pages")[0].GetProperty("qc");
        Assert.True(Qc(colour).GetProperty("colourFraction").GetDouble() > 0);
        Assert.DoesNotContain("colourLostInLineart", Qc(colour).GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var flagged = Qc(lineart);
        Assert.Contains("colourLostInLineart", flagged.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("warn", flagged.GetProperty("verdict").GetString());
        Assert.Contains("印章", flagged.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scan_profile_quality_settings_judge_the_pages_analyzed_with_it()
    {
        using var data = new TempDirectory();
        using var input = new TempDirectory();
        File.Copy(TestPaths.SampleScan("en-invoice.jpg"), input.File("invoice.jpg"));
        var add = await CliRunner.RunAsync("profiles", "add", "strict", "--min-dpi", "400", "--data", data.Path);
        Assert.Equal(0, add.ExitCode);

        var plain = await CliRunner.RunAsync("analyze", input.Path, "--json", "--workers", "1", "--data", data.Path);
        var strict = await CliRunner.RunAsync("analyze", input.Path, "--json", "--workers", "1", "--data", data.Path, "--profile", "strict");
        var unknown = await CliRunner.RunAsync("analyze", input.Path, "--json", "--data", data.Path, "--profile", "nonesuch", "--ui-lang", "en");

        static JsonElement Qc(CliRunner.Result r) => JsonDocument.Parse(r.StdOut).RootElement[0].GetProperty("pages")[0].GetProperty("qc");
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, strict.ExitCode);
        Assert.False(Qc(plain).GetProperty("lowResolution").GetBoolean());
        Assert.True(Qc(strict).GetProperty("lowResolution").GetBoolean());
        Assert.Equal(300, Qc(strict).GetProperty("dpi").GetInt32());
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("nonesuch", unknown.StdErr, StringComparison.Ordinal);
    }
}
