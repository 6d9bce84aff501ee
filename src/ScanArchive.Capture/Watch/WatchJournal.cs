using System.Text;
using System.Text.Json;

namespace ScanArchive.Capture.Watch;

/// <summary>
/// The durable memory of a watch folder: one JSON line per event, appended and flushed to disk before the event takes
/// effect (a claim before the file is handed out, an outcome before the file is moved). Replaying it after a crash
/// tells which contents were imported, which failed, and which were handed out without an outcome.
/// </summary>
internal sealed class WatchJournal : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly FileStream stream;

    public WatchJournal(string path)
    {
        Path = path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        Replay(path);
        stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    public string Path { get; }

    /// <summary>Contents imported (or recognised as duplicates of imported ones).</summary>
    public HashSet<string> Done { get; } = new(StringComparer.Ordinal);

    /// <summary>Contents handed out by an earlier run without an outcome.</summary>
    public HashSet<string> Unresolved { get; } = new(StringComparer.Ordinal);

    public void Append(string op, string name, string sha256, long length, string? reason = null)
    {
        var line = JsonSerializer.Serialize(new Entry(op, name, sha256, length, DateTimeOffset.UtcNow, reason), Json) + "\n";
        stream.Write(Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
        Apply(op, sha256);
    }

    public void Dispose() => stream.Dispose();

    private void Replay(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        foreach (var line in File.ReadLines(path))
        {
            Entry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<Entry>(line, Json);
            }
            catch (JsonException)
            {
                // A line cut off by a crash mid-append: its event never took effect.
                continue;
            }

            if (entry is { Op: not null, Sha256: not null })
            {
                Apply(entry.Op, entry.Sha256);
            }
        }
    }

    private void Apply(string op, string sha256)
    {
        switch (op)
        {
            case "claim":
                Unresolved.Add(sha256);
                break;
            case "done":
            case "duplicate":
                Done.Add(sha256);
                Unresolved.Remove(sha256);
                break;
            case "failed":
                Unresolved.Remove(sha256);
                break;
        }
    }

    private sealed record Entry(string? Op, string? Name, string? Sha256, long Length, DateTimeOffset At, string? Reason);
}
