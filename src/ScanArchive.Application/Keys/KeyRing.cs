using System.Globalization;
using System.Security.Cryptography;
using ScanArchive.Archive.Security;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Text;

namespace ScanArchive.Application.Keys;

/// <summary>
/// Finds, creates and rotates a data folder's keys: the data key, wrapped in the folder's <c>encryption.json</c>, and
/// the key-encryption key that unwraps it, kept outside the folder (environment variable, configured key file, or
/// <c>&lt;key folder&gt;/&lt;key id&gt;.key</c>). Every refusal is an <see cref="ArchiveException"/> whose message says
/// what is wrong and where the key was looked for, in the user's language; nothing is written before it.
/// </summary>
public static class KeyRing
{
    private const string DatabaseFile = "archive.db";

    /// <summary>
    /// The data key for the folder: unwrapped from an encrypted folder; created (with its key file) for a new one;
    /// null for an existing plain folder (encrypt it with <c>encrypt</c>).
    /// </summary>
    /// <exception cref="ArchiveException">The key is missing, wrong, unsafe, or a migration is unfinished.</exception>
    public static DataKey? Open(string dataFolder, KeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        dataFolder = Path.GetFullPath(dataFolder);
        var settings = ReadSettings(dataFolder);
        if (settings is null)
        {
            if (File.Exists(Path.Combine(dataFolder, DatabaseFile)) || !options.EncryptNewFolders)
            {
                return null;
            }

            return Create(dataFolder, options, migrating: false) ?? Open(dataFolder, options);
        }

        if (settings.Migrating)
        {
            throw Refusal(dataFolder, "数据目录正在加密迁移中，尚未完成：请再次运行 ./scanarchive encrypt 完成迁移。", "The data folder is being encrypted and the migration has not finished: run ./scanarchive encrypt again to complete it.");
        }

        return Unwrap(dataFolder, settings, options, prune: true);
    }

    /// <summary>Where the folder's key-encryption key is looked for (for messages and <c>keys status</c>).</summary>
    public static string KeyPlace(string dataFolder, KeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = ReadSettings(Path.GetFullPath(dataFolder));
        return options.Key is not null ? "$" + KeyOptions.KeyVariable
            : options.KeyFile ?? (settings is null ? options.KeyFolder : DefaultKeyFile(options, settings.KeyId));
    }

    /// <summary>True when the folder is encrypted (has its <c>encryption.json</c> and no unfinished migration).</summary>
    public static bool IsEncrypted(string dataFolder) => ReadSettings(Path.GetFullPath(dataFolder)) is { Migrating: false };

    /// <summary>
    /// Starts (or resumes) the encryption of a plain folder: creates its keys marked as migrating, or unwraps them when
    /// an earlier run made them. Null when the folder is already encrypted.
    /// </summary>
    internal static DataKey? BeginMigration(string dataFolder, KeyOptions options)
    {
        dataFolder = Path.GetFullPath(dataFolder);
        var settings = ReadSettings(dataFolder);
        if (settings is { Migrating: false })
        {
            return null;
        }

        return settings is null
            ? Create(dataFolder, options, migrating: true) ?? BeginMigration(dataFolder, options)
            : Unwrap(dataFolder, settings, options, prune: false);
    }

    /// <summary>Marks a migration complete: from now on the folder opens encrypted only.</summary>
    internal static void FinishMigration(string dataFolder)
    {
        var settings = ReadSettings(dataFolder) ?? throw new InvalidOperationException("No encryption settings.");
        (settings with { Migrating = false }).Write(dataFolder);
    }

    /// <summary>
    /// Re-wraps the data key under a new key-encryption key; the encrypted data is not touched. With a key file (or
    /// the default key folder) the file is replaced; with the key in <see cref="KeyOptions.KeyVariable"/>, the new key
    /// is written to <paramref name="newKeyFile"/>, and the old one keeps working until the first start with the new
    /// one. Crash-safe: the new wrapping is added before the key file changes, the old one removed after.
    /// </summary>
    /// <returns>Where the new key is, and its fingerprint.</returns>
    public static (string Place, string Fingerprint) Rotate(string dataFolder, KeyOptions options, string? newKeyFile = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        dataFolder = Path.GetFullPath(dataFolder);
        var settings = ReadSettings(dataFolder);
        if (settings is null || settings.Migrating)
        {
            throw Refusal(dataFolder, "此数据目录未加密，没有可轮换的密钥（先运行 ./scanarchive encrypt）。", "This data folder is not encrypted; there is no key to rotate (run ./scanarchive encrypt first).");
        }

        using var dataKey = Unwrap(dataFolder, settings, options, prune: false);
        var target = newKeyFile is not null ? Path.GetFullPath(newKeyFile)
            : options.Key is not null ? throw Refusal(dataFolder, $"密钥来自环境变量 {KeyOptions.KeyVariable}：请用 --out 指定新密钥文件的位置（数据目录之外），再把新密钥放入该变量。", $"The key comes from the environment variable {KeyOptions.KeyVariable}: give --out FILE (outside the data folder) for the new key, then put the new key into that variable.")
            : options.KeyFile ?? DefaultKeyFile(options, settings.KeyId);
        RefuseInside(dataFolder, target);

        var kek = KeyWrap.NewKey();
        try
        {
            var fingerprint = KeyWrap.Fingerprint(kek);
            var added = settings with { Wrappings = [.. settings.Wrappings, new EncryptionSettings.Wrapping(fingerprint, Convert.ToBase64String(KeyWrap.Wrap(dataKey, kek, settings.KeyId)), DateTimeOffset.UtcNow)] };
            added.Write(dataFolder);
            WriteKeyFile(target, kek, replace: true);
            if (newKeyFile is null)
            {
                (added with { Wrappings = added.Wrappings.Where(w => w.Kek == fingerprint).ToList() }).Write(dataFolder);
            }

            return (target, fingerprint);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(kek);
        }
    }

    private static EncryptionSettings? ReadSettings(string dataFolder)
    {
        try
        {
            return EncryptionSettings.Read(dataFolder);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException)
        {
            throw Refusal(dataFolder, $"{EncryptionSettings.FileName} 已损坏：{e.Message}", $"{EncryptionSettings.FileName} is damaged: {e.Message}");
        }
    }

    /// <summary>New keys for the folder; null when another process created them first (then they are read).</summary>
    private static DataKey? Create(string dataFolder, KeyOptions options, bool migrating)
    {
        if (!Directory.Exists(dataFolder))
        {
            PrivateFiles.CreateFolder(dataFolder);
        }

        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        byte[] kek;
        if (options.Key is not null)
        {
            kek = DecodeKey(options.Key, dataFolder, "$" + KeyOptions.KeyVariable);
        }
        else
        {
            var file = options.KeyFile ?? DefaultKeyFile(options, keyId);
            RefuseInside(dataFolder, file);
            if (File.Exists(file))
            {
                kek = ReadKeyFile(file, dataFolder); // a key an administrator provisioned for this folder
            }
            else
            {
                kek = KeyWrap.NewKey();
                WriteKeyFile(file, kek, replace: false);
            }
        }

        var dataKey = DataKey.Generate();
        try
        {
            var settings = new EncryptionSettings
            {
                KeyId = keyId,
                Migrating = migrating,
                Wrappings = [new EncryptionSettings.Wrapping(KeyWrap.Fingerprint(kek), Convert.ToBase64String(KeyWrap.Wrap(dataKey, kek, keyId)), DateTimeOffset.UtcNow)],
            };
            if (settings.Write(dataFolder, exclusive: true))
            {
                return dataKey;
            }

            dataKey.Dispose();
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(kek);
        }
    }

    private static DataKey Unwrap(string dataFolder, EncryptionSettings settings, KeyOptions options, bool prune)
    {
        string place;
        byte[] kek;
        if (options.Key is not null)
        {
            place = "$" + KeyOptions.KeyVariable;
            kek = DecodeKey(options.Key, dataFolder, place);
        }
        else
        {
            place = options.KeyFile ?? DefaultKeyFile(options, settings.KeyId);
            if (!File.Exists(place))
            {
                throw Refusal(dataFolder,
                    $"此数据目录已加密，但找不到它的密钥（密钥 ID {settings.KeyId}）：{place} 不存在。请把密钥文件放回该处，或用 {KeyOptions.KeyFileVariable} / {KeyOptions.KeyVariable} 指定密钥。",
                    $"This data folder is encrypted but its key (key id {settings.KeyId}) is missing: {place} does not exist. Put the key file back there, or point {KeyOptions.KeyFileVariable} / {KeyOptions.KeyVariable} at the key.");
            }

            kek = ReadKeyFile(place, dataFolder);
        }

        try
        {
            var fingerprint = KeyWrap.Fingerprint(kek);
            var wrapping = settings.Wrappings.FirstOrDefault(w => w.Kek == fingerprint);
            var dataKey = wrapping is null ? null : KeyWrap.Unwrap(Convert.FromBase64String(wrapping.Key), kek, settings.KeyId);
            if (dataKey is null)
            {
                throw Refusal(dataFolder,
                    $"密钥错误：{place} 中的密钥（指纹 {fingerprint}）不是此数据目录的密钥（密钥 ID {settings.KeyId}）。未写入任何内容。",
                    $"Wrong key: the key in {place} (fingerprint {fingerprint}) is not this data folder's key (key id {settings.KeyId}). Nothing was written.");
            }

            // After a rotation, the first start with the newest key drops the older wrappings.
            if (prune && settings.Wrappings.Count > 1 && wrapping!.Created >= settings.Wrappings.Max(w => w.Created))
            {
                (settings with { Wrappings = [wrapping] }).Write(dataFolder);
            }

            return dataKey;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(kek);
        }
    }

    private static string DefaultKeyFile(KeyOptions options, string keyId) => Path.Combine(options.KeyFolder, keyId + ".key");

    private static byte[] ReadKeyFile(string path, string dataFolder)
    {
        if (PrivateFiles.IsShared(path))
        {
            throw Refusal(dataFolder,
                $"密钥文件 {path} 可被其他账户读取或写入；请执行 chmod 600 {path} 后再试。",
                $"The key file {path} can be read or written by other accounts; run chmod 600 {path} and try again.");
        }

        return DecodeKey(File.ReadAllText(path), dataFolder, path);
    }

    private static byte[] DecodeKey(string text, string dataFolder, string place)
    {
        try
        {
            var key = Convert.FromBase64String(text.Trim());
            if (key.Length == KeyWrap.KeySize)
            {
                return key;
            }
        }
        catch (FormatException)
        {
        }

        throw Refusal(dataFolder, $"{place} 不是有效的密钥（应为 32 字节的 base64）。", $"{place} does not hold a valid key (expected base64 of 32 bytes).");
    }

    /// <summary>Writes a key file (0600 in a 0700 folder) through a temporary name, so it is whole or absent.</summary>
    private static void WriteKeyFile(string path, byte[] kek, bool replace)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            PrivateFiles.CreateFolder(folder);
        }

        var temp = path + $".{Guid.NewGuid():N}.part";
        try
        {
            using (var file = new FileStream(temp, PrivateFiles.NewFile()))
            using (var writer = new StreamWriter(file))
            {
                writer.WriteLine(Convert.ToBase64String(kek));
                writer.Flush();
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: replace);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static void RefuseInside(string dataFolder, string keyFile)
    {
        var full = Path.GetFullPath(keyFile);
        if (full.StartsWith(dataFolder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw Refusal(dataFolder, $"密钥文件 {full} 位于数据目录之内；密钥必须保存在数据目录之外。", $"The key file {full} is inside the data folder; the key must be kept outside it.");
        }
    }

    private static ArchiveException Refusal(string dataFolder, string zh, string en) =>
        new(ArchiveProblem.Unreadable, Path.Combine(dataFolder, DatabaseFile), UserMessages.Pick(zh, en, CultureInfo.CurrentUICulture));
}
