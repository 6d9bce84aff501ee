using ScanArchive.Capture.Worker;
using ScanArchive.Web;

// The scanner worker re-launches this program in its hidden worker mode (a crashing SANE backend then takes only
// the worker down, never the server).
if (args.Length > 0 && args[0] == ScanWorkerCommand.Verb)
{
    return await ScanWorkerHost.RunAsync();
}

Console.OutputEncoding = System.Text.Encoding.UTF8;
var app = WorkstationApp.Build(args);
await app.RunAsync();
return 0;

/// <summary>The web host's entry point (public so that <c>WebApplicationFactory&lt;Program&gt;</c> can find it).</summary>
public partial class Program;
