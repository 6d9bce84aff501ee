using System.Globalization;
using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Sane;

/// <summary>
/// Drives one open SANE device through a scan: applies settings by meaning, then reads pages until the feeder is empty
/// (or one page from the flatbed), assembling frames into images. Runs wholly on the calling thread (the SANE thread
/// in production); pages are handed to a callback the moment they are complete.
/// </summary>
/// <remarks>
/// Feeder rules: NO_DOCS from sane_start or from the first sane_read of a page, or a page that ends with zero bytes,
/// means "the feeder is empty", which ends the scan normally, except on the first sheet, where it means "load paper"
/// (<see cref="ScanFault.NoPaper"/>). Any other status ends the scan with a <see cref="ScanException"/> naming the page
/// it happened on; pages delivered before stay delivered. sane_cancel is always called at the end.
/// </remarks>
internal sealed class SaneScanDriver
{
    private const int ReadChunk = 256 * 1024;

    /// <summary>Largest frame accepted (the worker protocol's page limit).</summary>
    private const int MaxFrameBytes = 1 << 30;
    private readonly ISaneDevice device;
    private SaneOptionSet? options;
    private bool isFeeder;

    public SaneScanDriver(ISaneDevice device)
    {
        this.device = device;
    }

    /// <summary>The device's options (after <see cref="Configure"/>).</summary>
    public SaneOptionSet Options => options ??= new SaneOptionSet(device);

    /// <summary>Applies the settings and returns what the device actually uses.</summary>
    /// <exception cref="ScanException"><see cref="ScanFault.InvalidOption"/> or <see cref="ScanFault.Unsupported"/> when a setting cannot be applied.</exception>
    public AppliedScanSettings Configure(ScanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var set = Options;
        if (settings.Source is { } source)
        {
            ApplySource(set, source);
        }

        if (settings.Mode is { } mode)
        {
            ApplyMode(set, mode);
        }

        if (settings.Dpi is { } dpi)
        {
            ApplyResolution(set, dpi);
        }

        ApplyArea(set, settings.Area);

        foreach (var setting in settings.Options)
        {
            ApplyDeviceOption(set, setting);
        }

        var sourceValue = set.Get(OptionMeanings.SourceOption) as string;

        // A device without a source option (pnm, most flatbeds) has nothing to feed from: one sheet per scan, whatever
        // source was asked for. Asking it for a second sheet gets EOF or an I/O error, not "feeder empty", and a
        // profile's default "feeder" must not turn a flatbed scan into a failure after its one page.
        isFeeder = sourceValue is not null
            && (settings.IsFeeder
                || (settings.Source is null && OptionMeanings.ClassifySource(sourceValue).Meaning is ScanSource.Feeder or ScanSource.Duplex));
        var actualDpi = set.GetNumber(OptionMeanings.ResolutionOption) ?? set.GetNumber(OptionMeanings.XResolutionOption);
        return new AppliedScanSettings(
            device.Name,
            sourceValue,
            set.Get(OptionMeanings.ModeOption) as string,
            actualDpi is > 0 ? (int)Math.Round(actualDpi.Value) : null);
    }

    /// <summary>Configures the device and scans, handing each page to <paramref name="onPage"/> as soon as it is complete.</summary>
    /// <param name="settings">What to scan.</param>
    /// <param name="onPage">Receives pages in device order.</param>
    /// <param name="onProgress">Receives progress after every read (may be null).</param>
    /// <param name="cancelRequested">Polled between reads; when it returns true the scan stops with <see cref="ScanFault.Cancelled"/>.</param>
    /// <returns>The number of pages delivered.</returns>
    /// <exception cref="ScanException">The scan stopped on a fault; pages delivered before it are complete.</exception>
    public int Scan(ScanSettings settings, Action<CapturedPage> onPage, Action<ScanProgress>? onProgress = null, Func<bool>? cancelRequested = null)
    {
        ArgumentNullException.ThrowIfNull(onPage);
        var applied = Configure(settings);
        var delivered = 0;
        try
        {
            while (settings.MaxPages is not { } max || delivered < max)
            {
                var number = delivered + 1;
                if (cancelRequested?.Invoke() == true)
                {
                    throw new ScanException(ScanFault.Cancelled, pageNumber: number);
                }

                var image = ReadPage(number, applied.Dpi, onProgress, cancelRequested);
                if (image is null)
                {
                    if (delivered == 0)
                    {
                        throw new ScanException(ScanFault.NoPaper, $"{device.Name}: no document", number);
                    }

                    break;
                }

                delivered = number;
                onPage(new CapturedPage(number, image, applied));
                if (!isFeeder)
                {
                    break;
                }
            }
        }
        finally
        {
            device.Cancel();
        }

        return delivered;
    }

    /// <summary>Reads one page (one frame, or three for three-pass colour); null when the feeder turned out to be empty.</summary>
    private Core.Imaging.RasterImage? ReadPage(int number, int? dpi, Action<ScanProgress>? onProgress, Func<bool>? cancelRequested)
    {
        var frames = new List<SaneFrameData>(1);
        long pageBytes = 0;
        while (true)
        {
            var status = device.Start();
            if (status == SaneStatus.NoDocs && frames.Count == 0)
            {
                return null;
            }

            if (status != SaneStatus.Good)
            {
                throw SaneFaults.DuringScan(status, "sane_start", number);
            }

            status = device.GetParameters(out var p);
            if (status != SaneStatus.Good)
            {
                throw SaneFaults.DuringScan(status, "sane_get_parameters", number);
            }

            var threePass = p.Format is SaneFrame.Red or SaneFrame.Green or SaneFrame.Blue;
            long? expected = p.Lines >= 0 ? (long)p.BytesPerLine * p.Lines * (threePass ? 3 : 1) : null;
            onProgress?.Invoke(new ScanProgress(number, pageBytes, expected));
            var frame = ReadFrame(p, number, pageBytes, expected, onProgress, cancelRequested);
            if (frame is null || frame.Length == 0)
            {
                if (frames.Count == 0)
                {
                    return null;
                }

                throw new ScanException(ScanFault.Other, $"{p.Format} frame of a three-pass page was empty", number);
            }

            pageBytes += frame.Length;
            frames.Add(frame);
            if (!threePass || p.LastFrame || frames.Count == 3)
            {
                break;
            }
        }

        return FrameAssembler.Assemble(frames, dpi);
    }

    private SaneFrameData? ReadFrame(SaneFrameParameters p, int number, long pageBytesBefore, long? pageExpected, Action<ScanProgress>? onProgress, Func<bool>? cancelRequested)
    {
        // Known length: one exact buffer. Unknown length (lines = -1, hand scanners, some feeders): grow as data comes.
        var initial = p.Lines >= 0 && p.BytesPerLine > 0 ? (long)p.BytesPerLine * p.Lines : Math.Max(p.BytesPerLine, 1) * 1024L;
        var data = new byte[Math.Clamp(initial, 1, Array.MaxLength)];
        var length = 0;
        var idleReads = 0;
        while (true)
        {
            if (cancelRequested?.Invoke() == true)
            {
                throw new ScanException(ScanFault.Cancelled, pageNumber: number);
            }

            if (length == data.Length)
            {
                if (length >= MaxFrameBytes)
                {
                    // A hand scanner or feeder that never ends the page; better a clear fault than memory exhaustion.
                    throw new ScanException(ScanFault.Unsupported, $"page longer than {MaxFrameBytes >> 20} MB", number);
                }

                Array.Resize(ref data, (int)Math.Min((long)data.Length * 2, MaxFrameBytes));
            }

            var status = device.Read(data.AsSpan(length, Math.Min(ReadChunk, data.Length - length)), out var n);
            switch (status)
            {
                case SaneStatus.Good:
                    if (n == 0)
                    {
                        // A backend in non-blocking mode with nothing yet: do not spin the CPU, and report no
                        // progress, so a backend that never delivers looks silent (and hung) to the parent.
                        if (++idleReads > 1000)
                        {
                            Thread.Sleep(1);
                        }

                        continue;
                    }

                    idleReads = 0;
                    length += n;
                    onProgress?.Invoke(new ScanProgress(number, pageBytesBefore + length, pageExpected));
                    continue;
                case SaneStatus.Eof:
                    return new SaneFrameData(p, data, length);
                case SaneStatus.NoDocs:
                    // NO_DOCS on the first read means the feeder ran out; after data it ends the frame (as EOF).
                    return length == 0 ? null : new SaneFrameData(p, data, length);
                default:
                    throw SaneFaults.DuringScan(status, "sane_read", number);
            }
        }
    }

    private void ApplySource(SaneOptionSet set, ScanSource source)
    {
        var option = set.Find(OptionMeanings.SourceOption);
        if (option is null)
        {
            // A single-source device: it is whatever it is, and is scanned one sheet at a time (see Configure).
            return;
        }

        var choice = OptionMeanings.ChooseSource(option.StringChoices, source);
        if (choice is not null)
        {
            set.Set(option, choice);
            return;
        }

        if (source == ScanSource.Duplex && OptionMeanings.ChooseSource(option.StringChoices, ScanSource.Feeder) is { } feeder)
        {
            // Some backends select duplex with a separate switch on top of the feeder source.
            set.Set(option, feeder);
            if (set.TrySet("duplex", true))
            {
                return;
            }

            foreach (var name in new[] { "adf-mode", "adf_mode" })
            {
                if (set.Find(name) is { } adfMode && OptionMeanings.ChooseSource(adfMode.StringChoices, ScanSource.Duplex) is { } duplexValue)
                {
                    set.Set(adfMode, duplexValue);
                    return;
                }
            }
        }

        throw new ScanException(ScanFault.Unsupported, $"{device.Name} has no {source.ToString().ToLowerInvariant()} source (it offers: {string.Join(" | ", option.StringChoices)})");
    }

    private void ApplyMode(SaneOptionSet set, ColorMode mode)
    {
        var option = set.Find(OptionMeanings.ModeOption);
        if (option is null)
        {
            return;
        }

        var choice = OptionMeanings.ChooseMode(option.StringChoices, mode);
        if (choice is not null)
        {
            set.Set(option, choice);
            if (mode != ColorMode.Lineart)
            {
                SetDepthIfOffered(set, 8);
            }

            return;
        }

        // No lineart mode: grey at one bit per sample is lineart (the test backend works this way).
        if (mode == ColorMode.Lineart && OptionMeanings.ChooseMode(option.StringChoices, ColorMode.Gray) is { } gray)
        {
            set.Set(option, gray);
            if (SetDepthIfOffered(set, 1))
            {
                return;
            }
        }

        throw new ScanException(ScanFault.Unsupported, $"{device.Name} has no {mode.ToString().ToLowerInvariant()} mode (it offers: {string.Join(" | ", option.StringChoices)})");
    }

    private static bool SetDepthIfOffered(SaneOptionSet set, int depth)
    {
        var option = set.Find(OptionMeanings.DepthOption);
        if (option is not { IsActive: true, IsSettable: true, IsNumeric: true })
        {
            return false;
        }

        var allowed = option.Constraint switch
        {
            SaneWordList list => list.Values.Contains(depth),
            SaneRange range => depth >= range.Min && depth <= range.Max,
            _ => true,
        };
        return allowed && set.TrySet(option.Name, new double[] { depth });
    }

    private static void ApplyResolution(SaneOptionSet set, int dpi)
    {
        var names = set.Find(OptionMeanings.ResolutionOption) is not null
            ? new[] { OptionMeanings.ResolutionOption }
            : new[] { OptionMeanings.XResolutionOption, OptionMeanings.YResolutionOption };
        foreach (var name in names)
        {
            if (set.Find(name) is { IsActive: true, IsSettable: true, IsNumeric: true } option)
            {
                set.Set(option, new[] { ResolutionSnapper.Snap(dpi, option.Constraint) });
            }
        }
    }

    private static void ApplyArea(SaneOptionSet set, ScanAreaMm? area)
    {
        var tlx = set.Find(OptionMeanings.TopLeftX);
        var tly = set.Find(OptionMeanings.TopLeftY);
        if (tlx is not { IsActive: true, IsSettable: true, Constraint: SaneRange xRange0 }
            || tly is not { IsActive: true, IsSettable: true, Constraint: SaneRange yRange0 }
            || set.Find(OptionMeanings.BottomRightX) is not { Constraint: SaneRange brxRange }
            || set.Find(OptionMeanings.BottomRightY) is not { Constraint: SaneRange bryRange })
        {
            return;
        }

        // Geometry is in mm (fixed) on most backends, in pixels on a few: convert with the resolution in force.
        var dpi = set.GetNumber(OptionMeanings.ResolutionOption) ?? set.GetNumber(OptionMeanings.XResolutionOption) ?? 0;
        double ToUnit(double mm, SaneOption o) => o.Unit == SaneUnit.Pixel && dpi > 0 ? mm / 25.4 * dpi : mm;
        // By name each time: a set may reload the descriptors (and their limits).
        set.Set(OptionMeanings.TopLeftX, new[] { xRange0.Min });
        set.Set(OptionMeanings.TopLeftY, new[] { yRange0.Min });
        var brx = set.Find(OptionMeanings.BottomRightX)!;
        var bry = set.Find(OptionMeanings.BottomRightY)!;
        var maxX = brx.Constraint is SaneRange bx ? bx.Max : brxRange.Max;
        var maxY = bry.Constraint is SaneRange by ? by.Max : bryRange.Max;
        var right = area is { } a1 ? Math.Min(xRange0.Min + ToUnit(a1.WidthMm, brx), maxX) : maxX;
        var bottom = area is { } a2 ? Math.Min(yRange0.Min + ToUnit(a2.HeightMm, bry), maxY) : maxY;
        set.Set(OptionMeanings.BottomRightX, new[] { right });
        set.Set(OptionMeanings.BottomRightY, new[] { bottom });
    }

    private void ApplyDeviceOption(SaneOptionSet set, DeviceOptionSetting setting)
    {
        var option = set.Find(setting.Name) ?? throw new ScanException(
            ScanFault.InvalidOption,
            $"{device.Name} has no option '{setting.Name}' (see `scanarchive devices --json` for its options)");
        if (string.Equals(setting.Value.Trim(), "auto", StringComparison.OrdinalIgnoreCase) && option.Cap.HasFlag(SaneCap.Automatic))
        {
            set.SetAuto(option);
            return;
        }

        set.Set(option, OptionValueParser.Parse(option, setting.Value));
    }

    /// <summary>What the device offers, read from its option descriptors.</summary>
    public static ScanDeviceCapabilities ReadCapabilities(SaneOptionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var sources = set.Find(OptionMeanings.SourceOption)?.StringChoices
            .Select(v => new DeviceChoice<ScanSource>(v, OptionMeanings.ClassifySource(v).Meaning)).ToList() ?? [];
        var modes = set.Find(OptionMeanings.ModeOption)?.StringChoices
            .Select(v => new DeviceChoice<ColorMode>(v, OptionMeanings.ClassifyMode(v).Meaning)).ToList() ?? [];
        var resolution = set.Find(OptionMeanings.ResolutionOption) ?? set.Find(OptionMeanings.XResolutionOption);
        ResolutionChoices? resolutions = resolution?.Constraint switch
        {
            SaneWordList list => new ResolutionChoices(
                list.Values.Where(v => v > 0).Select(v => (int)Math.Round(v)).Distinct().Order().ToList(),
                (int)Math.Round(list.Values.Where(v => v > 0).DefaultIfEmpty(0).Min()),
                (int)Math.Round(list.Values.DefaultIfEmpty(0).Max()),
                0),
            SaneRange range => new ResolutionChoices([], (int)Math.Round(range.Min), (int)Math.Round(range.Max), (int)Math.Round(range.Quant)),
            _ => null,
        };

        ScanAreaMm? area = null;
        if (set.Find(OptionMeanings.BottomRightX) is { Constraint: SaneRange bx } brx && set.Find(OptionMeanings.BottomRightY) is { Constraint: SaneRange by })
        {
            var dpi = set.GetNumber(OptionMeanings.ResolutionOption) ?? set.GetNumber(OptionMeanings.XResolutionOption) ?? 0;
            var minX = set.Find(OptionMeanings.TopLeftX)?.Constraint is SaneRange tx ? tx.Min : 0;
            var minY = set.Find(OptionMeanings.TopLeftY)?.Constraint is SaneRange ty ? ty.Min : 0;
            double ToMm(double v) => brx.Unit == SaneUnit.Pixel ? (dpi > 0 ? v * 25.4 / dpi : double.NaN) : v;
            var w = ToMm(bx.Max - minX);
            var h = ToMm(by.Max - minY);
            area = double.IsNaN(w) || double.IsNaN(h) ? null : new ScanAreaMm(Math.Round(w, 1), Math.Round(h, 1));
        }

        var depths = set.Find(OptionMeanings.DepthOption)?.Constraint switch
        {
            SaneWordList list => list.Values.Select(v => (int)v).Order().ToList(),
            SaneRange range => Enumerable.Range((int)range.Min, (int)(range.Max - range.Min) + 1).Where(d => d is 1 or 8 or 16).ToList(),
            _ => [],
        };

        var names = set.All.Where(o => o.IsSettable && o.Type != SaneValueType.Group).Select(o => o.Name).ToList();
        return new ScanDeviceCapabilities(sources, modes, resolutions, area, depths, names);
    }

    internal static string Describe(SaneOption option) =>
        string.Create(CultureInfo.InvariantCulture, $"{option.Name} ({option.Type}{(option.IsActive ? string.Empty : ", inactive")})");
}
