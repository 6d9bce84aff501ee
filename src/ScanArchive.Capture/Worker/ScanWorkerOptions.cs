using System.Diagnostics;
using System.Reflection;
using ScanArchive.Capture.Sane;

namespace ScanArchive.Capture.Worker;

/// <summary>How <see cref="ScanWorkerClient"/> starts and watches its worker processes.</summary>
public sealed record ScanWorkerOptions
{
    /// <summary>
    /// Makes the command that starts one worker (called once per scan or device listing). Stdin/stdout/stderr
    /// redirection is set by the client. Production: <see cref="ScanWorkerCommand.ForThisProgram"/>.
    /// </summary>
    public required Func<ProcessStartInfo> StartInfo { get; init; }

    /// <summary>Exported as SANE_CONFIG_DIR into the worker's environment (see <see cref="SaneConfigFolder.Resolve"/>); null leaves the environment as is.</summary>
    public string? SaneConfigDir { get; init; }

    /// <summary>How long a new worker may take to say hello.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the worker may stay silent while a page is expected before it is declared hung and killed. The worker
    /// reports progress at least every 100 ms while data flows, so this only has to cover the device's own pauses
    /// (lamp warm-up, paper pick-up).
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long a cancelled worker may take to stop on its own before it is killed.</summary>
    public TimeSpan CancelGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Receives each line the worker writes to stderr (backend diagnostics); optional.</summary>
    public Action<string>? WorkerLog { get; init; }

    /// <summary>Called with the process id of every worker started (tests use it to kill one).</summary>
    public Action<int>? WorkerStarted { get; init; }
}

/// <summary>The command line that runs this program's hidden scan-worker mode.</summary>
public static class ScanWorkerCommand
{
    /// <summary>The hidden CLI verb that runs <see cref="ScanWorkerHost.RunAsync(CancellationToken)"/>.</summary>
    public const string Verb = "scan-worker";

    /// <summary>
    /// Starts the running program again in worker mode: <c>dotnet scanarchive.dll scan-worker</c> when run through
    /// the dotnet host, or <c>scanarchive scan-worker</c> for an apphost.
    /// </summary>
    public static ProcessStartInfo ForThisProgram()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of the running program is unknown.");
        var start = new ProcessStartInfo(host);
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            var entry = Assembly.GetEntryAssembly()?.Location;
            if (string.IsNullOrEmpty(entry))
            {
                throw new InvalidOperationException("The entry assembly of the running program is unknown.");
            }

            start.ArgumentList.Add(entry);
        }

        start.ArgumentList.Add(Verb);
        return start;
    }

    /// <summary>Runs a given program's worker mode through the dotnet host: <c>dotnet PATH/scanarchive.dll scan-worker</c>.</summary>
    public static ProcessStartInfo ForAssembly(string cliDllPath)
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(cliDllPath);
        start.ArgumentList.Add(Verb);
        return start;
    }
}
