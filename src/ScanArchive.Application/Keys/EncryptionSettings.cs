using System.Text.Json;
using System.Text.Json.Serialization;
using ScanArchive.Archive.Security;

namespace ScanArchive.Application.Keys;

/// <summary>
/// <c>encryption.json</c> in the data folder: which key id the folder has and its data key wrapped under one or more
/// key-encryption keys (two only in the middle of a rotation). Nothing in it is secret without the key file.
/// </summary>
internal sealed record EncryptionSettings
{
    public const string FileName = "encryption.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public int Format { get; init; } = 1;

    public required string KeyId { get; init; }

    public string Cipher { get; init; } = "AES-256-GCM (files, index: 64/4 KiB chunks); LiteDB AES (database)";

    /// <summary>True while <c>encrypt</c> is migrating a plain folder (the archive refuses to open until it finishes).</summary>
    public bool Migrating { get; init; }

    public required IReadOnlyList<Wrapping> Wrappings { get; init; }

    public static string PathIn(string dataFolder) => Path.Combine(dataFolder, FileName);

    public static EncryptionSettings? Read(string dataFolder)
    {
        var path = PathIn(dataFolder);
        if (!File.Exists(path))
        {
            return null;
        }

        return JsonSerializer.Deserialize<EncryptionSettings>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    /// <summary>Writes atomically (temp, flush, rename), private; with <paramref name="exclusive"/>, fails when another process wrote one first.</summary>
    public bool Write(string dataFolder, bool exclusive = false)
    {
        var path = PathIn(dataFolder);
        var temp = path + $".{Guid.NewGuid():N}.part";
        try
        {
            using (var file = new FileStream(temp, PrivateFiles.NewFile()))
            {
                JsonSerializer.Serialize(file, this, Json);
                file.Flush(flushToDisk: true);
            }

            if (exclusive)
            {
                try
                {
                    File.Move(temp, path, overwrite: false);
                }
                catch (IOException) when (File.Exists(path))
                {
                    return false;
                }
            }
            else
            {
                File.Move(temp, path, overwrite: true);
            }

            return true;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The data key wrapped under one key-encryption key.</summary>
    /// <param name="Kek">The key-encryption key's fingerprint (<see cref="KeyWrap.Fingerprint"/>).</param>
    /// <param name="Key">Nonce, ciphertext and tag, base64.</param>
    /// <param name="Created">When this wrapping was made (the newest is the current key after a rotation).</param>
    internal sealed record Wrapping(string Kek, string Key, DateTimeOffset Created);
}
