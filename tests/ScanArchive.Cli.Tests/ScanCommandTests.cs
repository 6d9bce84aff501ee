using System.Text.Json;
using ScanArchive.TestSupport;

namespace ScanArchive.Cli.Tests;

/// <summary>Scanning into a batch through the real SANE library and its virtual devices, with real OCR.</summary>
public sealed class ScanCommandTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_jam_keeps_earlier_sheets_and_the_same_command_continues_the_batch()
    {
        var first = await Run("scan", "--batch", "feeder", "--device", "test:0", "--source", "feeder", "--dpi", "75", "--mode", "gray");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(10, PageCount("feeder"));

        // The test backend reports a paper jam: the command says so, exits with the jam code, loses nothing.
        var jam = await Run("scan", "--batch", "feeder", "--device", "test:0", "--source", "feeder", "--dpi", "75", "--mode", "gray", "--option", "read-return-value=SANE_STATUS_JAMMED");
        Assert.Equal(20, jam.ExitCode);
        Assert.Contains("jam", jam.StdErr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("scan --batch \"feeder\"", jam.StdErr, StringComparison.Ordinal);
        Assert.Equal(10, PageCount("feeder"));

        var resumed = await Run("scan", "--batch", "feeder", "--device", "test:0", "--source", "feeder", "--dpi", "75", "--mode", "gray");
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(20, PageCount("feeder"));
        var batch = BatchJson("feeder");
        Assert.Equal("readyForReview", batch.GetProperty("batch").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_flatbed_page_arrives_whole_at_its_resolution_and_is_recognized()
    {
        using var work = new TempDirectory();
        var pgm = Path.Combine(work.Path, "page.pgm");
        await File.WriteAllBytesAsync(pgm, Pgm(TestPaths.SampleScan("en-invoice.jpg")));
        var scan = await Run("scan", "--batch", "flatbed", "--device", "pnm:0", "--source", "flatbed", "--option", $"filename={pgm}");
        Assert.Equal(0, scan.ExitCode);
        var page = BatchJson("flatbed").GetProperty("documents")[0].GetProperty("pages")[0];
        Assert.Contains("INVOICE", page.GetProperty("text").GetString()!.ToUpperInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_without_a_source_scans_its_one_sheet_with_the_default_profile_and_succeeds()
    {
        // The default profile asks for the feeder; pnm has no source option and is a flatbed: one sheet, success.
        using var work = new TempDirectory();
        var pgm = Path.Combine(work.Path, "page.pgm");
        await File.WriteAllBytesAsync(pgm, Pgm(TestPaths.SampleScan("en-invoice.jpg")));
        var scan = await Run("scan", "--batch", "nosource", "--device", "pnm:0", "--option", $"filename={pgm}");

        Assert.True(scan.ExitCode == 0, scan.StdErr);
        Assert.DoesNotContain("sheet 2", scan.StdErr, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, PageCount("nosource"));
        Assert.Equal("readyForReview", BatchJson("nosource").GetProperty("batch").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_profile_that_uses_blank_sheets_as_separators_marks_what_it_scans()
    {
        var add = await Run("profiles", "add", "stack", "--device", "test:0", "--source", "feeder", "--dpi", "75", "--mode", "gray", "--blank", "separate");
        Assert.Equal(0, add.ExitCode);

        var scan = await Run("scan", "--batch", "stack", "--profile", "stack");
        Assert.Equal(0, scan.ExitCode);

        // Every sheet of the session carries the profile's choice, so commit splits at its blank sheets by itself.
        var documents = BatchJson("stack").GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(10, documents.Count);
        Assert.All(documents, d => Assert.True(d.GetProperty("blankPagesSeparate").GetBoolean()));
        Assert.Single(documents.Select(d => d.GetProperty("group").GetString()).Distinct());
    }

    private int PageCount(string batch) =>
        BatchJson(batch).GetProperty("documents").EnumerateArray().Sum(d => d.GetProperty("pages").GetArrayLength());

    private JsonElement BatchJson(string batch)
    {
        var result = CliRunner.RunAsync("batch", batch, "--json", "--data", _data.Path).GetAwaiter().GetResult();
        return JsonDocument.Parse(result.StdOut).RootElement;
    }

    private Task<CliRunner.Result> Run(params string[] args) => CliRunner.RunAsync([.. args, "--data", _data.Path]);

    /// <summary>The sample page as a binary PGM (what the pnm backend reads), via pdftoppm-free decoding in-process.</summary>
    private static byte[] Pgm(string jpeg)
    {
        var image = new Imaging.DocumentReader().ReadPages(jpeg).First().Image!;
        var header = System.Text.Encoding.ASCII.GetBytes($"P5\n{image.Width} {image.Height}\n255\n");
        var bytes = new byte[header.Length + (image.Width * image.Height)];
        header.CopyTo(bytes, 0);
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < image.Width; x++)
            {
                bytes[header.Length + (y * image.Width) + x] = image.Format == Core.Imaging.PixelFormat.Gray8 ? row[x] : row[x * 3];
            }
        }

        return bytes;
    }
}
