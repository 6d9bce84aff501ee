namespace ScanArchive.Core.Ocr;

/// <summary>Which recognition engine reads the pages (<c>--engine</c>, a scan profile's <c>engine</c>).</summary>
public enum OcrEngineChoice
{
    /// <summary>
    /// Tesseract reads every page; pages with Chinese are also read by PP-OCR, and each line comes from the engine
    /// that reads it better (Chinese and mixed lines PP-OCR, Latin text Tesseract).
    /// </summary>
    Auto,

    /// <summary>Tesseract alone.</summary>
    Tesseract,

    /// <summary>PP-OCR alone (PaddleOCR's PP-OCRv4 models); the searchable PDF's text layer still comes from Tesseract.</summary>
    Paddle,
}
