using System.CommandLine;
using ScanArchive.Application.Auditing;
using ScanArchive.Application.Entries;
using ScanArchive.Core.Text;

namespace ScanArchive.Cli.Commands;

/// <summary>Archive commands: entries, entry, export, verify.</summary>
internal static class EntryCommands
{
    public static IEnumerable<Command> Create() => [List(), Show(), Export(), Verify()];

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON. / 以 JSON 输出。" };

    private static Command List()
    {
        var json = JsonOption();
        var command = new Command("entries", "List archive entries. / 列出档案条目。");
        command.Options.Add(json);
        command.SetAction(result => ArchiveSession.Run(result, context =>
        {
            var culture = context.Culture;
            var entries = context.Get<EntryService>().List(context.Actor, 0, int.MaxValue);
            if (result.GetValue(json))
            {
                ArchiveSession.WriteJson(entries.Select(e => new { e.Number, e.Title, e.DocumentType, e.BatchName, Pages = e.Pages.Count, e.Fields, e.CommittedAt, e.CommittedBy }));
                return ExitCodes.Success;
            }

            if (entries.Count == 0)
            {
                Console.WriteLine(UserMessages.Pick("档案为空。", "The archive is empty.", culture));
            }

            foreach (var e in entries)
            {
                Console.WriteLine($"{e.Number}  {e.DocumentType,-22} {e.Pages.Count,3} {UserMessages.Pick("页", "p", culture)}  {e.CommittedAt.ToLocalTime():yyyy-MM-dd}  {e.Title}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show()
    {
        var number = new Argument<string>("number") { Description = "Archive number. / 档案号。" };
        var json = JsonOption();
        var command = new Command("entry", "Show an archive entry with its fields and text. / 显示档案条目。");
        command.Arguments.Add(number);
        command.Options.Add(json);
        command.SetAction(result => ArchiveSession.Run(result, context =>
        {
            var culture = context.Culture;
            var entries = context.Get<EntryService>();
            var entry = entries.Get(context.Actor, result.GetValue(number)!);
            if (result.GetValue(json))
            {
                ArchiveSession.WriteJson(entry);
                return ExitCodes.Success;
            }

            Console.WriteLine($"{entry.Number}  {entry.Title}");
            Console.WriteLine($"  {UserMessages.Pick("类型", "Type", culture)}: {entry.DocumentType}   {UserMessages.Pick("批次", "Batch", culture)}: {entry.BatchName}   {UserMessages.Pick("归档", "Committed", culture)}: {entry.CommittedAt.ToLocalTime():yyyy-MM-dd HH:mm} ({entry.CommittedBy})");
            foreach (var field in entry.Fields)
            {
                Console.WriteLine($"  {field.Key}: {field.Value}");
            }

            Console.WriteLine($"  PDF: {entries.PdfPath(entry)}");
            foreach (var page in entry.Pages)
            {
                Console.WriteLine($"--- {UserMessages.Pick($"第 {page.Number} 页", $"page {page.Number}", culture)} ---");
                Console.WriteLine(page.Text);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Export()
    {
        var number = new Argument<string>("number") { Description = "Archive number. / 档案号。" };
        var output = new Option<string>("--out", "-o") { Description = "PDF file to write. / 输出 PDF 文件。", Required = true };
        var command = new Command("export", "Write an entry's searchable PDF to a file. / 导出档案的可检索 PDF。");
        command.Arguments.Add(number);
        command.Options.Add(output);
        command.SetAction(result => ArchiveSession.Run(result, context =>
        {
            var target = Path.GetFullPath(result.GetValue(output)!);
            context.Get<EntryService>().Export(context.Actor, result.GetValue(number)!, target);
            Console.WriteLine(target);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Verify()
    {
        var json = JsonOption();
        var anchor = new Option<string?>("--anchor") { Description = "Check the audit chain against the head last written to FILE, then append the new head (keep FILE outside the data folder). / 审计链锚点文件。" };
        var command = new Command("verify", "Re-hash every stored file and check the audit chain; report missing or altered files and the first broken audit record. / 校验所有存档文件与审计链。");
        command.Options.Add(json);
        command.Options.Add(anchor);
        command.SetAction((result, cancellationToken) => ArchiveSession.RunAsync(result, context =>
        {
            var culture = context.Culture;
            var report = context.Get<AuditService>().Verify(context.Actor, cancellationToken);
            var chain = context.Get<AuditService>().VerifyChain(context.Actor, result.GetValue(anchor));
            if (result.GetValue(json))
            {
                ArchiveSession.WriteJson(new { report.FilesChecked, report.Missing, report.Altered, report.Unreferenced, report.Intact, AuditChain = chain });
            }
            else
            {
                foreach (var p in report.Missing)
                {
                    Console.WriteLine(UserMessages.Pick($"缺失  {p.Owner}  {p.File.Path}", $"MISSING  {p.Owner}  {p.File.Path}", culture));
                }

                foreach (var p in report.Altered)
                {
                    Console.WriteLine(UserMessages.Pick($"已被改动  {p.Owner}  {p.File.Path}", $"ALTERED  {p.Owner}  {p.File.Path}", culture));
                }

                Console.WriteLine(UserMessages.Pick(
                    $"已校验 {report.FilesChecked} 个文件：缺失 {report.Missing.Count}，改动 {report.Altered.Count}，未引用 {report.Unreferenced.Count}。",
                    $"Checked {report.FilesChecked} file(s): {report.Missing.Count} missing, {report.Altered.Count} altered, {report.Unreferenced.Count} unreferenced.",
                    culture));
                Console.WriteLine(AuditChainText.Describe(chain, culture));
            }

            return Task.FromResult(report.Intact && chain.Intact ? ExitCodes.Success : ExitCodes.ArchiveDamaged);
        }));
        return command;
    }
}
