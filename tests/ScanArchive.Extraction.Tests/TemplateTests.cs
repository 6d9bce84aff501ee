using ScanArchive.Core.Analysis;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Extraction.Templates;
using ScanArchive.TestSupport;

namespace ScanArchive.Extraction.Tests;

public class TemplateTests
{
    /// <summary>One copy of a bank's form; the customer's values vary. The name is written in a box with no label beside it.</summary>
    private static OcrPage Form(string name, string number, string phone, double scale = 1, int dx = 0, int dy = 0, bool dropFooter = false)
    {
        int X(int x) => (int)(x * scale) + dx;
        int Y(int y) => (int)(y * scale) + dy;
        var page = new SyntheticPage((int)(2480 * scale), (int)(3508 * scale))
            .Row(Y(250), (X(800), "瑞丰农商银行"))
            .Row(Y(400), (X(850), "个人客户开户申请表"))
            .Row(Y(600), (X(250), "申请人"), (X(1260), "客户编号"), (X(1600), number))
            .Row(Y(900), (X(300), name))
            .Row(Y(1100), (X(250), "联系电话"), (X(610), phone), (X(1260), "职业"), (X(1600), "教师"))
            .Row(Y(1300), (X(250), "开户类型"), (X(610), "储蓄账户"))
            .Row(Y(1500), (X(250), "客户声明"));
        if (!dropFooter)
        {
            page.Row(Y(2500), (X(250), "以下由银行填写"));
        }

        return page.Build();
    }

    private static FormTemplate Confirmed()
    {
        var page = Form("郭宇", "KH20264481", "13781608033");
        var confirmed = new FieldExtractor().Extract([page]).Fields.ToList();

        // The reviewer adds the name the generic method could not place (its box is on the page).
        confirmed.Add(new ExtractedField(FieldKeys.CustomerName, "郭宇", "郭宇", 1, 1, new PixelBox(300, 900, 80, 40)));
        return FormTemplateBuilder.FromConfirmedPage("ruifeng-account-application", DocumentTypes.AccountApplication, page, confirmed);
    }

    [Fact]
    public void A_confirmed_page_becomes_a_template_with_zones_and_anchors()
    {
        var template = Confirmed();
        Assert.Contains(template.Zones, z => z.Key == FieldKeys.CustomerName);
        Assert.Contains(template.Zones, z => z.Key == FieldKeys.CustomerNo);
        Assert.Contains(template.Anchors, a => a.Text == "客户编号");
        Assert.DoesNotContain(template.Anchors, a => a.Text.Contains("郭宇", StringComparison.Ordinal));
        Assert.True(template.Anchors.Count >= FormTemplateMatcher.MinAnchors);
    }

    [Fact]
    public void Another_copy_of_the_form_scanned_larger_and_shifted_matches_and_its_zones_give_its_values()
    {
        var template = Confirmed();
        var copy = Form("何艳", "KH20267139", "13692371089", scale: 1.15, dx: 60, dy: -35, dropFooter: true);
        var matcher = new FormTemplateMatcher([template], new FieldNormalizer(ExtractionDictionary.Default));

        var match = matcher.Match(copy);
        Assert.NotNull(match);
        Assert.InRange(match.Scale, 1.1, 1.2);
        var fields = matcher.ExtractFields(copy).ToDictionary(f => f.Key);
        Assert.Equal("何艳", fields[FieldKeys.CustomerName].Value);
        Assert.Equal("KH20267139", fields[FieldKeys.CustomerNo].Value);
        Assert.Equal("13692371089", fields[FieldKeys.Phone].Value);
        Assert.All(fields.Values, f => Assert.Equal(FieldSource.Template, f.Source));
    }

    [Fact]
    public void Extraction_uses_a_matching_template_first_and_names_it()
    {
        var copy = Form("何艳", "KH20267139", "13692371089", dx: 40);
        var withTemplate = new FieldExtractor(templates: [Confirmed()]).Extract([copy]);
        var without = new FieldExtractor().Extract([copy]);

        Assert.Equal("ruifeng-account-application", withTemplate.TemplateName);
        Assert.Equal(DocumentTypes.AccountApplication, withTemplate.DocType);
        Assert.Equal("何艳", withTemplate.Fields.Single(f => f.Key == FieldKeys.CustomerName).Value);
        Assert.Equal(FieldSource.Template, withTemplate.Fields.Single(f => f.Key == FieldKeys.CustomerName).Source);
        Assert.Null(without.TemplateName);
        Assert.DoesNotContain(without.Fields, f => f.Key == FieldKeys.CustomerName && f.Value == "何艳");
    }

    [Fact]
    public void A_different_form_does_not_match()
    {
        var other = new SyntheticPage()
            .Row(300, (800, "客户服务记录单"))
            .Row(600, (250, "客户名称"), (610, "王建"), (1260, "客户编号"), (1600, "KH20263647"))
            .Row(800, (250, "故障描述"), (610, "设备无法连接网络"))
            .Build();
        Assert.Null(new FormTemplateMatcher([Confirmed()], new FieldNormalizer(ExtractionDictionary.Default)).Match(other));
    }

    [Fact]
    public void Templates_round_trip_through_their_folder()
    {
        using var folder = new TempDirectory("extraction-templates");
        var template = Confirmed();
        var path = FormTemplateStore.Save(template, folder.Path);
        Assert.Equal(Path.Combine(folder.Path, "ruifeng-account-application.json"), path);

        var loaded = Assert.Single(FormTemplateStore.LoadDirectory(folder.Path));
        Assert.Equal(template.Name, loaded.Name);
        Assert.Equal(template.DocType, loaded.DocType);
        Assert.Equal(template.Anchors, loaded.Anchors);
        Assert.Equal(template.Zones, loaded.Zones);
        Assert.Contains("\"客户编号\"", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_has_no_templates_and_a_broken_file_is_named()
    {
        using var folder = new TempDirectory("extraction-templates");
        Assert.Empty(FormTemplateStore.LoadDirectory(Path.Combine(folder.Path, "none")));
        folder.Write("broken.json", "{\"name\":"u8.ToArray());
        var error = Assert.Throws<InvalidDataException>(() => FormTemplateStore.LoadDirectory(folder.Path));
        Assert.Contains("broken.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_enough_printed_labels_cannot_be_a_template()
    {
        var page = new SyntheticPage().Row(900, (300, "郭宇")).Build();
        var field = new ExtractedField(FieldKeys.CustomerName, "郭宇", "郭宇", 1, 1, new PixelBox(300, 900, 80, 40));
        Assert.Throws<ArgumentException>(() => FormTemplateBuilder.FromConfirmedPage("x", DocumentTypes.Other, page, [field]));
    }
}
