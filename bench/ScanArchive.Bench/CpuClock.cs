using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ScanArchive.Bench;

/// <summary>
/// CPU time, the measure of every bench here: on a machine shared with other jobs, wall-clock time mostly measures the
/// scheduler, CPU time what the work itself costs.
/// </summary>
internal static class CpuClock
{
    private static readonly Process Current = Process.GetCurrentProcess();

    /// <summary>CPU time of the whole process in ms (all threads: engines, GC).</summary>
    public static double ProcessMilliseconds()
    {
        Current.Refresh();
        return Current.TotalProcessorTime.TotalMilliseconds;
    }

    /// <summary>CPU time of the calling thread in ms.</summary>
    public static double ThreadMilliseconds() =>
        clock_gettime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var time) == 0 ? (time.Seconds * 1e3) + (time.Nanoseconds / 1e6) : double.NaN;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SYSLIB1054, CA5392 // bench-only libc call; a blittable struct needs no marshalling code
    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054, CA5392
}
