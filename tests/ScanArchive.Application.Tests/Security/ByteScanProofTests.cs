using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Entries;
using ScanArchive.Application.Keys;
using ScanArchive.Application.Processing;
using ScanArchive.Application.Searching;
using ScanArchive.Core.Search;
using ScanArchive.TestSupport;

namespace ScanArchive.Application.Tests.Security;

/// <summary>
/// The proof of encryption at rest: real forms (Chinese and English, with known names, ID numbers, phone numbers and
/// addresses) go through recognition, review, commit and search; then every byte of the data folder — database,
/// its log while open, stored files, PDFs, the search index — is scanned for each of those values in UTF-8,
/// UTF-16LE, UTF-16BE and GB18030, and none may be there.
/// </summary>
public sealed class ByteScanProofTests : IDisposable
{
    private static readonly string[] Forms = ["zh-account-application.jpg", "en-customer-registration.jpg"];
    private static readonly string[] SensitiveFields = ["customer_name", "id_number", "phone", "address"];
    private readonly TempDirectory _root = new();

    static ByteScanProofTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task No_customer_value_can_be_read_anywhere_in_an_encrypted_data_folder()
    {
        var (data, needles) = await ArchiveForms(encrypted: true);
        Assert.Empty(Readable(data, needles));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(data, "tmp")));
    }

    [Fact]
    public async Task The_same_scan_finds_the_values_in_a_plain_data_folder()
    {
        // The control: the scan does find what an unencrypted folder exposes, in the database, the files and the index.
        var (data, needles) = await ArchiveForms(encrypted: false);
        var found = Readable(data, needles);
        Assert.Contains(found, f => f.StartsWith("archive.db", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("index", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("entries", StringComparison.Ordinal));
    }

    private async Task<(string Data, List<string> Needles)> ArchiveForms(bool encrypted)
    {
        var data = Path.Combine(_root.Path, "data");
        var keys = new KeyOptions { KeyFolder = Path.Combine(_root.Path, "keys"), EncryptNewFolders = encrypted };
        var actor = Actor.Local();
        List<string> needles;
        await using (var services = new ServiceCollection().AddScanArchive(new ScanArchiveOptions { DataFolder = data, Keys = keys }).BuildServiceProvider())
        {
            var batches = services.GetRequiredService<BatchService>();
            var batch = batches.OpenForCapture(actor, "proof");
            batches.Import(actor, batch, Forms.Select(f => new ImportFile(TestPaths.SampleScan(f), f)));
            await services.GetRequiredService<ProcessingService>().ProcessAsync(actor, batch.Id);
            batches.Approve(actor, batch.Id, "byte-scan proof");
            var entries = batches.Commit(actor, batch.Id);
            var search = services.GetRequiredService<SearchService>();

            // The values that went in: the ground truth the archive actually holds (the text it read and the fields it
            // extracted), so the scan looks for what is really stored and cannot pass because recognition missed it.
            var stored = string.Join('\n', entries.SelectMany(e => e.Fields.Values.Concat(e.Pages.Select(p => p.Text))));
            needles = Forms.SelectMany(GroundTruth).Where(v => stored.Contains(v, StringComparison.Ordinal)).Distinct().ToList();
            Assert.True(needles.Count >= 6, $"only {needles.Count} values were read: {string.Join(", ", needles)}");
            Assert.Contains(needles, n => n.Any(c => c > 0x3000));
            Assert.Contains(needles, n => n.Any(char.IsAsciiLetter));
            foreach (var needle in needles.Where(n => n.All(char.IsAsciiDigit)))
            {
                Assert.True(search.Search(actor, new SearchQuery { Text = needle }).TotalHits > 0, needle);
            }

            // The entry's PDF, decrypted on the way out, carries the values (so the scan below is not vacuous).
            using var pdf = services.GetRequiredService<EntryService>().OpenPdf(actor, entries[0].Number).Pdf;
            using var copy = new MemoryStream();
            pdf.CopyTo(copy);
            Assert.StartsWith("%PDF", Encoding.ASCII.GetString(copy.ToArray(), 0, 4), StringComparison.Ordinal);

            // While the archive is open (LiteDB's log file, the index lock and all).
            if (encrypted)
            {
                Assert.Empty(Readable(data, needles));
            }
        }

        return (data, needles);
    }

    /// <summary>Where each value can be read in the folder's raw bytes ("file: value (encoding)").</summary>
    private static List<string> Readable(string folder, IReadOnlyList<string> needles)
    {
        var encodings = new[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode, Encoding.GetEncoding("GB18030") };
        var patterns = needles.SelectMany(n => encodings.Select(e => (Needle: n, Encoding: e.WebName, Bytes: e.GetBytes(n)))).ToList();
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("archive.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains($"{Path.DirectorySeparatorChar}index{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains($"{Path.DirectorySeparatorChar}entries{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var found = new List<string>();
        foreach (var file in files)
        {
            if (file.EndsWith(".lock", StringComparison.Ordinal) && new FileInfo(file).Length == 0)
            {
                continue; // held exclusively by the open archive or index, and empty: nothing to read
            }

            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var buffer = new MemoryStream())
            {
                stream.CopyTo(buffer);
                bytes = buffer.ToArray();
            }

            found.AddRange(patterns.Where(p => bytes.AsSpan().IndexOf(p.Bytes) >= 0).Select(p => $"{Path.GetRelativePath(folder, file)}: {p.Needle} ({p.Encoding})"));
        }

        return found;
    }

    /// <summary>Names, ID numbers, phone numbers and addresses from the sample's ground truth (addresses also by their street part).</summary>
    private static IEnumerable<string> GroundTruth(string form)
    {
        var json = Path.ChangeExtension(TestPaths.SampleScan(form), ".json");
        using var truth = JsonDocument.Parse(File.ReadAllText(json));
        foreach (var field in truth.RootElement.GetProperty("fields").EnumerateArray())
        {
            var key = field.GetProperty("key").GetString();
            var value = field.GetProperty("value").GetString() ?? "";
            if (!SensitiveFields.Contains(key) || value.Length < 3)
            {
                continue;
            }

            yield return value;
            if (key == "address")
            {
                foreach (var part in value.Split([',', '市', '区'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 5))
                {
                    yield return part;
                }
            }
        }
    }
}
