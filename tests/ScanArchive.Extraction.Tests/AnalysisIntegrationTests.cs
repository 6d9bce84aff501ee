using System.Text.Json;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Extraction.Tests;

public class AnalysisIntegrationTests
{
    private static readonly OcrPage FormPage = new SyntheticPage()
        .Row(300, (900, "客户登记表"))
        .Row(850, (250, "客户姓名"), (610, "马鹏志"), (1260, "出生日期"), (1610, "1960年9月13日"))
        .Build();

    [Fact]
    public void Analysis_json_carries_fields_pairs_and_doc_type_and_reads_back()
    {
        var extraction = new FieldExtractor().Extract([FormPage]);
        var analysis = new DocumentAnalysis
        {
            Input = new AnalysisInput("/in/a.png", "a.png"),
            Pages = [FormPage],
            Fields = extraction.Fields,
            Pairs = extraction.Pairs,
            DocType = extraction.DocType,
        };

        var json = AnalysisJson.ToJson(analysis);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(DocumentTypes.CustomerRegistration, root.GetProperty("docType").GetString());
        var birth = root.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("key").GetString() == FieldKeys.DateOfBirth);
        Assert.Equal("1960-09-13", birth.GetProperty("value").GetString());
        Assert.Equal("1960年9月13日", birth.GetProperty("raw").GetString());
        Assert.Equal(1, birth.GetProperty("page").GetInt32());
        Assert.Equal(4, birth.GetProperty("box").GetArrayLength());
        Assert.InRange(birth.GetProperty("confidence").GetDouble(), 0.5, 1);
        Assert.Equal("valid", birth.GetProperty("validation").GetString());
        Assert.Equal("label", birth.GetProperty("source").GetString());
        Assert.Equal("出生日期", birth.GetProperty("label").GetString());
        var pair = root.GetProperty("pairs").EnumerateArray().First();
        Assert.Equal("客户姓名", pair.GetProperty("label").GetString());
        Assert.Equal("马鹏志", pair.GetProperty("value").GetString());

        var back = AnalysisJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(json));
        Assert.Equal(analysis.DocType, back.DocType);
        Assert.Equal(analysis.Fields, back.Fields);
        Assert.Equal(analysis.Pairs.Count, back.Pairs.Count);
        Assert.Equal(new FieldExtractor().Extract(back.Pages).Fields, analysis.Fields);
    }

    [Fact]
    public async Task The_analyzer_fills_fields_when_given_an_extractor_and_leaves_them_empty_without()
    {
        var reader = new OnePageReader();
        using var engine = new FixedEngine(FormPage);

        var with = await new DocumentAnalyzer(reader, engine, new FieldExtractor()).AnalyzeAsync(new AnalysisInput("a", "a"));
        var without = await new DocumentAnalyzer(reader, engine).AnalyzeAsync(new AnalysisInput("a", "a"));

        Assert.Equal(DocumentTypes.CustomerRegistration, with.DocType);
        Assert.Contains(with.Fields, f => f.Key == FieldKeys.CustomerName && f.Value == "马鹏志");
        Assert.NotEmpty(with.Pairs);
        Assert.Null(without.DocType);
        Assert.Empty(without.Fields);
        Assert.Empty(without.Pairs);
    }

    private sealed class OnePageReader : IDocumentReader
    {
        public DocumentFormat Identify(string path) => DocumentFormat.Png;

        public IEnumerable<DocumentPage> ReadPages(string path)
        {
            yield return DocumentPage.FromImage(1, new RasterImage(4, 4, PixelFormat.Gray8, new byte[16], 300));
        }
    }

    private sealed class FixedEngine(OcrPage page) : IOcrEngine
    {
        public string Languages => "fake";

        public int Concurrency => 1;

        public Task<OcrPage> RecognizeAsync(RasterImage image, CancellationToken cancellationToken = default) => Task.FromResult(page);

        public void Dispose()
        {
        }
    }
}
