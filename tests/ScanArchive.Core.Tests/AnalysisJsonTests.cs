using System.Globalization;
using System.Text.Json;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Core.Tests;

public class AnalysisJsonTests
{
    private static DocumentAnalysis Sample()
    {
        var name = new OcrWord("姓名", new PixelBox(10, 20, 60, 30), 91.5f);
        var value = new OcrWord("张伟", new PixelBox(200, 22, 60, 28), 88.25f);
        var page = new OcrPage(
            2480,
            3508,
            300,
            90,
            "chi_sim+eng",
            [new OcrLine("姓名", name.Box, [name], 0), new OcrLine("张伟", value.Box, [value], 1)])
        {
            SkewCorrectedDegrees = 0.42,
        };
        return new DocumentAnalysis { Input = new AnalysisInput("/in/forms/a.png", "forms/a.png"), Pages = [page] };
    }

    [Fact]
    public void Writes_the_documented_schema()
    {
        using var doc = JsonDocument.Parse(AnalysisJson.ToJson(Sample()));
        var root = doc.RootElement;

        Assert.Equal("forms/a.png", root.GetProperty("file").GetString());
        Assert.Equal("姓名张伟", root.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("fields").ValueKind);
        var page = Assert.Single(root.GetProperty("pages").EnumerateArray());
        Assert.Equal(2480, page.GetProperty("width").GetInt32());
        Assert.Equal(3508, page.GetProperty("height").GetInt32());
        Assert.Equal(300, page.GetProperty("dpi").GetInt32());
        Assert.Equal(90, page.GetProperty("meanConfidence").GetDouble());
        Assert.Equal("chi_sim+eng", page.GetProperty("languages").GetString());
        Assert.Equal("ocr", page.GetProperty("textSource").GetString());
        Assert.Equal(0.42, page.GetProperty("skewCorrectedDegrees").GetDouble());
        var lines = page.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("姓名", lines[0].GetProperty("text").GetString());
        Assert.Equal([10, 20, 60, 30], lines[0].GetProperty("box").EnumerateArray().Select(e => e.GetInt32()));
        var word = Assert.Single(lines[1].GetProperty("words").EnumerateArray());
        Assert.Equal("张伟", word.GetProperty("text").GetString());
        Assert.Equal([200, 22, 60, 28], word.GetProperty("box").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(88.25, word.GetProperty("confidence").GetDouble());
    }

    [Fact]
    public void Chinese_is_written_as_is_not_escaped()
    {
        Assert.Contains("\"张伟\"", AnalysisJson.ToJson(Sample()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "文件已损坏")]
    [InlineData("en", "damaged")]
    public void A_failed_document_carries_a_code_and_a_message_in_the_users_language(string culture, string expected)
    {
        var failed = new DocumentAnalysis
        {
            Input = new AnalysisInput("/in/x.jpg", "x.jpg"),
            Error = new DocumentReadException("/in/x.jpg", DocumentProblem.Corrupt, "libjpeg: bad Huffman table"),
        };

        using var doc = JsonDocument.Parse(AnalysisJson.ToJson(failed, CultureInfo.GetCultureInfo(culture)));
        var error = doc.RootElement.GetProperty("error");

        Assert.Equal("Corrupt", error.GetProperty("code").GetString());
        Assert.Contains(expected, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("x.jpg", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(doc.RootElement.TryGetProperty("pages", out _));
    }
}
