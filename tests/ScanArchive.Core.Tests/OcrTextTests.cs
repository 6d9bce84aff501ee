using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Core.Tests;

public class OcrTextTests
{
    [Theory]
    [InlineData(new[] { "Hello", "world" }, "Hello world")]
    [InlineData(new[] { "客户", "姓名" }, "客户姓名")]
    [InlineData(new[] { "电话", "13812345678" }, "电话 13812345678")]
    [InlineData(new[] { "Name:", "张伟" }, "Name: 张伟")]
    [InlineData(new[] { "金额", "（大写）" }, "金额（大写）")]
    [InlineData(new[] { "", "a", "" }, "a")]
    public void Joins_words_by_script(string[] words, string expected) =>
        Assert.Equal(expected, OcrText.JoinWords(words));

    [Fact]
    public void Weighted_confidence_counts_characters()
    {
        var lines = new[]
        {
            new OcrLine("a bbbb", default, [new OcrWord("a", default, 10), new OcrWord("bbbb", default, 60)]),
        };

        Assert.Equal(50f, OcrPage.WeightedMeanConfidence(lines), 3);
        Assert.Equal(0f, OcrPage.WeightedMeanConfidence([]));
    }

    [Fact]
    public void Pixel_box_geometry()
    {
        var a = new PixelBox(10, 10, 20, 10);
        var b = new PixelBox(25, 15, 10, 10);

        Assert.Equal(new PixelBox(10, 10, 25, 15), a.Union(b));
        Assert.Equal(5, a.VerticalOverlap(b));
        Assert.Equal(0, a.VerticalOverlap(new PixelBox(0, 100, 5, 5)));
        Assert.Equal(new PixelBox(5, 5, 10, 5), a.Scale(0.5));
        Assert.Equal(b, default(PixelBox).Union(b));
    }
}
