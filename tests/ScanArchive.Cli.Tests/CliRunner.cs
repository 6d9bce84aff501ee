using System.Diagnostics;
using ScanArchive.TestSupport;

namespace ScanArchive.Cli.Tests;

/// <summary>Runs the built scanarchive program as a separate process, as a user or script would.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>Starts the program without waiting (the caller may kill it).</summary>
    public static Process Start(params string[] args) => Start(redirectInput: false, args);

    /// <summary>Runs the program with extra environment variables (for this run only).</summary>
    public static async Task<Result> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(redirectInput: false, args, environment);
        return await FinishAsync(process);
    }

    private static Process Start(bool redirectInput, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        // The CLI is built next to this test (project reference), with its runtimeconfig.
        var dll = Path.Combine(AppContext.BaseDirectory, "scanarchive.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            StandardInputEncoding = redirectInput ? new System.Text.UTF8Encoding(false) : null,
            WorkingDirectory = TestPaths.RepoRoot,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["LANG"] = "C.UTF-8";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    public static async Task<Result> RunAsync(params string[] args)
    {
        using var process = Start(args);
        return await FinishAsync(process);
    }

    /// <summary>Runs the program with <paramref name="stdin"/> piped to its standard input, then closed (as from a script).</summary>
    public static async Task<Result> RunWithInputAsync(string stdin, params string[] args)
    {
        using var process = Start(redirectInput: true, args);
        try
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program ended without reading its input (refused early): its exit code tells why.
        }

        return await FinishAsync(process);
    }

    private static async Task<Result> FinishAsync(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
