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

    /// <summary>Recognizes one page that the quality step has already looked at.</summary>
    /// <param name="page">The page image; its <see cref="RasterImage.Dpi"/> is honoured.</param>
    /// <param name="hints">What the quality step found; an engine may ignore them (the default does).</param>
    /// <param name="cancellationToken">Cancels a waiting or running recognition.</param>
    /// <returns>Lines and words with boxes in <paramref name="page"/>'s pixels.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="OcrException">The engine failed.</exception>
    Task<OcrPage> RecognizeAsync(RasterImage page, OcrHints hints, CancellationToken cancellationToken = default) =>
        RecognizeAsync(page, cancellationToken);
}

/// <summary>
/// What the quality step already knows about a page, so that the engine does not work it out again: whether the page
/// has been straightened (no second skew search) and where its content lies (the margins need no layout analysis).
/// </summary>
/// <param name="Straightened">The page was measured for skew and straightened where it needed it.</param>
/// <param name="ContentArea">The part of the page holding all its marks, with a margin; null when unknown (read the whole page).</param>
public sealed record OcrHints(bool Straightened, PixelBox? ContentArea);

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
