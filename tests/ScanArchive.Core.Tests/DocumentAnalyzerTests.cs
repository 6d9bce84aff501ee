using ScanArchive.Core.Analysis;
using ScanArchive.Core.Documents;

namespace ScanArchive.Core.Tests;

public class DocumentAnalyzerTests
{
    private static AnalysisInput Input(string name) => new(name, name);

    private static async Task<List<DocumentAnalysis>> RunAsync(DocumentAnalyzer analyzer, IReadOnlyList<AnalysisInput> inputs, CancellationToken token = default)
    {
        var results = new List<DocumentAnalysis>();
        await foreach (var result in analyzer.AnalyzeAsync(inputs, null, token))
        {
            results.Add(result);
        }

        return results;
    }

    [Fact]
    public async Task Results_come_in_input_order_with_pages_in_order_even_when_later_pages_finish_first()
    {
        var reader = new FakeReader();
        // Page 1 of every document is the slowest, so completion order is reversed.
        using var engine = new FakeEngine(reader, 3, page => page.Pixels[0] == 1 ? 60 : 5);
        var analyzer = new DocumentAnalyzer(reader, engine);

        var results = await RunAsync(analyzer, [Input("a:3"), Input("b:1"), Input("c:2")]);

        Assert.Equal(["a:3", "b:1", "c:2"], results.Select(r => r.Input.Path));
        Assert.Equal("page1\n\npage2\n\npage3", results[0].Text);
        Assert.All(results, r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task A_document_that_fails_midway_is_reported_and_the_others_go_on()
    {
        var reader = new FakeReader();
        using var engine = new FakeEngine(reader, 2, _ => 1);
        var analyzer = new DocumentAnalyzer(reader, engine);

        var results = await RunAsync(analyzer, [Input("good:2"), Input("bad:3"), Input("after:1")]);

        Assert.True(results[0].Succeeded);
        var failure = Assert.IsType<DocumentReadException>(results[1].Error);
        Assert.Equal(DocumentProblem.Truncated, failure.Problem);
        Assert.Contains("bad:3", failure.Message, StringComparison.Ordinal);
        Assert.Empty(results[1].Pages);
        Assert.True(results[2].Succeeded);
    }

    [Fact]
    public async Task A_document_without_pages_is_an_error()
    {
        var reader = new FakeReader();
        using var engine = new FakeEngine(reader, 1, _ => 1);

        var result = await new DocumentAnalyzer(reader, engine).AnalyzeAsync(Input("empty:0"));

        Assert.Equal(DocumentProblem.NoPages, Assert.IsType<DocumentReadException>(result.Error).Problem);
    }

    [Fact]
    public async Task Decoded_pages_waiting_for_recognition_stay_bounded_and_all_workers_are_used()
    {
        var reader = new FakeReader();
        using var engine = new FakeEngine(reader, 2, _ => 10);
        var analyzer = new DocumentAnalyzer(reader, engine);

        var results = await RunAsync(analyzer, [.. Enumerable.Range(0, 10).Select(i => Input($"d{i}:5"))]);

        Assert.Equal(50, results.Sum(r => r.Pages.Count));
        Assert.InRange(reader.MaxOutstanding, 2, 4); // 2 × concurrency at most
        Assert.True(engine.MaxRunning >= 2, "both engine workers should be kept busy");
    }

    [Fact]
    public async Task Cancellation_stops_the_run()
    {
        var reader = new FakeReader();
        using var engine = new FakeEngine(reader, 1, _ => 50);
        using var cts = new CancellationTokenSource();
        var analyzer = new DocumentAnalyzer(reader, engine);
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in analyzer.AnalyzeAsync([.. Enumerable.Range(0, 20).Select(i => Input($"d{i}:1"))], null, cts.Token))
            {
                if (++seen == 2)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.InRange(seen, 2, 4);
    }
}
