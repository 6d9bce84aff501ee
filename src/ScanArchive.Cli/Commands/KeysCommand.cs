using System.CommandLine;
using ScanArchive.Application;
using ScanArchive.Application.Keys;
using ScanArchive.Core.Text;

namespace ScanArchive.Cli.Commands;

/// <summary><c>keys status</c> and <c>keys rotate</c>: the data folder's encryption key, for administrators.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "The data folder's encryption key: status, rotate. / 数据目录的加密密钥：状态、轮换。");
        command.Subcommands.Add(Status());
        command.Subcommands.Add(Rotate());
        return command;
    }

    private static Command Status()
    {
        var command = new Command("status", "Whether the data folder is encrypted and where its key is. / 是否已加密及密钥位置。");
        command.SetAction(result => ArchiveSession.Run(result, context =>
        {
            var status = new KeyService(context.Get<ArchiveHost>()).Status(context.Actor);
            Console.WriteLine(status.Encrypted
                ? UserMessages.Pick($"已加密：{status.DataFolder}\n密钥：{status.KeyPlace}", $"Encrypted: {status.DataFolder}\nKey: {status.KeyPlace}", context.Culture)
                : UserMessages.Pick($"未加密：{status.DataFolder}（运行 ./scanarchive encrypt 加密）", $"Not encrypted: {status.DataFolder} (run ./scanarchive encrypt)", context.Culture));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Rotate()
    {
        var output = new Option<string?>("--out") { Description = "Write the new key to this file (outside the data folder); required when the key comes from $SCANARCHIVE_KEY. / 新密钥写入此文件。" };
        var command = new Command("rotate", "Re-wrap the data key under a new key-encryption key (the data is not re-encrypted). / 轮换密钥加密密钥。");
        command.Options.Add(output);
        command.SetAction(result => ArchiveSession.Run(result, context =>
        {
            var rotation = new KeyService(context.Get<ArchiveHost>()).Rotate(context.Actor, result.GetValue(output));
            Console.WriteLine(UserMessages.Pick(
                $"已轮换密钥。新密钥（指纹 {rotation.Fingerprint}）：{rotation.KeyPlace}。旧密钥已失效；请更新备份中的密钥。",
                $"Key rotated. New key (fingerprint {rotation.Fingerprint}): {rotation.KeyPlace}. The old key no longer opens the folder; update the key in your backups.",
                context.Culture));
            return ExitCodes.Success;
        }));
        return command;
    }
}
