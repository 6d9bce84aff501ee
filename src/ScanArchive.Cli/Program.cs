using System.CommandLine;
using ScanArchive.Cli;
using ScanArchive.Cli.Commands;

Console.OutputEncoding = System.Text.Encoding.UTF8;
var root = new RootCommand("ScanArchive: scan, recognize and archive customer folders. / 客户档案扫描、识别与归档。");
root.Options.Add(GlobalOptions.Data);
root.Options.Add(GlobalOptions.UiLanguage);
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(ScanCommand.Create());
root.Subcommands.Add(WatchCommand.Create());
foreach (var command in BatchCommands.Create().Concat(EntryCommands.Create()).Concat(SearchCommands.Create()).Concat(CustomerCommands.Create()))
{
    root.Subcommands.Add(command);
}

root.Subcommands.Add(DevicesCommand.Create());
root.Subcommands.Add(ProfilesCommand.Create());
root.Subcommands.Add(UsersCommands.Create());
root.Subcommands.Add(KeysCommand.Create());
root.Subcommands.Add(EncryptCommand.Create());
root.Subcommands.Add(ScanWorkerModeCommand.Create());
// Ctrl+C cancels the command's token; commands then finish the page in hand and save state, which can take a
// page's OCR time, so the grace period before a forced exit is generous.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) });
