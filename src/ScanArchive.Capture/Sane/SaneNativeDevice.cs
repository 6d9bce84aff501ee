using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace ScanArchive.Capture.Sane;

/// <summary><see cref="ISaneDevice"/> over libsane. Every call runs on <see cref="SaneThread"/>.</summary>
internal sealed class SaneNativeDevice : ISaneDevice
{
    private const double FixedScale = 65536.0;
    private readonly SafeSaneDeviceHandle handle;

    public SaneNativeDevice(string name, SafeSaneDeviceHandle handle)
    {
        Name = name;
        this.handle = handle;
    }

    public string Name { get; }

    public IReadOnlyList<SaneOption> ReadOptions() => SaneThread.Invoke(() =>
    {
        // Option 0 is always the number of options (including itself).
        var countOption = Descriptor(0) ?? throw new InvalidOperationException("The backend has no option 0.");
        if (GetValueCore(countOption, out var countValue) != SaneStatus.Good || countValue is not double[] { Length: > 0 } count)
        {
            return (IReadOnlyList<SaneOption>)[];
        }

        var options = new List<SaneOption>();
        for (var i = 1; i < (int)count[0]; i++)
        {
            if (Descriptor(i) is { } option)
            {
                options.Add(option);
            }
        }

        return options;
    });

    public SaneStatus GetValue(SaneOption option, out object? value)
    {
        var (status, result) = SaneThread.Invoke(() => (GetValueCore(option, out var v), v));
        value = result;
        return status;
    }

    public SaneStatus SetValue(SaneOption option, object? value, out SaneInfo info)
    {
        var (status, flags) = SaneThread.Invoke(() => SetValueCore(option, value));
        info = flags;
        return status;
    }

    public unsafe SaneStatus SetAuto(SaneOption option, out SaneInfo info)
    {
        var (status, flags) = SaneThread.Invoke(() =>
        {
            var s = (SaneStatus)Interop.Sane.sane_control_option(handle, option.Index, Interop.Sane.SANE_ACTION_SET_AUTO, null, out var i);
            return (s, (SaneInfo)i);
        });
        info = flags;
        return status;
    }

    public SaneStatus Start() => SaneThread.Invoke(() => (SaneStatus)Interop.Sane.sane_start(handle));

    public SaneStatus GetParameters(out SaneFrameParameters parameters)
    {
        var (status, p) = SaneThread.Invoke(() => ((SaneStatus)Interop.Sane.sane_get_parameters(handle, out var raw), raw));
        parameters = new SaneFrameParameters((SaneFrame)p.format, p.last_frame != 0, p.bytes_per_line, p.pixels_per_line, p.lines, p.depth);
        return status;
    }

    public unsafe SaneStatus Read(Span<byte> buffer, out int length)
    {
        if (!SaneThread.IsCurrent)
        {
            // Spans cannot cross threads; the driver reads on the SANE thread, so this path is only for odd callers.
            var copy = new byte[buffer.Length];
            var (s, n) = SaneThread.Invoke(() => (ReadCore(copy, out var len), len));
            copy.AsSpan(0, n).CopyTo(buffer);
            length = n;
            return s;
        }

        return ReadCore(buffer, out length);
    }

    public void Cancel() => SaneThread.Invoke(() => Interop.Sane.sane_cancel(handle));

    public void Dispose() => SaneThread.Invoke(handle.Dispose);

    private unsafe SaneStatus ReadCore(Span<byte> buffer, out int length)
    {
        fixed (byte* p = buffer)
        {
            var status = (SaneStatus)Interop.Sane.sane_read(handle, p, buffer.Length, out length);
            if (status != SaneStatus.Good)
            {
                // SANE leaves *len undefined on errors on some backends; the standard says 0.
                length = 0;
            }

            return status;
        }
    }

    private SaneOption? Descriptor(int index)
    {
        var ptr = Interop.Sane.sane_get_option_descriptor(handle, index);
        if (ptr == 0)
        {
            return null;
        }

        var d = Marshal.PtrToStructure<Interop.Sane.SANE_Option_Descriptor>(ptr);
        var type = (SaneValueType)d.type;
        return new SaneOption(
            index,
            Interop.Sane.Text(d.name) ?? string.Empty,
            Interop.Sane.Text(d.title) ?? string.Empty,
            Interop.Sane.Text(d.desc) ?? string.Empty,
            type,
            (SaneUnit)d.unit,
            d.size,
            (SaneCap)d.cap,
            ReadConstraint(d.constraint_type, d.constraint, type));
    }

    private static SaneConstraint? ReadConstraint(int constraintType, nint constraint, SaneValueType type)
    {
        if (constraint == 0)
        {
            return null;
        }

        double Number(int word) => type == SaneValueType.Fixed ? word / FixedScale : word;
        switch (constraintType)
        {
            case 1:
                var r = Marshal.PtrToStructure<Interop.Sane.SANE_Range>(constraint);
                return new SaneRange(Number(r.min), Number(r.max), Number(r.quant));
            case 2:
                var count = Marshal.ReadInt32(constraint);
                var words = new double[Math.Max(0, count)];
                for (var i = 0; i < words.Length; i++)
                {
                    words[i] = Number(Marshal.ReadInt32(constraint, (i + 1) * sizeof(int)));
                }

                return new SaneWordList(words);
            case 3:
                var strings = new List<string>();
                for (var i = 0; ; i++)
                {
                    var s = Marshal.ReadIntPtr(constraint, i * IntPtr.Size);
                    if (s == 0)
                    {
                        break;
                    }

                    strings.Add(Interop.Sane.Text(s) ?? string.Empty);
                }

                return new SaneStringList(strings);
            default:
                return null;
        }
    }

    private unsafe SaneStatus GetValueCore(SaneOption option, out object? value)
    {
        value = null;
        if (option.Type is SaneValueType.Button or SaneValueType.Group)
        {
            return SaneStatus.Good;
        }

        var buffer = new byte[Math.Max(option.Size, sizeof(int))];
        SaneStatus status;
        fixed (byte* p = buffer)
        {
            status = (SaneStatus)Interop.Sane.sane_control_option(handle, option.Index, Interop.Sane.SANE_ACTION_GET_VALUE, p, out _);
        }

        if (status != SaneStatus.Good)
        {
            return status;
        }

        value = Decode(option, buffer);
        return status;
    }

    private unsafe (SaneStatus Status, SaneInfo Info) SetValueCore(SaneOption option, object? value)
    {
        if (option.Type == SaneValueType.Button || value is null)
        {
            var s = (SaneStatus)Interop.Sane.sane_control_option(handle, option.Index, Interop.Sane.SANE_ACTION_SET_VALUE, null, out var i);
            return (s, (SaneInfo)i);
        }

        // SANE requires a buffer of the descriptor's size even for strings shorter than it.
        var buffer = new byte[Math.Max(option.Size, sizeof(int))];
        if (!Encode(option, value, buffer))
        {
            return (SaneStatus.Inval, SaneInfo.None);
        }

        fixed (byte* p = buffer)
        {
            var s = (SaneStatus)Interop.Sane.sane_control_option(handle, option.Index, Interop.Sane.SANE_ACTION_SET_VALUE, p, out var i);
            return (s, (SaneInfo)i);
        }
    }

    internal static object? Decode(SaneOption option, ReadOnlySpan<byte> buffer)
    {
        switch (option.Type)
        {
            case SaneValueType.Bool:
                return BinaryPrimitives.ReadInt32LittleEndian(buffer) != 0;
            case SaneValueType.Int:
            case SaneValueType.Fixed:
                var numbers = new double[option.WordCount];
                for (var i = 0; i < numbers.Length; i++)
                {
                    var word = BinaryPrimitives.ReadInt32LittleEndian(buffer[(i * sizeof(int))..]);
                    numbers[i] = option.Type == SaneValueType.Fixed ? word / FixedScale : word;
                }

                return numbers;
            case SaneValueType.String:
                var end = buffer.IndexOf((byte)0);
                return Encoding.UTF8.GetString(end < 0 ? buffer : buffer[..end]);
            default:
                return null;
        }
    }

    internal static bool Encode(SaneOption option, object value, Span<byte> buffer)
    {
        switch (option.Type, value)
        {
            case (SaneValueType.Bool, bool b):
                BinaryPrimitives.WriteInt32LittleEndian(buffer, b ? 1 : 0);
                return true;
            case (SaneValueType.Int or SaneValueType.Fixed, double[] numbers):
                if (numbers.Length == 0 || numbers.Length * sizeof(int) > buffer.Length)
                {
                    return false;
                }

                for (var i = 0; i < numbers.Length; i++)
                {
                    var word = option.Type == SaneValueType.Fixed ? Math.Round(numbers[i] * FixedScale) : Math.Round(numbers[i]);
                    BinaryPrimitives.WriteInt32LittleEndian(buffer[(i * sizeof(int))..], (int)Math.Clamp(word, int.MinValue, int.MaxValue));
                }

                return true;
            case (SaneValueType.String, string text):
                var bytes = Encoding.UTF8.GetBytes(text);
                if (bytes.Length + 1 > buffer.Length)
                {
                    return false;
                }

                bytes.CopyTo(buffer);
                buffer[bytes.Length] = 0;
                return true;
            default:
                return false;
        }
    }
}
