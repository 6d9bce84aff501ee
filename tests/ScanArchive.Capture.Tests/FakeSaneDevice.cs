using ScanArchive.Capture.Sane;

namespace ScanArchive.Capture.Tests;

/// <summary>One frame the fake device will deliver after a sane_start.</summary>
/// <param name="Parameters">What sane_get_parameters reports.</param>
/// <param name="Data">The bytes sane_read delivers.</param>
/// <param name="StartStatus">What sane_start returns (non-Good: the frame is not delivered).</param>
/// <param name="EndStatus">What sane_read returns once the data is exhausted (EOF normally; JAMMED etc. to simulate faults).</param>
internal sealed record FakeFrame(SaneFrameParameters Parameters, byte[] Data, SaneStatus StartStatus = SaneStatus.Good, SaneStatus EndStatus = SaneStatus.Eof)
{
    public static FakeFrame Gray8(int width, int height, byte value = 128) =>
        new(new SaneFrameParameters(SaneFrame.Gray, true, width, width, height, 8), Enumerable.Repeat(value, width * height).ToArray());

    public static FakeFrame Status(SaneStatus startStatus) =>
        new(new SaneFrameParameters(SaneFrame.Gray, true, 1, 1, 1, 8), [], startStatus);
}

/// <summary>
/// A scripted SANE device: options with values (and optional reload behaviour), and a queue of frames handed out
/// one per sane_start. When the queue is empty, sane_start answers NO_DOCS, like a feeder that ran out.
/// </summary>
internal sealed class FakeSaneDevice : ISaneDevice
{
    private readonly Dictionary<string, object?> values = new(StringComparer.Ordinal);
    private FakeFrame? current;
    private int offset;

    public FakeSaneDevice(params SaneOption[] options)
    {
        Options = [.. options];
    }

    public string Name { get; init; } = "fake:0";

    public List<SaneOption> Options { get; set; }

    public Queue<FakeFrame> Frames { get; } = new();

    /// <summary>Bytes returned per sane_read at most.</summary>
    public int ReadChunk { get; set; } = 1000;

    /// <summary>Called after each successful set: lets a test change the options and ask for a reload.</summary>
    public Func<SaneOption, object?, SaneInfo>? OnSet { get; set; }

    /// <summary>Overrides the value stored for a set (a device that rounds, e.g. 300 dpi → 297).</summary>
    public Func<SaneOption, object?, object?>? Adjust { get; set; }

    public List<string> Calls { get; } = [];

    public int CancelCount { get; private set; }

    public int Starts { get; private set; }

    public object? this[string name]
    {
        get => values.GetValueOrDefault(name);
        set => values[name] = value;
    }

    public IReadOnlyList<SaneOption> ReadOptions()
    {
        Calls.Add("options");
        return Options;
    }

    public SaneStatus GetValue(SaneOption option, out object? value)
    {
        value = values.GetValueOrDefault(option.Name);
        return SaneStatus.Good;
    }

    public SaneStatus SetValue(SaneOption option, object? value, out SaneInfo info)
    {
        info = SaneInfo.None;
        var live = Options.FirstOrDefault(o => o.Name == option.Name);
        if (live is null || !live.IsActive || !live.IsSettable)
        {
            return SaneStatus.Inval;
        }

        if (live.Constraint is SaneStringList list && value is string s && !list.Values.Contains(s))
        {
            return SaneStatus.Inval;
        }

        Calls.Add($"set {option.Name}={SaneValues.Describe(value)}");
        values[option.Name] = Adjust is null ? value : Adjust(option, value);
        if (OnSet is not null)
        {
            info = OnSet(option, value);
        }

        return SaneStatus.Good;
    }

    public SaneStatus SetAuto(SaneOption option, out SaneInfo info)
    {
        Calls.Add($"auto {option.Name}");
        info = SaneInfo.None;
        return SaneStatus.Good;
    }

    public SaneStatus Start()
    {
        Starts++;
        if (!Frames.TryDequeue(out var frame))
        {
            return SaneStatus.NoDocs;
        }

        if (frame.StartStatus != SaneStatus.Good)
        {
            return frame.StartStatus;
        }

        current = frame;
        offset = 0;
        return SaneStatus.Good;
    }

    public SaneStatus GetParameters(out SaneFrameParameters parameters)
    {
        parameters = current?.Parameters ?? default;
        return current is null ? SaneStatus.Inval : SaneStatus.Good;
    }

    public SaneStatus Read(Span<byte> buffer, out int length)
    {
        length = 0;
        if (current is null)
        {
            return SaneStatus.Inval;
        }

        if (offset >= current.Data.Length)
        {
            return current.EndStatus;
        }

        length = Math.Min(Math.Min(buffer.Length, ReadChunk), current.Data.Length - offset);
        current.Data.AsSpan(offset, length).CopyTo(buffer);
        offset += length;
        return SaneStatus.Good;
    }

    public void Cancel()
    {
        CancelCount++;
        current = null;
    }

    public void Dispose()
    {
    }

    // Option builders, shaped like real backends' descriptors.
    private static int nextIndex = 1;

    public static SaneOption StringOption(string name, params string[] choices) =>
        new(Interlocked.Increment(ref nextIndex), name, name, string.Empty, SaneValueType.String, SaneUnit.None, 64, SaneCap.SoftSelect | SaneCap.SoftDetect, choices.Length == 0 ? null : new SaneStringList(choices));

    public static SaneOption IntOption(string name, SaneConstraint? constraint, SaneUnit unit = SaneUnit.None, int words = 1, SaneCap extra = SaneCap.None) =>
        new(Interlocked.Increment(ref nextIndex), name, name, string.Empty, SaneValueType.Int, unit, 4 * words, SaneCap.SoftSelect | SaneCap.SoftDetect | extra, constraint);

    public static SaneOption FixedOption(string name, SaneConstraint? constraint, SaneUnit unit = SaneUnit.Mm) =>
        new(Interlocked.Increment(ref nextIndex), name, name, string.Empty, SaneValueType.Fixed, unit, 4, SaneCap.SoftSelect | SaneCap.SoftDetect, constraint);

    public static SaneOption BoolOption(string name, SaneCap extra = SaneCap.None) =>
        new(Interlocked.Increment(ref nextIndex), name, name, string.Empty, SaneValueType.Bool, SaneUnit.None, 4, SaneCap.SoftSelect | SaneCap.SoftDetect | extra, null);

    public static SaneOption ButtonOption(string name) =>
        new(Interlocked.Increment(ref nextIndex), name, name, string.Empty, SaneValueType.Button, SaneUnit.None, 0, SaneCap.SoftSelect, null);

    /// <summary>A typical document scanner: flatbed + ADF + duplex, three modes, a resolution list, A4-ish geometry in mm.</summary>
    public static FakeSaneDevice DocumentScanner()
    {
        var device = new FakeSaneDevice(
            StringOption("source", "Flatbed", "ADF Front", "ADF Back", "ADF Duplex"),
            StringOption("mode", "Lineart", "Halftone", "Gray", "Color"),
            IntOption("resolution", new SaneWordList([75, 150, 300, 600]), SaneUnit.Dpi),
            IntOption("depth", new SaneWordList([1, 8, 16])),
            FixedOption("tl-x", new SaneRange(0, 215.9, 0)),
            FixedOption("tl-y", new SaneRange(0, 297, 0)),
            FixedOption("br-x", new SaneRange(0, 215.9, 0)),
            FixedOption("br-y", new SaneRange(0, 297, 0)));
        device["source"] = "Flatbed";
        device["mode"] = "Gray";
        device["resolution"] = new double[] { 150 };
        device["depth"] = new double[] { 8 };
        return device;
    }
}
