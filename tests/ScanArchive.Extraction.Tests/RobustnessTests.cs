using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Extraction.Tests;

public class RobustnessTests
{
    private const string Alphabet = "客户姓名电话号码日期金额合计有限公司银行省市区路号室:：|()（）.,-/ ¥元0123456789OlXxABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz@";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Garbage_pages_never_throw_and_give_well_formed_results(int seed)
    {
        var random = new Random(seed);
        var lines = new List<OcrLine>();
        for (var l = 0; l < 60; l++)
        {
            var words = new List<OcrWord>();
            for (var w = 0; w < random.Next(1, 12); w++)
            {
                var text = new string(Enumerable.Range(0, random.Next(1, 20)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

                // Overlapping, zero-height, tall and off-page boxes included.
                var box = new PixelBox(random.Next(-50, 2500), random.Next(-50, 3600), random.Next(0, 900), random.Next(0, 300));
                words.Add(new OcrWord(text, box, random.Next(0, 101)));
            }

            lines.Add(new OcrLine(string.Join(' ', words.Select(x => x.Text)), words.Aggregate(default(PixelBox), (a, x) => a.Union(x.Box)), words, random.Next(0, 5)));
        }

        var page = new OcrPage(2480, 3508, 300, 50, "chi_sim+eng", lines);
        var extraction = new FieldExtractor().Extract([page, page]);

        Assert.All(extraction.Fields, f =>
        {
            Assert.InRange(f.Confidence, 0, 1);
            Assert.InRange(f.Page, 1, 2);
            Assert.False(string.IsNullOrWhiteSpace(f.Value));
        });
        Assert.Equal(extraction.Fields.Count, extraction.Fields.Select(f => f.Key).Distinct().Count());
    }
}
