namespace ScanArchive.Ocr;

/// <summary>How the Tesseract engines are set up.</summary>
public sealed record TesseractOptions
{
    /// <summary>Default languages: Chinese first so that Chinese runs come out without spaces; English unchanged.</summary>
    public const string DefaultLanguages = "chi_sim+eng";

    /// <summary>Tesseract language names joined with '+'.</summary>
    public string Languages { get; init; } = DefaultLanguages;

    /// <summary>A folder to look for <c>*.traineddata</c> in before the project's <c>tessdata/</c> and the system's.</summary>
    public string? TessdataPath { get; init; }

    /// <summary>Number of engines (one per worker thread); default: processor count.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Page segmentation mode. 3 = fully automatic layout, like the tesseract CLI; the C API's default (6, one
    /// uniform block) garbles forms and crawls over noisy blank pages.
    /// </summary>
    public int PageSegMode { get; init; } = 3;

    /// <summary>Straighten the page before recognition (a 3° form went from 0/7 to 7/7 values right).</summary>
    public bool Deskew { get; init; } = true;

    /// <summary>Enlarge pages whose text is too small for the recognizer (faxes, 100-dpi scans).</summary>
    public bool UpscaleSmallText { get; init; } = true;

    /// <summary>
    /// Also render each page's text as an invisible-text PDF (<see cref="Core.Ocr.OcrPage.TextLayerPdf"/>) for
    /// searchable PDFs. Costs a few milliseconds and ~3–6 KB per page; off by default.
    /// </summary>
    public bool RenderTextLayer { get; init; }

    /// <summary>
    /// Languages of the engines that reread suspicious pieces of Chinese pages one line at a time, the most
    /// confident reading winning: engines separated by ',', languages of one engine joined by '+'. Default
    /// <c>HanS</c> (Tesseract's Han-script model, Debian package tesseract-ocr-script-hans). Null or empty turns
    /// the second look off; it is also off when <see cref="Languages"/> hold no <c>chi_sim</c> or the data is missing.
    /// </summary>
    public string? LineRecheckLanguages { get; init; } = "HanS";

    /// <summary>Extra Tesseract variables, set after initialization.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
}
