namespace ScanArchive.Ocr.Paddle;

/// <summary>How the PP-OCR engines are set up.</summary>
public sealed record PaddleOptions
{
    /// <summary>
    /// Longest side (px) the page is shrunk to for text detection, a multiple of 32. PaddleOCR's default is 960;
    /// a 300-dpi A4 page then shows 10-pt text about 9 px tall, which the detector still finds, and the
    /// 4961×7016 receipt scan that took 40–80 s at full size costs what an A4 page does.
    /// </summary>
    public const int DefaultMaxDetectionSide = 1600;

    /// <summary>Folder with the model files; null: see <see cref="PaddleModelFiles.Locate"/>.</summary>
    public string? ModelsPath { get; init; }

    /// <summary>Number of workers, each with its own set of ONNX sessions; default: processor count.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// ONNX Runtime threads per session; default: the cores divided among the workers (at least 1), so that N
    /// workers never run more than the machine's cores.
    /// </summary>
    public int? IntraOpThreads { get; init; }

    /// <summary>See <see cref="DefaultMaxDetectionSide"/>.</summary>
    public int MaxDetectionSide { get; init; } = DefaultMaxDetectionSide;

    /// <summary>Run the direction classifier on each line (finds upside-down lines).</summary>
    public bool ClassifyDirection { get; init; } = true;

    /// <summary>The threads each session may use.</summary>
    internal int ThreadsPerWorker => IntraOpThreads is int n and > 0 ? n : Math.Max(1, Environment.ProcessorCount / Math.Max(1, Workers));
}
