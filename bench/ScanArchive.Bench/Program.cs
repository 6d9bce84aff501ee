using ScanArchive.Bench;

// Benchmarks run by hand or by bench/*.sh, never by the test suite.
return args.FirstOrDefault() switch
{
    "ocr-throughput" => await OcrThroughput.RunAsync(args[1..]),
    "quality-dump" => QualityDump.Run(args[1..]),
    "osd-probe" => OsdProbe.Run(args[1..]),
    "quality" => await QualityBench.RunAsync(args[1..]),
    "stages" => StageProbe.Run(args[1..]),
    "crop" => CropTool.Run(args[1..]),
    "clean" => CropTool.Clean(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ScanArchive.Bench ocr-throughput [--workers N] [--lang L] [--repeat R] PAGE...");
    return 2;
}
