namespace ScanArchive.Imaging;

/// <summary>A TurboJPEG call failed; the message is TurboJPEG's own.</summary>
internal sealed class TurboJpegException(string message) : Exception(message);
