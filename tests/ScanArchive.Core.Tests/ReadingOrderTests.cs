using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Core.Tests;

public class ReadingOrderTests
{
    private static OcrLine Line(string text, int x, int y, int width, int block, int height = 30) =>
        new(text, new PixelBox(x, y, width, height), [new OcrWord(text, new PixelBox(x, y, width, height), 90)], block);

    [Fact]
    public void Form_with_label_and_value_columns_reads_row_by_row()
    {
        // Tesseract's typical output for a ruled form: block 0 = the labels, block 1 = the values.
        var lines = new[]
        {
            Line("Full Name", 100, 100, 200, block: 0),
            Line("Mobile", 100, 200, 150, block: 0),
            Line("Address", 100, 300, 180, block: 0),
            Line("Zhang Wei", 500, 102, 220, block: 1),
            Line("138 1234 5678", 500, 198, 300, block: 1),
            Line("12 Long Road", 500, 301, 280, block: 1),
        };

        Assert.Equal("Full Name Zhang Wei\nMobile 138 1234 5678\nAddress 12 Long Road", ReadingOrder.Text(lines));
    }

    [Fact]
    public void Two_columns_of_running_text_are_read_one_after_the_other()
    {
        var lines = new List<OcrLine>();
        for (var i = 0; i < 5; i++)
        {
            lines.Add(Line($"left {i}", 100, 100 + (i * 40), 800, block: 0));
            lines.Add(Line($"right {i}", 1000, 100 + (i * 40), 800, block: 1));
        }

        var text = ReadingOrder.Text(lines);

        Assert.Equal(string.Join('\n', Enumerable.Range(0, 5).Select(i => $"left {i}").Concat(Enumerable.Range(0, 5).Select(i => $"right {i}"))), text);
    }

    [Fact]
    public void Heading_above_columns_comes_first()
    {
        var lines = new List<OcrLine> { Line("Heading", 100, 20, 1700, block: 0, height: 50) };
        for (var i = 0; i < 4; i++)
        {
            lines.Add(Line($"a{i}", 100, 200 + (i * 40), 800, block: 1));
            lines.Add(Line($"b{i}", 1000, 200 + (i * 40), 800, block: 2));
        }

        var rows = ReadingOrder.Rows(lines);

        Assert.Equal(["Heading", "a0", "a1", "a2", "a3", "b0", "b1", "b2", "b3"], rows.Select(r => Assert.Single(r).Text));
    }

    [Fact]
    public void Multi_line_value_follows_its_label()
    {
        var lines = new[]
        {
            Line("地址", 100, 100, 100, block: 0),
            Line("北京市朝阳区", 400, 80, 400, block: 1),
            Line("建国路 88 号", 400, 115, 400, block: 1),
            Line("电话", 100, 300, 100, block: 0),
            Line("13812345678", 400, 300, 300, block: 1),
        };

        Assert.Equal("地址\n北京市朝阳区\n建国路 88 号\n电话 13812345678", ReadingOrder.Text(lines));
    }

    [Fact]
    public void Chinese_cells_in_one_row_are_joined_without_a_space_but_mixed_cells_with_one()
    {
        var lines = new[]
        {
            Line("姓名", 100, 100, 100, block: 0),
            Line("张伟", 300, 100, 100, block: 1),
            Line("Tel", 500, 100, 100, block: 2),
        };

        Assert.Equal("姓名张伟 Tel", ReadingOrder.Text(lines));
    }

    [Fact]
    public void Empty_page_has_no_rows()
    {
        Assert.Empty(ReadingOrder.Rows([]));
        Assert.Equal(string.Empty, ReadingOrder.Text([]));
    }

    [Fact]
    public void Every_line_appears_exactly_once()
    {
        var random = new Random(7);
        var lines = Enumerable.Range(0, 200)
            .Select(i => Line($"l{i}", random.Next(0, 2000), random.Next(0, 3000), random.Next(20, 900), block: random.Next(0, 12), height: random.Next(10, 60)))
            .ToList();

        var ordered = ReadingOrder.Rows(lines).SelectMany(r => r).ToList();

        Assert.Equal(lines.Count, ordered.Count);
        Assert.Equal(lines.Select(l => l.Text).Order(), ordered.Select(l => l.Text).Order());
    }

    private static OcrLine Words(int block, params (string Text, int X, int Y, int Width, int Height)[] words)
    {
        var ocrWords = words.Select(w => new OcrWord(w.Text, new PixelBox(w.X, w.Y, w.Width, w.Height), 90)).ToList();
        var box = ocrWords.Aggregate(default(PixelBox), (acc, w) => acc.Union(w.Box));
        return new OcrLine(string.Join(' ', words.Select(w => w.Text)), box, ocrWords, block);
    }

    [Fact]
    public void Id_card_values_set_closely_but_ragged_are_read_with_their_labels()
    {
        // An ID card copy: a label column and a column of values in a larger font, set about as closely as
        // text (gaps 0.67 of the median line height), and the photo beside the values read as a tall
        // "character" at the end of one value line.
        var lines = new[]
        {
            Line("姓名", 100, 100, 80, block: 0, height: 40),
            Line("性别", 100, 180, 80, block: 0, height: 40),
            Line("出生", 100, 260, 80, block: 0, height: 40),
            Line("住址", 100, 340, 80, block: 0, height: 40),
            Words(1, ("何斌建", 250, 95, 150, 50)),
            Words(1, ("男", 250, 175, 50, 50), ("民族", 400, 175, 100, 50), ("满", 520, 175, 50, 50), ("东", 800, 60, 150, 300)),
            Words(1, ("2002年4月23日", 250, 255, 330, 50)),
            Words(1, ("浙江省杭州市西湖区人", 250, 335, 420, 50)),
        };

        Assert.Equal("姓名何斌建\n性别男 民族 满 东\n出生 2002年4月23日\n住址浙江省杭州市西湖区人", ReadingOrder.Text(lines));
    }

    [Fact]
    public void Tightly_set_text_around_a_picture_stays_one_paragraph_despite_ragged_widths()
    {
        // Two columns; the right one flows around a picture, so half its lines are short. Lines 0.3 heights apart.
        var lines = new List<OcrLine>();
        for (var i = 0; i < 6; i++)
        {
            lines.Add(Line($"left {i}", 100, 100 + (i * 52), 800, block: 0, height: 40));
            lines.Add(i < 3 ? Line($"right {i}", 1000, 100 + (i * 52), 800, block: 1, height: 40) : Line($"right {i}", 1400, 100 + (i * 52), 400, block: 1, height: 40));
        }

        var text = ReadingOrder.Text(lines);

        Assert.Equal(string.Join('\n', Enumerable.Range(0, 6).Select(i => $"left {i}").Concat(Enumerable.Range(0, 6).Select(i => $"right {i}"))), text);
    }

    [Fact]
    public void Text_band_leaves_out_a_word_far_taller_than_the_rest_of_its_line()
    {
        var line = Words(0, ("男", 250, 175, 40, 40), ("民族", 400, 170, 80, 45), ("满", 500, 175, 40, 40), ("东", 800, 60, 150, 260));

        Assert.Equal(PixelBox.FromEdges(250, 170, 950, 215), ReadingOrder.TextBand(line));
    }

    [Fact]
    public void Upright_lines_of_a_sideways_page_keep_the_engines_order()
    {
        // A form scanned sideways: Tesseract returns its lines right to left, each tall and narrow.
        var lines = new[]
        {
            Line("Full Name Laura Carter", 2492, 276, 70, block: 0, height: 1700),
            Line("Gender Female", 2343, 272, 70, block: 0, height: 1650),
            Line("Mobile 158-9920-5310", 2035, 270, 77, block: 0, height: 1600),
        };

        Assert.Equal("Full Name Laura Carter\nGender Female\nMobile 158-9920-5310", ReadingOrder.Text(lines));
    }
}
