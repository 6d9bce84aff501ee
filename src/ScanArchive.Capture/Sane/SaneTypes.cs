namespace ScanArchive.Capture.Sane;

/// <summary>SANE_Status.</summary>
internal enum SaneStatus
{
    Good = 0,
    Unsupported = 1,
    Cancelled = 2,
    DeviceBusy = 3,
    Inval = 4,
    Eof = 5,
    Jammed = 6,
    NoDocs = 7,
    CoverOpen = 8,
    IoError = 9,
    NoMem = 10,
    AccessDenied = 11,
}

/// <summary>SANE_Value_Type.</summary>
internal enum SaneValueType
{
    Bool = 0,
    Int = 1,
    Fixed = 2,
    String = 3,
    Button = 4,
    Group = 5,
}

/// <summary>SANE_Unit.</summary>
internal enum SaneUnit
{
    None = 0,
    Pixel = 1,
    Bit = 2,
    Mm = 3,
    Dpi = 4,
    Percent = 5,
    Microsecond = 6,
}

/// <summary>SANE_CAP_* flags.</summary>
[Flags]
internal enum SaneCap
{
    None = 0,
    SoftSelect = 1,
    HardSelect = 2,
    SoftDetect = 4,
    Emulated = 8,
    Automatic = 16,
    Inactive = 32,
    Advanced = 64,
}

/// <summary>SANE_INFO_* flags returned when setting an option.</summary>
[Flags]
internal enum SaneInfo
{
    None = 0,
    Inexact = 1,
    ReloadOptions = 2,
    ReloadParams = 4,
}

/// <summary>SANE_Frame.</summary>
internal enum SaneFrame
{
    Gray = 0,
    Rgb = 1,
    Red = 2,
    Green = 3,
    Blue = 4,
}

/// <summary>The values an option accepts.</summary>
internal abstract record SaneConstraint;

/// <summary>Numeric range; values of FIXED options already divided by 65536.</summary>
internal sealed record SaneRange(double Min, double Max, double Quant) : SaneConstraint;

/// <summary>Allowed numbers.</summary>
internal sealed record SaneWordList(IReadOnlyList<double> Values) : SaneConstraint;

/// <summary>Allowed strings.</summary>
internal sealed record SaneStringList(IReadOnlyList<string> Values) : SaneConstraint;

/// <summary>An option descriptor copied out of the backend (the native one is only valid until the next reload).</summary>
internal sealed record SaneOption(
    int Index,
    string Name,
    string Title,
    string Description,
    SaneValueType Type,
    SaneUnit Unit,
    int Size,
    SaneCap Cap,
    SaneConstraint? Constraint)
{
    public bool IsActive => !Cap.HasFlag(SaneCap.Inactive);

    public bool IsSettable => Cap.HasFlag(SaneCap.SoftSelect);

    public bool IsNumeric => Type is SaneValueType.Int or SaneValueType.Fixed;

    /// <summary>Number of words in the value (arrays of int/fixed have several).</summary>
    public int WordCount => Type is SaneValueType.Int or SaneValueType.Fixed or SaneValueType.Bool ? Math.Max(1, Size / sizeof(int)) : 1;

    public IReadOnlyList<string> StringChoices => Constraint is SaneStringList list ? list.Values : [];
}

/// <summary>SANE_Parameters of the frame about to be read.</summary>
internal readonly record struct SaneFrameParameters(SaneFrame Format, bool LastFrame, int BytesPerLine, int PixelsPerLine, int Lines, int Depth);

/// <summary>A device as sane_get_devices lists it.</summary>
internal sealed record SaneDeviceEntry(string Name, string Vendor, string Model, string Type);

/// <summary>Option values cross the seam as bool, double[] (int and fixed) or string.</summary>
internal static class SaneValues
{
    public static string Describe(object? value) => value switch
    {
        null => "(none)",
        bool b => b ? "yes" : "no",
        double[] numbers => string.Join(',', numbers.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        _ => value.ToString() ?? string.Empty,
    };
}
