using System.Diagnostics;
using System.Threading.Channels;
using ScanArchive.Capture.Sane;
using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Worker;

/// <summary>
/// One running worker process seen from the parent: frames are pumped off its stdout on a background task (so a
/// slow consumer never makes a live worker look hung), stderr is kept as a short tail for crash reports, and every
/// way the process can fail (exit, kill -9, garbage, silence) ends as a <see cref="ScanException"/>.
/// </summary>
internal sealed class WorkerSession : IAsyncDisposable
{
    private const int StderrTailLines = 12;
    private readonly ScanWorkerOptions options;
    private readonly Process process;
    private readonly Stream stdin;
    private readonly Channel<(FrameType Type, byte[] Payload)> frames = Channel.CreateBounded<(FrameType, byte[])>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
    private readonly Queue<string> stderrTail = new();
    private readonly Lock stderrLock = new();
    private readonly Lock stdinLock = new();
    private readonly IProgress<ScanProgress>? progress;
    private Exception? pumpError;
    private long lastActivityTicks = Environment.TickCount64;
    private int killedFor; // 0 = not killed, else (int)ScanFault

    private WorkerSession(ScanWorkerOptions options, Process process, IProgress<ScanProgress>? progress)
    {
        this.options = options;
        this.process = process;
        this.progress = progress;
        stdin = process.StandardInput.BaseStream;
        _ = Task.Run(PumpAsync);
    }

    /// <summary>The worker's process id.</summary>
    public int ProcessId => process.Id;

    private int pageInProgress;

    /// <summary>The page number whose progress was reported last (the page being scanned).</summary>
    public int? PageInProgress => Volatile.Read(ref pageInProgress) is > 0 and var page ? page : null;

    /// <summary>Starts a worker and waits for its hello.</summary>
    public static async Task<WorkerSession> StartAsync(ScanWorkerOptions options, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        var start = options.StartInfo();
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        if (options.SaneConfigDir is { } configDir)
        {
            start.Environment[SaneConfigFolder.VariableName] = configDir;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null.");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new ScanException(ScanFault.WorkerCrashed, $"cannot start the scan worker ({start.FileName}): {ex.Message}", innerException: ex);
        }

        var session = new WorkerSession(options, process, progress);
        process.ErrorDataReceived += (_, e) => session.OnStderr(e.Data);
        process.BeginErrorReadLine();
        options.WorkerStarted?.Invoke(process.Id);
        try
        {
            var hello = await session.NextFrameAsync(options.StartTimeout, null, cancellationToken);
            if (hello.Type != FrameType.Hello || WorkerProtocol.Deserialize<HelloMessage>(hello.Payload).Protocol != WorkerProtocol.Version)
            {
                session.Kill(ScanFault.WorkerCrashed);
                throw new ScanException(ScanFault.WorkerCrashed, $"the scan worker spoke another protocol (first frame {hello.Type})");
            }
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }

        return session;
    }

    /// <summary>Sends a frame to the worker.</summary>
    public void Send(FrameType type, byte[] payload)
    {
        lock (stdinLock)
        {
            WorkerProtocol.Write(stdin, type, payload);
        }
    }

    /// <summary>Asks the worker to stop after its current read; kills it if it has not ended after the grace period.</summary>
    public void RequestCancel()
    {
        try
        {
            Send(FrameType.Cancel, []);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // Already gone.
        }

        _ = Task.Delay(options.CancelGrace).ContinueWith(_ => Kill(ScanFault.Cancelled), TaskScheduler.Default);
    }

    /// <summary>
    /// The next frame other than progress. Throws when the worker has not sent anything for <paramref name="silence"/>
    /// (it is killed: <see cref="ScanFault.NotResponding"/>), or exited, crashed or sent garbage (<see cref="ScanFault.WorkerCrashed"/>).
    /// </summary>
    public async Task<(FrameType Type, byte[] Payload)> NextFrameAsync(TimeSpan silence, int? pageNumber, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (frames.Reader.TryRead(out var frame))
            {
                return frame;
            }

            var idle = TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref lastActivityTicks));
            if (idle >= silence)
            {
                Kill(ScanFault.NotResponding);
                throw new ScanException(ScanFault.NotResponding, $"no data from the scanner for {silence.TotalSeconds:0.#} s", pageNumber ?? PageInProgress);
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(silence - idle);
            bool more;
            try
            {
                more = await frames.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                continue; // Re-check the silence; activity may have happened meanwhile (progress frames).
            }

            if (!more)
            {
                throw await ExitedAsync(pageNumber);
            }
        }
    }

    /// <summary>Kills the worker (and anything it started); <paramref name="reason"/> decides how the end is reported.</summary>
    public void Kill(ScanFault reason)
    {
        if (Interlocked.CompareExchange(ref killedFor, (int)reason, 0) != 0)
        {
            return;
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException or ObjectDisposedException)
        {
            // Already exited.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Closing stdin tells a healthy worker to finish (it cancels a scan in progress and exits).
            lock (stdinLock)
            {
                stdin.Dispose();
            }
        }
        catch (IOException)
        {
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(ScanFault.WorkerCrashed);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        process.Dispose();
    }

    private async Task PumpAsync()
    {
        var stdout = process.StandardOutput.BaseStream;
        try
        {
            while (await WorkerProtocol.ReadAsync(stdout, CancellationToken.None) is { } frame)
            {
                Interlocked.Exchange(ref lastActivityTicks, Environment.TickCount64);
                if (frame.Type == FrameType.Progress)
                {
                    var p = WorkerProtocol.Deserialize<ProgressMessage>(frame.Payload);
                    Volatile.Write(ref pageInProgress, p.PageNumber);
                    progress?.Report(new ScanProgress(p.PageNumber, p.BytesRead, p.BytesExpected));
                    continue;
                }

                await frames.Writer.WriteAsync(frame);
                Interlocked.Exchange(ref lastActivityTicks, Environment.TickCount64);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or System.Text.Json.JsonException or ObjectDisposedException)
        {
            pumpError = ex;
            Kill(ScanFault.WorkerCrashed);
        }
        finally
        {
            frames.Writer.TryComplete();
        }
    }

    private async Task<ScanException> ExitedAsync(int? pageNumber)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(ScanFault.WorkerCrashed);
        }

        var page = pageNumber ?? PageInProgress;
        var reason = (ScanFault)Volatile.Read(ref killedFor);
        if (reason is ScanFault.Cancelled or ScanFault.NotResponding)
        {
            return new ScanException(reason, reason == ScanFault.Cancelled ? "the scan worker did not stop in time and was ended" : null, page);
        }

        string exit;
        try
        {
            var code = process.ExitCode;
            exit = code > 128 ? $"exit code {code} (signal {code - 128})" : $"exit code {code}";
        }
        catch (InvalidOperationException)
        {
            exit = "still running";
        }

        string tail;
        lock (stderrLock)
        {
            tail = string.Join(" | ", stderrTail);
        }

        var detail = $"scan worker ended without reporting an outcome: {exit}"
            + (pumpError is null ? string.Empty : $"; {pumpError.Message}")
            + (tail.Length == 0 ? string.Empty : $"; stderr: {tail}");
        return new ScanException(ScanFault.WorkerCrashed, detail, page);
    }

    private void OnStderr(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return;
        }

        lock (stderrLock)
        {
            stderrTail.Enqueue(line);
            while (stderrTail.Count > StderrTailLines)
            {
                stderrTail.Dequeue();
            }
        }

        options.WorkerLog?.Invoke(line);
    }
}
