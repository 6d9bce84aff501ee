using System.Collections.Concurrent;
using System.Globalization;

namespace ScanArchive.Web.Security;

/// <summary>
/// Failed sign-ins per network address, across every user name: the per-account lockout alone lets one address try
/// a few passwords on each of many accounts. After <see cref="MaxFailuresPerAddress"/> failures within
/// <see cref="Window"/> the address gets 429 until the oldest of them leaves the window. Successes do not reset the
/// count, or one valid account would let an attacker keep guessing others. In memory: a restart forgets it, which
/// the per-account lockout (stored) does not.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    /// <summary>Failed sign-ins from one address within <see cref="Window"/> after which it is refused.</summary>
    public const int MaxFailuresPerAddress = 20;

    /// <summary>Addresses remembered at most; beyond it, addresses whose failures have all expired are dropped.</summary>
    public const int MaxTrackedAddresses = 10_000;

    /// <summary>The sliding window over which failures are counted.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="address"/> must wait before its next attempt, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string? address)
    {
        if (address is null || !_failures.TryGetValue(address, out var times))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        lock (times)
        {
            Expire(times, now);
            return times.Count >= MaxFailuresPerAddress ? times.Peek() + Window - now : null;
        }
    }

    /// <summary>Counts a failed sign-in from <paramref name="address"/>.</summary>
    public void RecordFailure(string? address)
    {
        if (address is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (_failures.Count >= MaxTrackedAddresses)
        {
            Prune(now);
        }

        var times = _failures.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Expire(times, now);
            times.Enqueue(now);
        }
    }

    /// <summary>The Retry-After header value: whole seconds, rounded up, at least one.</summary>
    public static string RetryAfterHeader(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static void Expire(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() + Window <= now)
        {
            times.Dequeue();
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (address, times) in _failures)
        {
            lock (times)
            {
                Expire(times, now);
                if (times.Count == 0)
                {
                    _failures.TryRemove(address, out _);
                }
            }
        }
    }
}
