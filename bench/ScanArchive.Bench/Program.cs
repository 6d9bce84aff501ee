using ScanArchive.Bench;

// Benchmarks run by hand or by bench/*.sh, never by the test suite.
return args.FirstOrDefault() switch
{
    "ocr-throughput" => await OcrThroughput.RunAsync(args[1..]),
    "pdf" => await PdfSize.RunAsync(args[1..]),
    "search" => SearchBench.Run(args[1..]),
    "encryption" => EncryptionBench.Run(args[1..]),
    "fields-extract" => FieldExtraction.Run(args[1..]),
    "fields-debug" => FieldDebug.Run(args[1..]),
    "quality" => await QualityBench.RunAsync(args[1..]),
    "quality-stages" => QualityStages.Run(args[1..]),
    "encode" => EncodeBench.Run(args[1..]),
    "orientation-by-recognition" => await OrientationByRecognition.RunAsync(args[1..]),
    "deskew-time" => DeskewBench.Time(args[1..]),
    "rotate-time" => RotateBench.Run(args[1..]),
    "deskew" => await DeskewBench.RunAsync(args[1..]),
    "deblur" => await DeblurBench.RunAsync(args[1..]),
    "blur" => BlurBench.Run(args[1..]),
    "content-area" => await ContentAreaBench.RunAsync(args[1..]),
    "han-orientation-train" => HanOrientationBench.Train(args[1..]),
    "han-orientation" => HanOrientationBench.Check(args[1..]),
    "skew-copies" => SkewCopies.Run(args[1..]),
    "ocr-straightened" => await OcrAfterStraightening.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ScanArchive.Bench ocr-throughput [--workers N] [--lang L] [--repeat R] PAGE...");
    Console.Error.WriteLine("       ScanArchive.Bench pdf --out DIR [--workers N] [--lang L] [--overhead] FILE...");
    Console.Error.WriteLine("       ScanArchive.Bench search [--pages N] [--queries N] [--threads N] [--index DIR] [--keep]");
    Console.Error.WriteLine("       ScanArchive.Bench encryption [--documents N] [--rounds N] [--pages N] [--queries N]");
    Console.Error.WriteLine("       ScanArchive.Bench quality --samples DIR --out DIR [--datasets DIR] [--ocr] [--timing-only]");
    Console.Error.WriteLine("       ScanArchive.Bench quality-stages [--each [--turn N]] PAGE...");
    Console.Error.WriteLine("       ScanArchive.Bench encode PAGE...");
    Console.Error.WriteLine("       ScanArchive.Bench orientation-by-recognition [--lang L] PAGE...");
    Console.Error.WriteLine("       ScanArchive.Bench deskew --out DIR [--min DEG] [--lang L] INPUT...");
    Console.Error.WriteLine("       ScanArchive.Bench deskew-time DEGREES cubic,bilinear PAGE...");
    Console.Error.WriteLine("       ScanArchive.Bench rotate-time [--angles 1,4,8,12] [PAGE]");
    Console.Error.WriteLine("       ScanArchive.Bench han-orientation-train [--out FILE]");
    Console.Error.WriteLine("       ScanArchive.Bench han-orientation PAGE...");
    Console.Error.WriteLine("       ScanArchive.Bench skew-copies --out DIR --angles A,B,... PAGE...");
    Console.Error.WriteLine("       ScanArchive.Bench ocr-straightened PAGE...");
    Console.Error.WriteLine("       ScanArchive.Bench blur --samples DIR --out DIR [--datasets DIR] [--set tune|holdout|real|all]");
    Console.Error.WriteLine("       ScanArchive.Bench deblur --samples DIR --out DIR [--methods none,cleaner,wiener:0.01,...] [--sigmas 3,4,5,6] [--jpeg Q] [--pages N] [--calibrate]");
    return 2;
}
