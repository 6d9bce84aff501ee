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
foreach (var command in BatchCommands.Create().Concat(EntryCommands.Create()).Concat(SearchCommands.Create()))
{
    root.Subcommands.Add(command);
}

root.Subcommands.Add(DevicesCommand.Create());
root.Subcommands.Add(ProfilesCommand.Create());
root.Subcommands.Add(ScanWorkerModeCommand.Create());
return await root.Parse(args).InvokeAsync();
