using System.Collections.Concurrent;

namespace ScanArchive.Capture.Sane;

/// <summary>
/// The one thread that talks to SANE. Backends are not thread-safe and some keep per-thread state (USB handles,
/// reader pipes), so every SANE call in the process runs here, in order. Work submitted from this thread runs inline,
/// so driver code running on it can call device methods freely.
/// </summary>
internal static class SaneThread
{
    private static readonly BlockingCollection<Action> Queue = [];
    private static readonly Thread Thread = StartThread();

    /// <summary>True when the caller is the SANE thread.</summary>
    public static bool IsCurrent => Environment.CurrentManagedThreadId == Thread.ManagedThreadId;

    /// <summary>Runs a function on the SANE thread and waits for it.</summary>
    public static T Invoke<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return IsCurrent ? work() : InvokeAsync(work).GetAwaiter().GetResult();
    }

    /// <summary>Runs an action on the SANE thread and waits for it.</summary>
    public static void Invoke(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Invoke(() =>
        {
            work();
            return true;
        });
    }

    /// <summary>Queues a function on the SANE thread.</summary>
    public static Task<T> InvokeAsync<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        });
        return done.Task;
    }

    /// <summary>Queues an action without waiting (used to close handles from finalizers).</summary>
    public static void Post(Action work)
    {
        if (IsCurrent)
        {
            work();
            return;
        }

        try
        {
            Queue.Add(() =>
            {
                try
                {
                    work();
                }
                catch (Exception)
                {
                    // A failing close during shutdown has nobody to report to.
                }
            });
        }
        catch (InvalidOperationException)
        {
            // Queue completed at process exit.
        }
    }

    private static Thread StartThread()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "SANE" };
        thread.Start();
        return thread;
    }

    private static void Run()
    {
        foreach (var work in Queue.GetConsumingEnumerable())
        {
            work();
        }
    }
}
