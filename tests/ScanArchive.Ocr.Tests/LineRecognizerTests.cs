using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.TestSupport;

namespace ScanArchive.Ocr.Tests;

/// <summary>The second look at Chinese pages, on the real engines and the sample scans.</summary>
[Collection(EngineCollection.Name)]
public class LineRecognizerTests(EngineFixture engine)
{
    [Fact]
    public async Task Values_in_handwriting_fonts_and_a_broken_table_row_come_out_right()
    {
        // The account application's values are set in a Kaiti-like font; the page pass alone read the signature
        // as "D, we", the clerk as "Mat" and the ID number (a long row across two cells) as "1 ， iecneni 40k".
        var sample = SamplePages.First(p => p.DocType == "account_application" && p.Language == "zh" && p.IsCleanDocument, "the Chinese account application");

        var page = await engine.Pool.RecognizeAsync(EngineFixture.Decode(sample));

        var text = NoSpaces(ReadingOrder.Text(page.Lines));
        Assert.Contains(sample.Fields["id_number"], text, StringComparison.Ordinal);
        Assert.Contains("客户签名" + sample.Fields["customer_name"], text, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Lines.SelectMany(l => l.Words), w => LineRecognizer.LooksLikeLatinNoise(w.Text));
    }

    [Fact]
    public async Task Text_under_a_red_seal_is_read()
    {
        var sample = SamplePages.First(p => p.DocType == "contract" && p.Language == "zh", "the Chinese contract with a seal");
        var sealedLine = NoSpaces(sample.Text.Split('\n').First(l => l.StartsWith("甲方（盖章）", StringComparison.Ordinal)).Split(' ')[0]);

        var page = await engine.Pool.RecognizeAsync(EngineFixture.Decode(sample));

        // Before the seal was dropped out, this row came back as "CH (等字) ， Hae".
        var row = ReadingOrder.Rows(page.Lines).Select(r => NoSpaces(string.Concat(r.Select(l => l.Text)))).Last(r => r.Contains("盖章", StringComparison.Ordinal));
        Assert.True(CommonSubsequence(sealedLine, row) >= sealedLine.Length * 0.8, $"'{row}' misses too much of '{sealedLine}'");
    }

    [Fact]
    public void Pieces_of_a_line_are_cut_at_gaps_wider_than_a_few_characters()
    {
        var words = new[]
        {
            new OcrWord("客户", new PixelBox(250, 870, 85, 43), 97),
            new OcrWord("姓名", new PixelBox(360, 870, 70, 43), 97),
            new OcrWord("D,", new PixelBox(610, 865, 55, 45), 62),
            new OcrWord("we", new PixelBox(680, 865, 65, 45), 23),
        };

        var pieces = LineRecognizer.Pieces(new OcrLine("客户姓名 D, we", new PixelBox(250, 865, 495, 48), words));

        Assert.Equal([["客户", "姓名"], ["D,", "we"]], pieces.Select(p => p.Select(w => w.Text).ToArray()).ToArray());
    }

    [Theory]
    [InlineData("we", true)]
    [InlineData("HPRAit", true)]
    [InlineData("KH20269346", false)]
    [InlineData("ma_pengzhi@foxmail.com", false)]
    [InlineData("马鹏志", false)]
    public void Latin_words_without_digits_or_at_signs_look_like_noise_on_a_chinese_page(string word, bool noise)
    {
        Assert.Equal(noise, LineRecognizer.LooksLikeLatinNoise(word));
    }

    private static string NoSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c))).Normalize(System.Text.NormalizationForm.FormKC);

    private static int CommonSubsequence(string a, string b)
    {
        var previous = new int[b.Length + 1];
        foreach (var ca in a)
        {
            var current = new int[b.Length + 1];
            for (var j = 0; j < b.Length; j++)
            {
                current[j + 1] = ca == b[j] ? previous[j] + 1 : Math.Max(previous[j + 1], current[j]);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
