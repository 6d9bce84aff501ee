namespace ScanArchive.Application.Keys;

/// <summary>Encryption of a data folder at a glance.</summary>
/// <param name="DataFolder">The folder.</param>
/// <param name="Encrypted">True when its database, files and index are encrypted.</param>
/// <param name="KeyPlace">Where its key-encryption key is looked for (file, folder or environment variable).</param>
public sealed record KeyStatus(string DataFolder, bool Encrypted, string KeyPlace);
