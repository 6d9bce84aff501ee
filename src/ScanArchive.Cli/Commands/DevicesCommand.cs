using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ScanArchive.Capture.Worker;
using ScanArchive.Core.Capture;
using ScanArchive.Core.Text;

namespace ScanArchive.Cli.Commands;

/// <summary><c>devices [--json]</c>: the scanners SANE finds, with what each can do.</summary>
internal static class DevicesCommand
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON. / 以 JSON 输出。" };
        var command = new Command("devices", "List scanners with their sources, modes, resolutions and scan area. / 列出扫描仪及其能力。");
        command.Options.Add(json);
        command.SetAction((result, cancellationToken) => RunAsync(
            GlobalOptions.DataFolder(result),
            result.GetValue(json),
            GlobalOptions.ApplyUiCulture(result),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string dataFolder, bool json, CultureInfo culture, CancellationToken cancellationToken)
    {
        IReadOnlyList<ScanDeviceInfo> devices;
        try
        {
            devices = await ScanWorkerClient.ForThisProgram(dataFolder).ListDevicesAsync(cancellationToken);
        }
        catch (ScanException ex)
        {
            Console.Error.WriteLine(ex.MessageIn(culture));
            return ScanFaultExitCodes.For(ex.Fault);
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(devices, Json));
            return ExitCodes.Success;
        }

        if (devices.Count == 0)
        {
            Console.Error.WriteLine(UserMessages.Pick(
                "没有找到扫描仪。请检查连接与电源，或查看 SANE 配置（SANE_CONFIG_DIR）。",
                "No scanners found. Check cable and power, or the SANE configuration (SANE_CONFIG_DIR).",
                culture));
            return ExitCodes.Success;
        }

        foreach (var device in devices)
        {
            Console.WriteLine($"{device.Name}  {device.Vendor} {device.Model} ({device.Type})");
            if (device.Capabilities is not { } caps)
            {
                Console.WriteLine("  " + UserMessages.Pick("无法读取能力：", "capabilities unavailable: ", culture) + device.Problem);
                continue;
            }

            Console.WriteLine($"  {Label("来源", "sources", culture)}{Choices(caps.Sources)}");
            Console.WriteLine($"  {Label("模式", "modes", culture)}{Choices(caps.Modes)}");
            Console.WriteLine($"  {Label("分辨率", "resolutions", culture)}{(caps.Resolutions is { } r ? r + " dpi" : "-")}");
            Console.WriteLine($"  {Label("位深", "bit depths", culture)}{(caps.BitDepths.Count > 0 ? string.Join(", ", caps.BitDepths) : "-")}");
            Console.WriteLine($"  {Label("扫描区域", "scan area", culture)}{(caps.MaxArea is { } a ? string.Create(CultureInfo.InvariantCulture, $"{a.WidthMm:0.#} × {a.HeightMm:0.#} mm") : "-")}");
        }

        return ExitCodes.Success;
    }

    private static string Label(string zh, string en, CultureInfo culture) => (UserMessages.Pick(zh, en, culture) + ":").PadRight(14);

    private static string Choices<T>(IReadOnlyList<DeviceChoice<T>> choices)
        where T : struct, Enum =>
        choices.Count == 0 ? "-" : string.Join(" | ", choices.Select(c => c.Meaning is { } m ? $"{c.DeviceValue} ({m.ToString().ToLowerInvariant()})" : c.DeviceValue));
}
