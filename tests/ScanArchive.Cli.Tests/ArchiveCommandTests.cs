using System.Diagnostics;
using System.Text.Json;
using ScanArchive.TestSupport;

namespace ScanArchive.Cli.Tests;

/// <summary>The archive workflow from the command line, with real OCR, a real LiteDB file and real PDFs.</summary>
public sealed class ArchiveCommandTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _work = new();

    public void Dispose()
    {
        _data.Dispose();
        _work.Dispose();
    }

    [Fact]
    public async Task Import_approve_commit_export_and_verify()
    {
        var broken = Path.Combine(_work.Path, "broken.jpg");
        File.WriteAllBytes(broken, File.ReadAllBytes(TestPaths.SampleScan("en-invoice.jpg")).AsSpan(0, 5000).ToArray());
        var textPdf = Path.Combine(_work.Path, "letter.pdf");
        File.WriteAllBytes(textPdf, TextPdf("Customer file KH 12345 service letter"));
        var import = await Run("import", TestPaths.SampleScan("en-invoice.jpg"), textPdf, broken, "--batch", "folder-1");
        Assert.Equal(1, import.ExitCode);
        Assert.Contains("broken.jpg", import.StdErr, StringComparison.Ordinal);

        var early = await Run("commit", "folder-1");
        Assert.Equal(4, early.ExitCode);

        var batch = JsonDocument.Parse((await Run("batch", "folder-1", "--json")).StdOut).RootElement;
        Assert.Equal("readyForReview", batch.GetProperty("batch").GetProperty("state").GetString());
        var documents = batch.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(3, documents.Count);
        Assert.Equal("failed", documents.Single(d => d.GetProperty("sourceName").GetString() == "broken.jpg").GetProperty("status").GetString());

        // The batch keeps each scanned page's quality check for the reviewer: verdict, reasons, measurements, cleanup.
        var invoiceQc = documents.Single(d => d.GetProperty("sourceName").GetString() == "en-invoice.jpg").GetProperty("pages")[0].GetProperty("qc");
        Assert.Equal("pass", invoiceQc.GetProperty("verdict").GetString());
        Assert.Equal(300, invoiceQc.GetProperty("metrics").GetProperty("dpi").GetInt32());
        Assert.True(invoiceQc.GetProperty("metrics").GetProperty("sharpness").GetDouble() > 0.55);
        Assert.NotEqual(0, invoiceQc.GetProperty("cleanup").GetProperty("deskewedDegrees").GetDouble());

        Assert.Equal(0, (await Run("approve", "folder-1")).ExitCode);
        var commit = await Run("commit", "folder-1", "--json");
        Assert.Equal(0, commit.ExitCode);
        var numbers = JsonDocument.Parse(commit.StdOut).RootElement.EnumerateArray().Select(e => e.GetProperty("number").GetString()!).ToList();
        Assert.Equal(2, numbers.Count);
        Assert.Matches(@"^KH-\d{4}-000001$", numbers[0]);
        Assert.Matches(@"^KH-\d{4}-000002$", numbers[1]);

        var entry = await Run("entry", numbers[0]);
        Assert.Contains("INVOICE", entry.StdOut.ToUpperInvariant(), StringComparison.Ordinal);

        // A scanned page's PDF carries the recognized text as an invisible layer that pdftotext reads.
        var scanned = Path.Combine(_work.Path, "scanned.pdf");
        Assert.Equal(0, (await Run("export", numbers[0], "--out", scanned)).ExitCode);
        Assert.Contains("INVOICE", (await PdfToText(scanned)).ToUpperInvariant(), StringComparison.Ordinal);

        // The text PDF's page is carried over with its own text, not re-recognized.
        var exported = Path.Combine(_work.Path, "out.pdf");
        Assert.Equal(0, (await Run("export", numbers[1], "--out", exported)).ExitCode);
        var text = await PdfToText(exported);
        Assert.Contains("Customer file KH 12345 service letter", text, StringComparison.Ordinal);

        // Committed entries are searchable at once, by recognized words and by their archive number.
        var search = JsonDocument.Parse((await Run("search", "invoice", "--json")).StdOut).RootElement;
        Assert.Equal(numbers[0], search.GetProperty("hits")[0].GetProperty("archiveNumber").GetString());
        var byNumber = JsonDocument.Parse((await Run("search", numbers[1], "--json")).StdOut).RootElement;
        Assert.Equal(numbers[1], byNumber.GetProperty("hits")[0].GetProperty("archiveNumber").GetString());

        // The index can be thrown away and rebuilt from the records.
        Directory.Delete(Path.Combine(_data.Path, "index"), recursive: true);
        Assert.Equal(0, (await Run("reindex")).ExitCode);
        var again = JsonDocument.Parse((await Run("search", "service", "letter", "--json")).StdOut).RootElement;
        Assert.Equal(numbers[1], again.GetProperty("hits")[0].GetProperty("archiveNumber").GetString());

        Assert.Equal(0, (await Run("verify")).ExitCode);
        Assert.Equal(3, (await Run("entry", "KH-1999-000042")).ExitCode);
    }

    [Fact]
    public async Task A_processing_run_killed_midway_resumes_without_redoing_stored_pages()
    {
        var pages = new[] { "en-invoice.jpg", "en-customer-registration.jpg", "en-service-agreement.jpg", "zh-invoice.jpg" };
        var import = await Run(["import", .. pages.Select(TestPaths.SampleScan), "--batch", "resume", "--no-process"]);
        Assert.Equal(0, import.ExitCode);

        using (var process = CliRunner.Start("process", "resume", "--workers", "1", "--data", _data.Path))
        {
            // Kill (SIGKILL) as soon as the first page is reported stored.
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                if (line.Contains("page(s) done", StringComparison.Ordinal))
                {
                    process.Kill(entireProcessTree: true);
                    break;
                }
            }

            await process.WaitForExitAsync();
        }

        var resumed = await Run("process", "resume");
        Assert.Equal(0, resumed.ExitCode);
        Assert.Matches(@"[1-3] already done", resumed.StdErr);
        var batch = JsonDocument.Parse((await Run("batch", "resume", "--json")).StdOut).RootElement;
        Assert.Equal("readyForReview", batch.GetProperty("batch").GetProperty("state").GetString());
        Assert.Equal(4, batch.GetProperty("documents").EnumerateArray().Sum(d => d.GetProperty("pages").GetArrayLength()));
    }

    private Task<CliRunner.Result> Run(params string[] args) => CliRunner.RunAsync([.. args, "--data", _data.Path]);

    private static byte[] TextPdf(string text)
    {
        using var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText(text, 12, new UglyToad.PdfPig.Core.PdfPoint(72, 720), font);
        return builder.Build();
    }

    private static async Task<string> PdfToText(string pdf)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true };
        start.ArgumentList.Add(pdf);
        start.ArgumentList.Add("-");
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }
}
