using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Ocr.Tests;

/// <summary>Unit tests of the clean-up after recognition (no engine needed).</summary>
public class LineCleanerTests
{
    private static OcrWord Word(string text, int x, int width, int y = 100, int height = 40, float confidence = 90) =>
        new(text, new PixelBox(x, y, width, height), confidence);

    private static OcrLine Line(params OcrWord[] words) =>
        new(OcrText.JoinWords(words.Select(w => w.Text)), words.Aggregate(default(PixelBox), (acc, w) => acc.Union(w.Box)), words);

    [Fact]
    public void A_mark_standing_far_from_any_text_is_dropped_but_a_colon_after_its_label_stays()
    {
        var speck = Line(Word("职业", 100, 80), Word(".", 400, 8), Word("教师", 900, 80));
        var label = Line(Word("日期", 100, 80), Word(":", 185, 10), Word("2026.06.07", 500, 200));

        var cleaned = LineCleaner.Clean([speck, label], chinesePage: true);

        Assert.Equal(["职业", "教师"], cleaned[0].Words.Select(w => w.Text));
        Assert.Equal(["日期", ":", "2026.06.07"], cleaned[1].Words.Select(w => w.Text));
    }

    [Fact]
    public void A_line_of_nothing_but_a_lone_bar_disappears()
    {
        Assert.Empty(LineCleaner.Clean([Line(Word("|", 500, 6, height: 120))], chinesePage: true));
    }

    [Theory]
    [InlineData("甲方〈服务方) : 启明", "甲方(服务方) : 启明")]
    [InlineData("乙方《委托方）", "乙方（委托方）")]
    [InlineData("甲方 〔( 服务方 )", "甲方 ( 服务方 )")]
    [InlineData("《个人账户管理协议》的全部条款", "《个人账户管理协议》的全部条款")]
    [InlineData("(小写 〉 ¥10,538.95", "(小写 ) ¥10,538.95")]
    public void Brackets_misread_as_angle_brackets_are_repaired_by_their_partner(string read, string expected)
    {
        Assert.Equal(expected, LineCleaner.FixBrackets(read));
    }

    [Fact]
    public void Brackets_split_over_words_are_repaired_in_the_words_too()
    {
        var line = Line(Word("甲方", 100, 80), Word("〈服务方", 185, 160), Word(")", 350, 15));

        var cleaned = Assert.Single(LineCleaner.Clean([line], chinesePage: true));

        Assert.Equal(["甲方", "(服务方", ")"], cleaned.Words.Select(w => w.Text));
        Assert.Equal("甲方(服务方)", cleaned.Text);
    }

    [Theory]
    [InlineData("2026 年 4 月 23 日", "2026年4月23日")]
    [InlineData("总计人民币 ¥37,480.00 元", "总计人民币¥37,480.00元")]
    [InlineData("客户姓名           马鹏志", "客户姓名           马鹏志")]
    [InlineData("Fine Art is English", "Fine Art is English")]
    [InlineData("东 升 村 镇 银 行", "东升村镇银行")]
    [InlineData("单号: SQ202604237048", "单号:SQ202604237048")]
    [InlineData("乙方 ( 签字 ) : 孙海", "乙方(签字):孙海")]
    [InlineData("签订日期 : 2026 年 2 月 4 日", "签订日期:2026年2月4日")]
    [InlineData("Tel : 138", "Tel : 138")]
    public void Chinese_text_loses_single_spaces_next_to_chinese_characters_only(string read, string expected)
    {
        Assert.Equal(expected, LineCleaner.ChineseSpacing(read));
    }

    [Fact]
    public void English_pages_keep_their_spacing()
    {
        var line = new OcrLine("Total 2 items", new PixelBox(100, 100, 400, 40), [Word("Total", 100, 120), Word("2", 240, 20), Word("items", 280, 120)]);

        Assert.Equal("Total 2 items", Assert.Single(LineCleaner.Clean([line], chinesePage: false)).Text);
    }

    [Fact]
    public void A_logo_at_the_start_of_a_heading_is_dropped_but_a_confident_tall_character_is_not()
    {
        var heading = Line(Word("(A)", 220, 210, y: 210, height: 211, confidence: 97), Word("东升", 480, 160, y: 280, height: 78), Word("村镇银行", 650, 330, y: 280, height: 78));
        var tallChar = Line(Word("居", 1046, 90, y: 1650, height: 130, confidence: 96), Word("民身份证", 1150, 400, y: 1660, height: 60), Word("号", 1560, 60, y: 1660, height: 60));

        var cleaned = LineCleaner.DropGraphics([heading, tallChar]);

        Assert.Equal("东升村镇银行", cleaned[0].Text);
        Assert.Equal(new PixelBox(480, 280, 500, 78), cleaned[0].Box);
        Assert.Same(tallChar, cleaned[1]);
    }
}
