namespace ScanArchive.Application.Tests;

/// <summary>A clock the test moves by hand (lockouts expire without waiting 15 minutes).</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public void Advance(TimeSpan by) => Now += by;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
