using ScanArchive.Core.Documents;

namespace ScanArchive.Archive.Security;

/// <summary>
/// Lets a document reader that opens paths read the archive's encrypted originals: a path inside the store that holds
/// an encrypted file is decrypted into a <see cref="PlaintextCopy"/> for exactly as long as its pages are enumerated.
/// Other paths (incoming files, plain stores) go straight through.
/// </summary>
internal sealed class PlaintextDocumentReader(IDocumentReader inner, Func<string, Stream?> openEncrypted, string scratchFolder) : IDocumentReader
{
    public DocumentFormat Identify(string path)
    {
        using var plain = openEncrypted(path);
        if (plain is null)
        {
            return inner.Identify(path);
        }

        using var copy = PlaintextCopy.Of(plain, scratchFolder);
        return inner.Identify(copy.Path);
    }

    public IEnumerable<DocumentPage> ReadPages(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Read(path);
    }

    private IEnumerable<DocumentPage> Read(string path)
    {
        PlaintextCopy? copy;
        using (var plain = openEncrypted(path))
        {
            copy = plain is null ? null : PlaintextCopy.Of(plain, scratchFolder);
        }

        using (copy)
        {
            foreach (var page in inner.ReadPages(copy?.Path ?? path))
            {
                yield return page;
            }
        }
    }
}
