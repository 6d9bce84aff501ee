using System.Diagnostics;
using ScanArchive.TestSupport;

namespace ScanArchive.Cli.Tests;

/// <summary>Runs the built scanarchive program as a separate process, as a user or script would.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>Starts the program without waiting (the caller may kill it).</summary>
    public static Process Start(params string[] args)
    {
        // The CLI is built next to this test (project reference), with its runtimeconfig.
        var dll = Path.Combine(AppContext.BaseDirectory, "scanarchive.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.RepoRoot,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["LANG"] = "C.UTF-8";
        return Process.Start(start)!;
    }

    public static async Task<Result> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
