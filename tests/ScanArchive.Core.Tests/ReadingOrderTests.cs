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
}
