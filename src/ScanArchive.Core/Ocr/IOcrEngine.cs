using ScanArchive.Core.Imaging;

namespace ScanArchive.Core.Ocr;

/// <summary>Recognizes the text of page images. Implementations are safe for concurrent callers.</summary>
public interface IOcrEngine : IDisposable
{
    /// <summary>The languages the engine recognizes, e.g. <c>chi_sim+eng</c>.</summary>
    string Languages { get; }

    /// <summary>How many pages the engine can recognize at the same time.</summary>
    int Concurrency { get; }

    /// <summary>Recognizes one page.</summary>
    /// <param name="page">The page image; its <see cref="RasterImage.Dpi"/> is honoured.</param>
    /// <param name="cancellationToken">Cancels a waiting or running recognition.</param>
    /// <returns>Lines and words with boxes in <paramref name="page"/>'s pixels (after any deskew the engine applied).</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="OcrException">The engine failed.</exception>
    Task<OcrPage> RecognizeAsync(RasterImage page, CancellationToken cancellationToken = default);
}

/// <summary>An OCR engine could not be started or failed on a page.</summary>
public sealed class OcrException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OcrException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public OcrException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
