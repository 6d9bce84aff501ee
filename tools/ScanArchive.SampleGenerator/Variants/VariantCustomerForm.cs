using ScanArchive.SampleGenerator.Data;
using ScanArchive.SampleGenerator.Output;
using ScanArchive.SampleGenerator.Pages;
using ScanArchive.SampleGenerator.Rendering;
using SkiaSharp;
using static ScanArchive.SampleGenerator.Rendering.PageCanvas;

namespace ScanArchive.SampleGenerator.Variants;

/// <summary>How a variant page places each value relative to its label.</summary>
internal enum VariantLayout
{
    /// <summary>Ruled table, label cell then value cell, two label/value pairs per row.</summary>
    NextCell,

    /// <summary>Boxes with a small caption above the value, two boxes per row.</summary>
    LabelAbove,

    /// <summary>No ruling: "label：value" (full- or half-width colon) in two columns.</summary>
    ColonTwoColumn,

    /// <summary>Ruled table whose header row holds the labels and the row below the values.</summary>
    HeaderRow,
}

/// <summary>
/// A customer form with wordings drawn from <see cref="VariantWordings"/> and one of several layouts; the
/// field order is shuffled too. For measuring whether field extraction holds on forms it was not written against.
/// </summary>
internal sealed class VariantCustomerForm(string language, VariantLayout layout) : IDocumentTemplate
{
    private const int HeaderColumns = 3;
    private const float MinValuePt = 9f;

    private string _docType = "customer_registration";

    public string DocType => _docType;

    public string Language => language;

    private bool Zh => language == "zh";

    public IReadOnlyList<GroundTruthField> Draw(PageCanvas page, PageStyles s)
    {
        var r = page.Random;
        var content = VariantContent.Create(r, Zh);
        var labels = Zh ? VariantWordings.Chinese : VariantWordings.English;
        var (title, docType) = r.Pick(Zh ? VariantWordings.ChineseTitles : VariantWordings.EnglishTitles);
        _docType = docType;
        var colon = Zh ? (r.Next(2) == 0 ? "：" : ":") : ":";
        var labelStyle = Zh ? s.ZhLabel : s.EnLabel;
        var valueStyle = r.Next(3) == 0 ? (Zh ? s.ZhPrintedValue.WithSize(12) : s.EnLabel.WithSize(12)) : (Zh ? s.ZhHand.WithSize(13) : s.EnHand.WithSize(13));

        float left = Mm(20), right = Mm(190), center = page.Width / 2;
        page.Row(Mm(24)).Text(content.Company, center, Mm(28), Zh ? s.ZhCompany.WithSize(17) : s.EnCompany.WithSize(16), SKTextAlign.Center);
        Letterhead.Rule(page, left, right, Mm(34));
        page.Row(Mm(44)).Text(title, center, Mm(48), Zh ? s.ZhTitle : s.EnTitle, SKTextAlign.Center);
        var noLabel = r.Pick(labels[FieldKeys.DocumentNo]);
        var noText = Zh && r.Next(3) == 0 ? VariantContent.ToFullWidth(content.DocumentNo) : content.DocumentNo;
        page.Row(Mm(58)).Text($"{noLabel}{colon} {noText}".Replace("： ", "：", StringComparison.Ordinal), right, Mm(58), labelStyle, SKTextAlign.Right);

        var items = content.Items.Select(i => (i.Key, Label: r.Pick(labels[i.Key]), i.Printed)).ToList();
        Shuffle(items, r);
        var top = Mm(66);
        var bottom = layout switch
        {
            VariantLayout.NextCell => NextCell(page, items, left, right, top, labelStyle, valueStyle),
            VariantLayout.LabelAbove => LabelAbove(page, items, left, right, top, Zh ? s.ZhSmall : s.EnSmall, valueStyle),
            VariantLayout.ColonTwoColumn => ColonColumns(page, items, left, right, top, colon, labelStyle, valueStyle),
            _ => HeaderRow(page, items, left, right, top, labelStyle, valueStyle),
        };

        var sign = bottom + Mm(24);
        var signLabel = r.Pick(Zh ? VariantWordings.ChineseSignatures : VariantWordings.EnglishSignatures) + colon;
        var dateLabel = r.Pick(labels[FieldKeys.DocumentDate]) + colon;
        var hand = Zh ? s.ZhHand : s.EnHand;
        page.Row(sign)
            .Text(signLabel, left, sign, labelStyle)
            .Text(content.Name, left + Measure(signLabel, labelStyle) + Mm(4), sign, hand.WithSize(17))
            .Text(dateLabel, Mm(120), sign, labelStyle)
            .Text(content.DatePrinted, Mm(120) + Measure(dateLabel, labelStyle) + Mm(3), sign, hand);

        return [.. content.Truth];
    }

    /// <summary>A long value (an English address) is written smaller to fit the space, as people do.</summary>
    private static TextStyle Fit(string text, TextStyle style, float width)
    {
        var fitted = style;
        while (Measure(text, fitted) > width && fitted.SizePt > MinValuePt)
        {
            fitted = fitted.WithSize(fitted.SizePt - 0.5f);
        }

        return fitted;
    }

    private static void Shuffle<T>(List<T> items, Random r)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = r.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Pairs items two per row; an item too wide for half a row gets a row of its own.</summary>
    private static List<List<(string Key, string Label, string Printed)>> Rows(
        List<(string Key, string Label, string Printed)> items, Func<(string Key, string Label, string Printed), bool> wide)
    {
        var rows = new List<List<(string, string, string)>>();
        List<(string, string, string)>? open = null;
        foreach (var item in items)
        {
            if (wide(item))
            {
                rows.Add([item]);
                continue;
            }

            if (open is null)
            {
                open = [item];
                rows.Add(open);
            }
            else
            {
                open.Add(item);
                open = null;
            }
        }

        return rows;
    }

    private static float NextCell(PageCanvas page, List<(string Key, string Label, string Printed)> items, float left, float right, float top, TextStyle label, TextStyle value)
    {
        // As wide as the longest label needs, as a form designer would set it.
        var labelWidth = Math.Max(Mm(28), items.Max(i => Measure(i.Label, label)) + 2 * RuledTable.CellPadding + Mm(2));
        var valueWidth = (right - left) / 2 - labelWidth;
        var table = new RuledTable(page, left, top, [labelWidth, valueWidth, labelWidth, valueWidth]);
        foreach (var row in Rows(items, i => Measure(i.Printed, value) > valueWidth - Mm(6)))
        {
            if (row.Count == 1)
            {
                table.AddRow(Mm(13), table.Label(row[0].Label, label), new TableCell(row[0].Printed, Fit(row[0].Printed, value, right - left - labelWidth - Mm(6)), ColumnSpan: 3));
            }
            else
            {
                table.AddRow(Mm(13), table.Label(row[0].Label, label), new TableCell(row[0].Printed, value), table.Label(row[1].Label, label), new TableCell(row[1].Printed, value));
            }
        }

        table.DrawFrame();
        return table.Bottom;
    }

    private static float LabelAbove(PageCanvas page, List<(string Key, string Label, string Printed)> items, float left, float right, float top, TextStyle caption, TextStyle value)
    {
        var half = (right - left) / 2;
        var y = top;
        foreach (var row in Rows(items, i => Measure(i.Printed, value) > half - Mm(10)))
        {
            var width = row.Count == 1 ? right - left : half;
            var captions = page.Row(y + Mm(6));
            var values = page.Row(y + Mm(16));
            var x = left;
            foreach (var (_, text, printed) in row)
            {
                page.Rect(new SKRect(x, y, x + width, y + Mm(21)), 3f);
                captions.Text(text, x + Mm(2.5), y + Mm(6), caption);
                values.Text(printed, x + Mm(6), y + Mm(16), Fit(printed, value, width - Mm(10)));
                x += width;
            }

            y += Mm(21);
        }

        page.Rect(new SKRect(left, top, right, y), 6f);
        return y;
    }

    private static float ColonColumns(PageCanvas page, List<(string Key, string Label, string Printed)> items, float left, float right, float top, string colon, TextStyle label, TextStyle value)
    {
        var second = left + (right - left) / 2 + Mm(4);
        var y = top + Mm(6);
        foreach (var row in Rows(items, i => Measure(i.Label + colon, label) + Mm(3) + Measure(i.Printed, value) > second - left - Mm(8)))
        {
            var line = page.Row(y);
            var x = left;
            foreach (var (_, text, printed) in row)
            {
                var caption = text + colon;
                var room = (row.Count == 1 ? right : second - Mm(8)) - x - Measure(caption, label) - Mm(3);
                line.Text(caption, x, y, label).Text(printed, x + Measure(caption, label) + Mm(3), y, Fit(printed, value, room));
                page.Line(x + Measure(caption, label) + Mm(2), y + Mm(1.5), row.Count == 1 ? right : x + (second - left) - Mm(8), y + Mm(1.5), 2f);
                x = second;
            }

            y += Mm(13);
        }

        return y;
    }

    private static float HeaderRow(PageCanvas page, List<(string Key, string Label, string Printed)> items, float left, float right, float top, TextStyle label, TextStyle value)
    {
        var column = (right - left) / HeaderColumns;
        var table = new RuledTable(page, left, top, [column, column, column]);
        var narrow = items.Where(i => Measure(i.Printed, value) <= column - Mm(6)).ToList();
        var wide = items.Except(narrow).ToList();
        for (var i = 0; i < narrow.Count; i += HeaderColumns)
        {
            var chunk = narrow.Skip(i).Take(HeaderColumns).ToList();
            var span = HeaderColumns - chunk.Count + 1;
            table.AddRow(Mm(10), [.. chunk.Select((c, k) => table.Label(c.Label, label, k == chunk.Count - 1 ? span : 1))]);
            table.AddRow(Mm(13), [.. chunk.Select((c, k) => new TableCell(c.Printed, value, k == chunk.Count - 1 ? span : 1))]);
        }

        foreach (var item in wide)
        {
            table.AddRow(Mm(10), table.Label(item.Label, label, HeaderColumns));
            table.AddRow(Mm(13), new TableCell(item.Printed, Fit(item.Printed, value, right - left - Mm(6)), HeaderColumns));
        }

        table.DrawFrame();
        return table.Bottom;
    }
}
