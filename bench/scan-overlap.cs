#:project ../src/ScanArchive.Capture/ScanArchive.Capture.csproj
#:project ../src/ScanArchive.Ocr/ScanArchive.Ocr.csproj
#:project ../src/ScanArchive.Imaging/ScanArchive.Imaging.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true

// Scan/OCR overlap: does OCR of page n run while the scanner pulls page n+1?
// A 10-sheet feeder batch from the virtual test:0 scanner (slowed with its read-delay option) through the scan worker,
// measured three ways in the same run: scan only, OCR only, and both overlapped (each page's OCR starts the moment the
// page arrives). The issue's bar: overlapped <= max(scan, OCR) + one page's OCR.
// The test backend draws synthetic pictures, so the OCR input is the sample-scans document pages, one per scanned
// sheet, in arrival order: the scan timing is real, the OCR cost is that of real pages.
// Usage: bench/scan-overlap.sh [--sheets N] [--delay-us D] [--workers W]   (D: the backend's pause after each buffer it
// produces; the default gives ~1 s per sheet here. Make scan and OCR times comparable to see the overlap best.)
using System.Diagnostics;
using System.Globalization;
using ScanArchive.Capture.Sane;
using ScanArchive.Capture.Worker;
using ScanArchive.Core.Capture;
using ScanArchive.Core.Imaging;
using ScanArchive.Imaging;
using ScanArchive.Ocr;

var repo = args[0];
var cliDll = args[1];
var sheets = 10;
var delayUs = 50000; // per pipe buffer the test backend produces: ~1 s per 300-dpi grey A4 sheet here
var workers = Environment.ProcessorCount;
for (var i = 2; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--sheets": sheets = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--delay-us": delayUs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--workers": workers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: throw new ArgumentException($"unknown argument {args[i]}");
    }
}

var reader = new DocumentReader();
var documents = Directory.EnumerateFiles(Path.Combine(repo, "sample-scans"))
    .Where(f => !Path.GetFileName(f).StartsWith("qc-", StringComparison.Ordinal) && f.EndsWith(".jpg", StringComparison.Ordinal))
    .Order(StringComparer.Ordinal)
    .Select(f => reader.ReadPages(f).First().Image!)
    .ToList();
var ocrPages = Enumerable.Range(0, sheets).Select(i => documents[i % documents.Count]).ToList();

var dataFolder = Path.Combine(Path.GetTempPath(), $"scan-overlap-{Environment.ProcessId}");
var client = new ScanWorkerClient(new ScanWorkerOptions
{
    StartInfo = () => ScanWorkerCommand.ForAssembly(cliDll),
    SaneConfigDir = SaneConfigFolder.EnsureProjectFolder(Path.Combine(dataFolder, SaneConfigFolder.FolderName)),
});
var settings = new ScanSettings
{
    Device = "test:0",
    Source = ScanSource.Feeder,
    Dpi = 300,
    Mode = ColorMode.Gray,
    Area = ScanAreaMm.A4,
    MaxPages = sheets,
    Options = [new("test-picture", "Grid"), new("read-delay", "yes"), new("read-delay-duration", delayUs.ToString(CultureInfo.InvariantCulture))],
};

using var pool = TesseractEnginePool.Create(new TesseractOptions { Workers = workers });
await pool.RecognizeAsync(documents[0]); // warm-up: engine start-up and first-page costs are not overlap

Console.WriteLine($"{sheets} sheets, 300 dpi grey A4, read delay {delayUs} us per 64 KB, {workers} OCR workers, {Environment.ProcessorCount} cores (load {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");

// 1. Scan only.
var clock = Stopwatch.StartNew();
var scanned = 0;
await foreach (var page in client.ScanAsync(settings))
{
    scanned++;
}

var scanSeconds = clock.Elapsed.TotalSeconds;
if (scanned != sheets)
{
    throw new InvalidOperationException($"scanned {scanned} of {sheets} sheets");
}

// 2. OCR only: all pages submitted at once; the pool runs `workers` at a time.
var latencies = new double[sheets];
clock.Restart();
await Task.WhenAll(ocrPages.Select(async (p, i) =>
{
    var start = clock.Elapsed;
    await pool.RecognizeAsync(p);
    latencies[i] = (clock.Elapsed - start).TotalSeconds;
}));
var ocrSeconds = clock.Elapsed.TotalSeconds;
// One page's OCR on its own: the OCR-only wall time per page times the number running at once.
var onePageOcr = ocrSeconds / sheets * Math.Min(workers, sheets);

// 3. Both, overlapped: a page's OCR is queued the moment it arrives; the scan loop never waits for OCR.
clock.Restart();
var pending = new List<Task>();
var arrived = 0;
await foreach (var page in client.ScanAsync(settings))
{
    pending.Add(pool.RecognizeAsync(ocrPages[arrived++]));
}

var scanDoneInOverlap = clock.Elapsed.TotalSeconds;
await Task.WhenAll(pending);
var bothSeconds = clock.Elapsed.TotalSeconds;

var bound = Math.Max(scanSeconds, ocrSeconds) + onePageOcr;
Console.WriteLine();
Console.WriteLine($"{"scan only",-34} {scanSeconds,7:F1} s  ({scanSeconds / sheets:F2} s/sheet)");
Console.WriteLine($"{"OCR only",-34} {ocrSeconds,7:F1} s  (one page ≈ {onePageOcr:F2} s)");
Console.WriteLine($"{"scan then OCR (no overlap)",-34} {scanSeconds + ocrSeconds,7:F1} s");
Console.WriteLine($"{"overlapped",-34} {bothSeconds,7:F1} s  (scan part {scanDoneInOverlap:F1} s)");
Console.WriteLine($"{"bound max(scan, OCR) + 1 page OCR",-34} {bound,7:F1} s");
Console.WriteLine();
Console.WriteLine($"overlapped / bound = {bothSeconds / bound:F2}  (<= 1.00 meets the bar)");
Console.WriteLine($"overlapped / (scan + OCR) = {bothSeconds / (scanSeconds + ocrSeconds):F2}");
Directory.Delete(dataFolder, recursive: true);
return bothSeconds <= bound ? 0 : 1;
