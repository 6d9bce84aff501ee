using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;
using ScanArchive.Core.Capture;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Capture.Worker;

/// <summary>Kinds of frames between the parent and the scan worker.</summary>
internal enum FrameType : byte
{
    /// <summary>Worker → parent, first frame: protocol version (proves the process really is a scan worker).</summary>
    Hello = 0x53,

    /// <summary>Parent → worker: scan with the settings in the payload.</summary>
    ScanRequest = 0x01,

    /// <summary>Parent → worker: list devices.</summary>
    DevicesRequest = 0x02,

    /// <summary>Parent → worker: stop the scan after the current read.</summary>
    Cancel = 0x03,

    /// <summary>Worker → parent: one complete page (header + pixels).</summary>
    Page = 0x10,

    /// <summary>Worker → parent: progress within a page (throttled).</summary>
    Progress = 0x11,

    /// <summary>Worker → parent: the scan stopped on a fault; last frame.</summary>
    Fault = 0x12,

    /// <summary>Worker → parent: the scan ended normally; last frame.</summary>
    Done = 0x13,

    /// <summary>Worker → parent: the device list; last frame.</summary>
    Devices = 0x14,
}

/// <summary>
/// The worker protocol: frames of <c>[type: 1 byte][payload length: int32 little-endian][payload]</c> over the worker's
/// stdin/stdout. Payloads are UTF-8 JSON, except pages: <c>[header length: int32][header JSON][pixels]</c>.
/// </summary>
internal static class WorkerProtocol
{
    /// <summary>Bumped when frames change incompatibly; parent and worker are always the same build, so this only guards against a wrong command.</summary>
    public const int Version = 1;

    /// <summary>Largest payload accepted (a 600-dpi colour A3 page is ~200 MB); larger means a corrupt stream.</summary>
    public const int MaxPayload = 1 << 30;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Json);

    public static T Deserialize<T>(ReadOnlySpan<byte> payload) =>
        JsonSerializer.Deserialize<T>(payload, Json) ?? throw new InvalidDataException($"Empty {typeof(T).Name} message.");

    /// <summary>Writes one frame (several segments, one length) and flushes.</summary>
    public static void Write(Stream stream, FrameType type, params ReadOnlySpan<ReadOnlyMemory<byte>> segments)
    {
        long length = 0;
        foreach (var s in segments)
        {
            length += s.Length;
        }

        if (length > MaxPayload)
        {
            throw new InvalidOperationException($"Frame of {length} bytes exceeds the protocol limit.");
        }

        Span<byte> header = stackalloc byte[5];
        header[0] = (byte)type;
        BinaryPrimitives.WriteInt32LittleEndian(header[1..], (int)length);
        stream.Write(header);
        foreach (var s in segments)
        {
            stream.Write(s.Span);
        }

        stream.Flush();
    }

    /// <summary>Reads one frame; null at a clean end of stream between frames.</summary>
    /// <exception cref="EndOfStreamException">The stream ended inside a frame.</exception>
    /// <exception cref="InvalidDataException">The bytes are not a frame of this protocol.</exception>
    public static async Task<(FrameType Type, byte[] Payload)?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[5];
        var got = await ReadFullyAsync(stream, header, cancellationToken);
        if (got == 0)
        {
            return null;
        }

        if (got < header.Length)
        {
            throw new EndOfStreamException("The stream ended inside a frame header.");
        }

        var type = (FrameType)header[0];
        var length = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(1));
        if (!Enum.IsDefined(type) || length < 0 || length > MaxPayload)
        {
            throw new InvalidDataException($"Not a scan-worker frame (type 0x{header[0]:x2}, length {length}).");
        }

        var payload = new byte[length];
        if (await ReadFullyAsync(stream, payload, cancellationToken) < length)
        {
            throw new EndOfStreamException($"The stream ended inside a {type} frame.");
        }

        return (type, payload);
    }

    /// <summary>Page frame segments: header JSON and pixels.</summary>
    public static (byte[] Header, ReadOnlyMemory<byte> Pixels) EncodePage(CapturedPage page)
    {
        var image = page.Image;
        var header = Serialize(new PageHeader(page.Number, image.Width, image.Height, image.Format, image.Stride, image.Dpi, page.Applied));
        var prefix = new byte[4 + header.Length];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, header.Length);
        header.CopyTo(prefix, 4);
        return (prefix, image.Pixels.AsMemory(0, image.Stride * image.Height));
    }

    public static CapturedPage DecodePage(byte[] payload)
    {
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(payload);
        var header = Deserialize<PageHeader>(payload.AsSpan(4, headerLength));
        var offset = 4 + headerLength;
        var pixels = payload.AsSpan(offset).ToArray();
        var image = new RasterImage(header.Width, header.Height, header.Format, pixels, header.Dpi, header.Stride);
        return new CapturedPage(header.Number, image, header.Applied);
    }

    private static async Task<int> ReadFullyAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}

internal sealed record HelloMessage(int Protocol, int ProcessId, string? SaneConfigDir);

internal sealed record ScanRequestMessage(ScanSettings Settings);

internal sealed record PageHeader(int Number, int Width, int Height, PixelFormat Format, int Stride, int? Dpi, AppliedScanSettings Applied);

internal sealed record ProgressMessage(int PageNumber, long BytesRead, long? BytesExpected);

internal sealed record FaultMessage(ScanFault Fault, string? Detail, int? PageNumber);

internal sealed record DoneMessage(int Pages);

internal sealed record DevicesMessage(IReadOnlyList<ScanDeviceInfo> Devices, string? SaneVersion);
