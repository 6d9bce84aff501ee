using System.CommandLine;
using ScanArchive.Capture.Worker;

namespace ScanArchive.Cli.Commands;

/// <summary>
/// Hidden <c>scan-worker</c> mode: the process the scanning commands start to talk to SANE, so a crashing or hanging
/// scanner driver takes down only this process. Speaks the framed protocol on stdin/stdout; not for people.
/// </summary>
internal static class ScanWorkerModeCommand
{
    public static Command Create()
    {
        var command = new Command(ScanWorkerCommand.Verb, "Internal: scanner driver worker process.") { Hidden = true };
        command.SetAction((_, cancellationToken) => ScanWorkerHost.RunAsync(cancellationToken));
        return command;
    }
}
