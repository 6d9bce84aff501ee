using System.CommandLine;
using ScanArchive.Application;
using ScanArchive.Application.Keys;
using ScanArchive.Application.Searching;
using ScanArchive.Core.Text;

namespace ScanArchive.Cli.Commands;

/// <summary><c>encrypt</c>: migrates a plain data folder to encryption at rest (resumable).</summary>
internal static class EncryptCommand
{
    public static Command Create()
    {
        var command = new Command("encrypt", "Encrypt an existing plain data folder in place (resumable; stop the server first). / 加密现有的未加密数据目录（可续做）。");
        command.SetAction((result, cancellationToken) => ArchiveSession.RunAsync(result, context =>
        {
            var culture = context.Culture;
            var outcome = new KeyService(context.Get<ArchiveHost>()).Encrypt(context.Actor, null, cancellationToken);
            if (outcome is null)
            {
                Console.WriteLine(UserMessages.Pick("数据目录已加密，无需迁移。", "The data folder is already encrypted; nothing to do.", culture));
                return Task.FromResult(ExitCodes.Success);
            }

            var entries = context.Get<SearchService>().Reindex(context.Actor, null, cancellationToken);
            var status = new KeyService(context.Get<ArchiveHost>()).Status(context.Actor);
            Console.WriteLine(UserMessages.Pick(
                $"已加密：{outcome.FilesEncrypted} 个文件，数据库{(outcome.DatabaseEncrypted ? "已转换" : "此前已转换")}，检索索引已重建（{entries} 个条目）。密钥：{status.KeyPlace}——请把它备份到数据目录之外的安全位置。",
                $"Encrypted: {outcome.FilesEncrypted} file(s), the database {(outcome.DatabaseEncrypted ? "converted" : "already converted")}, the search index rebuilt ({entries} entries). Key: {status.KeyPlace} — back it up somewhere safe, outside the data folder.",
                culture));
            Console.WriteLine(UserMessages.Pick(
                "注意：旧的未加密数据所在的磁盘块未被擦除；如需要，请擦除空闲空间或使用全盘加密。",
                "Note: the disk blocks that held the plain data were freed, not wiped; wipe free space or use full-disk encryption if that matters.",
                culture));
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }
}
