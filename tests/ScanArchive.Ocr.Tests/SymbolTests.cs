using System.IO.Compression;
using System.Text.Json;
using ScanArchive.Core.Ocr;
using ScanArchive.TestSupport;
using Xunit.Abstractions;

namespace ScanArchive.Ocr.Tests;

/// <summary>Chinese words keep their characters (Tesseract's symbol level) for the review screen, at a bounded cost in record size.</summary>
[Collection(EngineCollection.Name)]
public sealed class SymbolTests(EngineFixture engine, ITestOutputHelper output)
{
    /// <summary>The stored recognition record may grow by at most this factor for the characters (measured: see the test output).</summary>
    private const double MaxRecordGrowth = 2.0;

    [Fact]
    public async Task Chinese_words_carry_their_characters_inside_their_boxes_and_latin_words_none()
    {
        var sample = SamplePages.First(p => p.Language == "zh" && p.IsCleanDocument && p.Fields.ContainsKey("customer_name"), "a clean Chinese page");
        var page = await engine.Pool.RecognizeAsync(EngineFixture.Decode(sample));
        var words = page.Lines.SelectMany(l => l.Words).ToList();

        var chinese = words.Where(w => w.Text.Any(OcrText.IsCjk)).ToList();
        var withSymbols = chinese.Where(w => w.Symbols is not null).ToList();
        Assert.True(withSymbols.Count >= chinese.Count * 0.8, $"{withSymbols.Count} of {chinese.Count} Chinese words have characters");
        foreach (var word in withSymbols)
        {
            Assert.Equal(word.Text, string.Concat(word.Symbols!.Select(s => s.Text)));
            Assert.All(word.Symbols!, s =>
            {
                Assert.InRange(s.Confidence, 0, 100);
                Assert.True(s.Box.X >= word.Box.X - 2 && s.Box.Right <= word.Box.Right + 2, $"{s.Text} {s.Box} outside {word.Text} {word.Box}");
            });
        }

        Assert.All(words.Where(w => !w.Text.Any(OcrText.IsCjk)), w => Assert.Null(w.Symbols));

        // What the archive stores per page (Brotli-compressed JSON, as BsonMapping writes it), with and without characters.
        var with = Compressed(page);
        var without = Compressed(page with { Lines = [.. page.Lines.Select(l => l with { Words = [.. l.Words.Select(w => w with { Symbols = null })] })] });
        output.WriteLine($"{sample}: {chinese.Count} Chinese words, {withSymbols.Sum(w => w.Symbols!.Count)} characters; record {without:N0} → {with:N0} bytes ({(double)with / without:F2}×)");
        Assert.True(with <= without * MaxRecordGrowth, $"record grows {without} → {with} bytes");
    }

    private static long Compressed(OcrPage page)
    {
        using var buffer = new MemoryStream();
        using (var zip = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(zip, page);
        }

        return buffer.Length;
    }
}
