namespace ScanArchive.Core.Capture;

/// <summary>A completely written file in a watch folder, handed out once for import.</summary>
/// <param name="Path">Full path of the file (still in the watch folder until completed or failed).</param>
/// <param name="Name">File name.</param>
/// <param name="Length">Size in bytes when it was found complete.</param>
/// <param name="Sha256">SHA-256 of the content, lowercase hex: the import's idempotency key.</param>
/// <param name="IsRetry">
/// True when an earlier run handed this content out and stopped before it was completed or failed (crash or restart):
/// the importer must check whether the content is already archived (by <paramref name="Sha256"/>) before importing.
/// </param>
public sealed record WatchedFile(string Path, string Name, long Length, string Sha256, bool IsRetry);
