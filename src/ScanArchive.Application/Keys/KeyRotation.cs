namespace ScanArchive.Application.Keys;

/// <summary>The outcome of a key rotation.</summary>
/// <param name="KeyPlace">Where the new key-encryption key was written.</param>
/// <param name="Fingerprint">Its public fingerprint (also in <c>encryption.json</c> and the audit record).</param>
public sealed record KeyRotation(string KeyPlace, string Fingerprint);
