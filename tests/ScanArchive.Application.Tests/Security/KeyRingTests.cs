using Microsoft.Extensions.DependencyInjection;
using ScanArchive.Application.Keys;
using ScanArchive.Archive.Security;
using ScanArchive.Core.Archive;
using ScanArchive.TestSupport;

namespace ScanArchive.Application.Tests.Security;

public sealed class KeyRingTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private string Data => Path.Combine(_root.Path, "data");

    private string KeyFolder => Path.Combine(_root.Path, "keys");

    private KeyOptions Keys => new() { KeyFolder = KeyFolder };

    [Fact]
    public void A_new_data_folder_gets_its_key_created_outside_it_private_and_opens_again_with_it()
    {
        using (var services = Open(Keys))
        {
            services.GetRequiredService<ArchiveHost>().Store.CreateBatch("b", "clerk");
        }

        var keyFile = Assert.Single(Directory.GetFiles(KeyFolder));
        Assert.EndsWith(".key", keyFile, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Data, "encryption.json")));
        Assert.DoesNotContain(File.ReadAllText(keyFile).Trim(), File.ReadAllText(Path.Combine(Data, "encryption.json")), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(keyFile));
            Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(KeyFolder));
            Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(Data));
        }

        Assert.True(KeyRing.IsEncrypted(Data));
        using var again = Open(Keys);
        Assert.NotNull(again.GetRequiredService<ArchiveHost>().Store.FindBatch("b"));
    }

    [Fact]
    public void A_missing_key_stops_the_start_with_a_clear_message_and_nothing_written()
    {
        CreateFolder();
        File.Delete(Assert.Single(Directory.GetFiles(KeyFolder)));
        var before = Snapshot();
        using var services = Open(Keys);
        var e = Assert.Throws<ArchiveException>(() => services.GetRequiredService<ArchiveHost>().Store);
        Assert.Contains("key", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(KeyFolder, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_wrong_key_from_the_environment_is_refused_in_Chinese_or_English_and_nothing_written()
    {
        CreateFolder();
        var before = Snapshot();
        var wrong = Keys with { Key = Convert.ToBase64String(KeyWrap.NewKey()) };
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
            var zh = Assert.Throws<ArchiveException>(() => KeyRing.Open(Data, wrong));
            Assert.Contains("密钥错误", zh.Message, StringComparison.Ordinal);
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
            var en = Assert.Throws<ArchiveException>(() => KeyRing.Open(Data, wrong));
            Assert.Contains("Wrong key", en.Message, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }

        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void Rotation_rewraps_the_data_key_so_the_old_key_stops_working_and_the_data_stays_readable()
    {
        CreateFolder();
        var keyFile = Assert.Single(Directory.GetFiles(KeyFolder));
        var oldKey = File.ReadAllText(keyFile).Trim();
        using (var services = Open(Keys))
        {
            var rotation = new KeyService(services.GetRequiredService<ArchiveHost>()).Rotate(Actor.Local());
            Assert.Equal(keyFile, rotation.KeyPlace);
            Assert.Contains(services.GetRequiredService<ArchiveHost>().Store.AuditTrail(5), a => a.Action == "keys.rotate");
        }

        Assert.NotEqual(oldKey, File.ReadAllText(keyFile).Trim());
        Assert.Throws<ArchiveException>(() => KeyRing.Open(Data, Keys with { Key = oldKey }));
        using var again = Open(Keys);
        Assert.NotNull(again.GetRequiredService<ArchiveHost>().Store.FindBatch("b"));
    }

    [Fact]
    public void Rotating_a_key_held_in_the_environment_writes_the_new_key_to_a_file_and_the_old_one_retires_at_first_use_of_the_new()
    {
        var envKey = Convert.ToBase64String(KeyWrap.NewKey());
        CreateFolder(Keys with { Key = envKey });
        var newFile = Path.Combine(_root.Path, "new.key");
        using (var services = Open(Keys with { Key = envKey }))
        {
            new KeyService(services.GetRequiredService<ArchiveHost>()).Rotate(Actor.Local(), newFile);
        }

        var newKey = File.ReadAllText(newFile).Trim();
        using (KeyRing.Open(Data, Keys with { Key = envKey }))
        {
            // the old key still opens the folder until the new one has been used
        }

        using (KeyRing.Open(Data, Keys with { Key = newKey }))
        {
        }

        Assert.Throws<ArchiveException>(() => KeyRing.Open(Data, Keys with { Key = envKey }));
    }

    [Fact]
    public void A_key_file_inside_the_data_folder_or_readable_by_others_is_refused()
    {
        Assert.Throws<ArchiveException>(() => KeyRing.Open(Data, Keys with { KeyFile = Path.Combine(Data, "my.key") }));
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        CreateFolder();
        var keyFile = Assert.Single(Directory.GetFiles(KeyFolder));
        File.SetUnixFileMode(keyFile, PrivateFiles.FileMode | UnixFileMode.OtherRead);
        var e = Assert.Throws<ArchiveException>(() => KeyRing.Open(Data, Keys));
        Assert.Contains("chmod 600", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_plain_folder_stays_readable_until_encrypt_migrates_it_resumably()
    {
        string number;
        using (var plain = Open(Keys with { EncryptNewFolders = false }))
        {
            var store = plain.GetRequiredService<ArchiveHost>().Store;
            number = CommitOneEntry(store);
        }

        Assert.False(File.Exists(Path.Combine(Data, "encryption.json")));
        using (var plain = Open(Keys))
        {
            Assert.NotNull(plain.GetRequiredService<ArchiveHost>().Store.FindEntry(number));
        }

        // An interrupted run: keys made, half the files encrypted, database still plain. The archive refuses to open.
        using (var key = KeyRing.BeginMigration(Data, Keys))
        using (var store = new Archive.Storage.LiteDbArchiveStore(new Archive.Storage.ArchiveStoreOptions(Data)))
        {
            Assert.NotNull(key);
        }

        using (var refused = Open(Keys))
        {
            Assert.Throws<ArchiveException>(() => refused.GetRequiredService<ArchiveHost>().Store);
        }

        using (var services = Open(Keys))
        {
            var outcome = new KeyService(services.GetRequiredService<ArchiveHost>()).Encrypt(Actor.Local());
            Assert.NotNull(outcome);
            Assert.True(outcome.DatabaseEncrypted);
            Assert.True(outcome.FilesEncrypted > 0);
            var store = services.GetRequiredService<ArchiveHost>().Store;
            var entry = store.FindEntry(number)!;
            using var pdf = store.OpenFile(entry.Pdf);
            Assert.Equal((byte)'%', (byte)pdf.ReadByte());
            Assert.True(store.Verify().Intact);
            Assert.Contains(store.AuditTrail(5), a => a.Action == "archive.encrypt");
        }

        Assert.All(Directory.EnumerateFiles(Path.Combine(Data, "originals"), "*", SearchOption.AllDirectories), f => Assert.StartsWith("SCANAENC", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(f), 0, 8), StringComparison.Ordinal));
        using (var again = Open(Keys))
        {
            Assert.Null(new KeyService(again.GetRequiredService<ArchiveHost>()).Encrypt(Actor.Local()));
        }
    }

    private static string CommitOneEntry(IArchiveStore store)
    {
        var batch = store.CreateBatch("plain", "clerk");
        var document = store.AddDocument(batch.Id, TestPaths.SampleScan("en-invoice.jpg"), "invoice.jpg", "clerk");
        var jpeg = File.ReadAllBytes(TestPaths.SampleScan("en-invoice.jpg"));
        var ocr = new Core.Ocr.OcrPage(2480, 3508, 300, 90, "eng", [new Core.Ocr.OcrLine("invoice", new Core.Imaging.PixelBox(1, 1, 10, 10), [])]);
        store.SavePage(new PageResult(batch.Id, document.Id, 1, ocr, new EncodedPageImage(jpeg, PageImageKind.Jpeg, 2480, 3508, 300), null));
        store.UpdateDocument(document with { Status = DocumentStatus.Done, PageCount = 1 });
        store.MoveBatch(batch.Id, BatchState.Processing, "clerk");
        store.MoveBatch(batch.Id, BatchState.ReadyForReview, "clerk");
        store.ApproveBatch(batch.Id, "rita", "test");
        return store.Commit(batch.Id, "rita")[0].Number;
    }

    private void CreateFolder(KeyOptions? keys = null)
    {
        using var services = Open(keys ?? Keys);
        services.GetRequiredService<ArchiveHost>().Store.CreateBatch("b", "clerk");
    }

    private ServiceProvider Open(KeyOptions keys) =>
        new ServiceCollection().AddScanArchive(new ScanArchiveOptions { DataFolder = Data, Keys = keys }).BuildServiceProvider();

    private string Snapshot() => string.Join('\n', Directory.EnumerateFiles(_root.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        .Select(f => $"{f} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f).Ticks}"));
}
