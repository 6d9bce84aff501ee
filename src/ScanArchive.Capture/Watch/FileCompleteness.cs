namespace ScanArchive.Capture.Watch;

/// <summary>Cheap checks that a file's end is present, for formats whose end is marked.</summary>
internal static class FileCompleteness
{
    private static readonly byte[] PdfEnd = "%%EOF"u8.ToArray();
    private static readonly byte[] PngEnd = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    /// <summary>False when the file is empty or visibly cut off; true when complete or when its format has no end marker.</summary>
    public static bool LooksComplete(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length == 0)
        {
            return false;
        }

        Span<byte> head = stackalloc byte[8];
        var headLength = stream.Read(head);
        head = head[..headLength];
        var tailLength = (int)Math.Min(stream.Length, 1024);
        var tail = new byte[tailLength];
        stream.Seek(-tailLength, SeekOrigin.End);
        stream.ReadExactly(tail);

        if (head.StartsWith("%PDF"u8))
        {
            // Incremental updates append more sections, each ending with %%EOF; only the last 1 KB matters.
            return tail.AsSpan().IndexOf(PdfEnd) >= 0;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8]))
        {
            // Some scanners pad after the end-of-image marker; look for it near the end.
            return tail.AsSpan(Math.Max(0, tail.Length - 64)).IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) >= 0;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
        {
            return tail.AsSpan().EndsWith(PngEnd);
        }

        return true;
    }
}
