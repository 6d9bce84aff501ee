using System.Diagnostics;
using System.Globalization;
using ScanArchive.Archive.Security;
using ScanArchive.Archive.Storage;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Search;
using ScanArchive.Search;

namespace ScanArchive.Bench;

/// <summary>
/// The cost of encryption at rest (issue 18), plain and encrypted in one run, reported as ratios: import→commit
/// through the archive store (originals, page images, records, entry PDFs, LiteDB with and without its password),
/// and search latency (p50/p95 per query kind) on the same synthesized index written plain and encrypted. Rounds
/// alternate plain/encrypted so that drift on a shared machine hits both alike. Recognition is left out: it is the
/// same work either way (about 1.3 s of CPU per page) and would only dilute the ratio.
/// </summary>
internal static class EncryptionBench
{
    public static int Run(string[] args)
    {
        var documents = 60;
        var rounds = 3;
        var pages = 20_000;
        var queries = 200;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--documents": documents = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--pages": pages = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--queries": queries = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        var jpeg = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "sample-scans", "en-invoice.jpg"));
        Console.WriteLine($"encryption bench: import→commit {documents} one-page documents × {rounds} rounds each way; search on {pages} pages, {queries} queries per kind; {Environment.ProcessorCount} cores");
        var import = new Dictionary<bool, List<(double Wall, double Cpu)>> { [false] = [], [true] = [] };

        // One round each way first, not counted: JIT, the page cache and the PDF writer's first use.
        ImportCommit(jpeg, Math.Min(documents, 5), encrypted: false, round: -1);
        ImportCommit(jpeg, Math.Min(documents, 5), encrypted: true, round: -2);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var encrypted in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                import[encrypted].Add(ImportCommit(jpeg, documents, encrypted, round));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{"import→commit",-16} {"docs/s (wall)",14} {"ms CPU/doc",11}");
        foreach (var encrypted in new[] { false, true })
        {
            Console.WriteLine($"{(encrypted ? "encrypted" : "plain"),-16} {documents / Median(import[encrypted].Select(r => r.Wall)),14:F2} {Median(import[encrypted].Select(r => r.Cpu)) / documents,11:F1}");
        }

        var wallRatio = Median(import[true].Select(r => r.Wall)) / Median(import[false].Select(r => r.Wall));
        var cpuRatio = Median(import[true].Select(r => r.Cpu)) / Median(import[false].Select(r => r.Cpu));
        Console.WriteLine($"ratio encrypted/plain: wall {wallRatio:F3}, CPU {cpuRatio:F3}  (target ≤ 1.05)");

        SearchRatios(pages, queries);
        return 0;
    }

    private static (double Wall, double Cpu) ImportCommit(byte[] jpeg, int documents, bool encrypted, int round)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"scanarchive-encbench-{Guid.NewGuid():N}");
        using var key = encrypted ? DataKey.Generate() : null;
        try
        {
            var cpu = CpuClock.ProcessMilliseconds();
            var clock = Stopwatch.StartNew();
            using (var store = new LiteDbArchiveStore(new ArchiveStoreOptions(folder, Key: key)))
            {
                var batch = store.CreateBatch($"bench-{round}", "clerk");
                for (var i = 0; i < documents; i++)
                {
                    // Each original and page image distinct (a JPEG ignores bytes after its end), so nothing is deduplicated.
                    var unique = jpeg.Concat(BitConverter.GetBytes(((long)round << 32) + i)).ToArray();
                    var document = store.AddDocument(batch.Id, unique, ".jpg", $"doc-{i}.jpg", "clerk");
                    var ocr = new OcrPage(2480, 3508, 300, 90, "chi_sim+eng", [new OcrLine($"客户姓名 张伟{i} 证件号码 11010819600913403X 联系电话 138 1234 {i:0000}", new PixelBox(100, 100, 1800, 48), [])]);
                    store.SavePage(new PageResult(batch.Id, document.Id, 1, ocr, new EncodedPageImage(unique, PageImageKind.Jpeg, 2480, 3508, 300), null));
                    store.UpdateDocument(document with { Status = DocumentStatus.Done, PageCount = 1 });
                }

                store.MoveBatch(batch.Id, BatchState.Processing, "clerk");
                store.MoveBatch(batch.Id, BatchState.ReadyForReview, "clerk");
                store.ApproveBatch(batch.Id, "reviewer", "bench");
                store.Commit(batch.Id, "reviewer");
            }

            return (clock.Elapsed.TotalSeconds, CpuClock.ProcessMilliseconds() - cpu);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void SearchRatios(int pageTarget, int queryCount)
    {
        var plainFolder = Path.Combine(Path.GetTempPath(), $"scanarchive-encbench-plain-{Guid.NewGuid():N}");
        var encryptedFolder = Path.Combine(Path.GetTempPath(), $"scanarchive-encbench-enc-{Guid.NewGuid():N}");
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        try
        {
            var samples = new List<SearchBench.Sample>();
            var entries = new List<SearchDocument>();
            for (var i = 0; entries.Sum(e => e.Pages.Count) < pageTarget; i++)
            {
                entries.Add(SearchBench.Synth.Entry(i, out var sample));
                samples.Add(sample);
            }

            Console.WriteLine();
            foreach (var (folder, k) in new[] { (plainFolder, (byte[]?)null), (encryptedFolder, key) })
            {
                var clock = Stopwatch.StartNew();
                using var index = new LuceneSearchIndex(folder, recreate: true, ramBufferMegabytes: 128, encryptionKey: k);
                foreach (var chunk in entries.Chunk(500))
                {
                    index.Upsert(chunk);
                }

                index.Commit();
                var size = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);
                Console.WriteLine($"index {(k is null ? "plain" : "encrypted"),-9}: {entries.Sum(e => e.Pages.Count)} pages in {clock.Elapsed.TotalSeconds:F1} s, {size / 1e6:F1} MB");
            }

            using var plain = new LuceneSearchIndex(plainFolder);
            using var encrypted = new LuceneSearchIndex(encryptedFolder, encryptionKey: key);
            SearchBench.Sample Pick(Random r) => samples[r.Next(samples.Count)];
            var kinds = new List<(string Kind, Func<Random, string> Make)>
            {
                ("term (en)", SearchBench.Synth.EnglishTerm),
                ("term (zh, 2 chars)", r => SearchBench.Synth.ChineseWord(r, 2)),
                ("two terms (en+zh)", r => $"{SearchBench.Synth.EnglishTerm(r)} {SearchBench.Synth.ChineseWord(r, 2)}"),
                ("phrase (en)", r => $"\"{Pick(r).Phrase}\""),
                ("id number", r => Pick(r).IdNumber),
                ("phone (spaced)", r => SearchBench.Synth.Spaced(Pick(r).Phone)),
                ("customer name (zh)", r => Pick(r).CustomerName),
                ("fuzzy ~1", r => SearchBench.Synth.Typo(r, Pick(r).LongWord) + "~1"),
            };

            var warm = new Random(1);
            for (var i = 0; i < 30; i++)
            {
                foreach (var (_, make) in kinds)
                {
                    var text = make(warm);
                    plain.Search(new SearchQuery { Text = text });
                    encrypted.Search(new SearchQuery { Text = text });
                }
            }

            Console.WriteLine();
            Console.WriteLine("search latency, same queries on both, alternating (wall ms; CPU ms of the querying thread)");
            Console.WriteLine($"{"query kind",-20} {"plain p50",9} {"p95",7} {"enc p50",8} {"p95",7} {"p95 ratio",9} {"cpu p95 ratio",13}");
            var allPlain = new List<double>();
            var allEncrypted = new List<double>();
            var allPlainCpu = new List<double>();
            var allEncryptedCpu = new List<double>();
            var random = new Random(20261206);
            foreach (var (kind, make) in kinds)
            {
                var p = new List<double>();
                var e = new List<double>();
                var pc = new List<double>();
                var ec = new List<double>();
                for (var i = 0; i < queryCount; i++)
                {
                    var text = make(random);
                    foreach (var (index, wall, cpu) in i % 2 == 0 ? new[] { (plain, p, pc), (encrypted, e, ec) } : [(encrypted, e, ec), (plain, p, pc)])
                    {
                        var cpuBefore = CpuClock.ThreadMilliseconds();
                        var clock = Stopwatch.StartNew();
                        index.Search(new SearchQuery { Text = text });
                        wall.Add(clock.Elapsed.TotalMilliseconds);
                        cpu.Add(CpuClock.ThreadMilliseconds() - cpuBefore);
                    }
                }

                allPlain.AddRange(p);
                allEncrypted.AddRange(e);
                allPlainCpu.AddRange(pc);
                allEncryptedCpu.AddRange(ec);
                Console.WriteLine($"{kind,-20} {Percentile(p, 50),9:F2} {Percentile(p, 95),7:F2} {Percentile(e, 50),8:F2} {Percentile(e, 95),7:F2} {Percentile(e, 95) / Percentile(p, 95),9:F3} {Percentile(ec, 95) / Percentile(pc, 95),13:F3}");
            }

            Console.WriteLine($"{"all kinds",-20} {Percentile(allPlain, 50),9:F2} {Percentile(allPlain, 95),7:F2} {Percentile(allEncrypted, 50),8:F2} {Percentile(allEncrypted, 95),7:F2} {Percentile(allEncrypted, 95) / Percentile(allPlain, 95),9:F3} {Percentile(allEncryptedCpu, 95) / Percentile(allPlainCpu, 95),13:F3}  (target ≤ 1.20)");
        }
        finally
        {
            foreach (var folder in new[] { plainFolder, encryptedFolder }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static double Median(IEnumerable<double> values) => Percentile(values.ToList(), 50);

    private static double Percentile(List<double> values, int percent)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
    }
}
