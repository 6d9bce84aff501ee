using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Watch;

/// <summary>
/// Hands out files that network scanners drop into a folder (scan-to-folder), each exactly once, even across restarts.
/// A file is handed out when its size and time stay unchanged for a while and its end is present; the consumer then
/// calls <see cref="Complete"/> (moved to <c>DIR/done</c>) or <see cref="Fail"/> (moved to <c>DIR/failed</c> with a
/// <c>.reason.txt</c>). A journal in <c>DIR/.scanarchive/</c> records each hand-out and outcome durably first:
/// content already imported is never handed out again (a re-sent identical file goes straight to done), and content
/// handed out by a run that crashed before its outcome is handed out again with <see cref="WatchedFile.IsRetry"/> so
/// the importer can check its archive by hash.
/// </summary>
public sealed class WatchFolderSource : IDisposable
{
    /// <summary>Subfolder for imported files.</summary>
    public const string DoneFolderName = "done";

    /// <summary>Subfolder for files that could not be imported.</summary>
    public const string FailedFolderName = "failed";

    private static readonly string[] TemporarySuffixes = [".tmp", ".part", ".partial", ".crdownload", ".filepart", ".download", "~"];
    private readonly WatchFolderOptions options;
    private readonly WatchJournal journal;
    private readonly Lock gate = new();
    private readonly Dictionary<string, WatchedFile> inFlight = new(StringComparer.Ordinal); // by content hash
    private readonly Dictionary<string, Candidate> candidates = new(StringComparer.Ordinal); // by path

    /// <summary>Opens (or creates) the watch state of <paramref name="folder"/>.</summary>
    public WatchFolderSource(string folder, WatchFolderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        this.options = options ?? new WatchFolderOptions();
        Directory.CreateDirectory(Folder);
        Directory.CreateDirectory(DoneFolder);
        Directory.CreateDirectory(FailedFolder);
        journal = new WatchJournal(Path.Combine(Folder, ".scanarchive", "watch-journal.jsonl"));
    }

    /// <summary>The watched folder.</summary>
    public string Folder { get; }

    /// <summary><c>DIR/done</c>.</summary>
    public string DoneFolder => Path.Combine(Folder, DoneFolderName);

    /// <summary><c>DIR/failed</c>.</summary>
    public string FailedFolder => Path.Combine(Folder, FailedFolderName);

    /// <summary>
    /// Yields each completely written file once, until cancelled (cancellation ends the enumeration quietly). Files
    /// handed out but not yet completed or failed are not handed out again by this instance.
    /// </summary>
    public async IAsyncEnumerable<WatchedFile> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var (path, name, length) in Poll())
            {
                // Claimed one at a time, right before hand-out: stopping the enumeration leaves no file claimed
                // that was never handed out.
                if (Claim(path, name, length) is not { } file)
                {
                    continue;
                }

                yield return file;
                if (cancellationToken.IsCancellationRequested)
                {
                    yield break;
                }
            }

            try
            {
                await Task.Delay(options.PollInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    /// <summary>Records the import and moves the file to <c>DIR/done</c>.</summary>
    public void Complete(WatchedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        lock (gate)
        {
            journal.Append("done", file.Name, file.Sha256, file.Length);
            inFlight.Remove(file.Sha256);
            MoveAside(file.Path, DoneFolder);
        }
    }

    /// <summary>Records the failure and moves the file to <c>DIR/failed</c>, next to <c>NAME.reason.txt</c> holding <paramref name="reason"/>.</summary>
    public void Fail(WatchedFile file, string reason)
    {
        ArgumentNullException.ThrowIfNull(file);
        lock (gate)
        {
            journal.Append("failed", file.Name, file.Sha256, file.Length, reason);
            inFlight.Remove(file.Sha256);
            var moved = MoveAside(file.Path, FailedFolder);
            if (moved is not null)
            {
                File.WriteAllText(moved + ".reason.txt", $"{DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss zzz}\n{file.Name}\n{reason}\n");
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => journal.Dispose();

    /// <summary>One scan of the folder: the files that became completely written since the last one.</summary>
    private List<(string Path, string Name, long Length)> Poll()
    {
        var ready = new List<(string, string, long)>();
        var now = DateTime.UtcNow;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(Folder))
        {
            var name = Path.GetFileName(path);
            if (IsIgnored(name))
            {
                continue;
            }

            seen.Add(path);
            FileInfo info;
            try
            {
                info = new FileInfo(path);
                info.Refresh();
                if (!info.Exists)
                {
                    continue;
                }
            }
            catch (IOException)
            {
                continue;
            }

            lock (gate)
            {
                if (inFlight.Values.Any(f => f.Path == path))
                {
                    continue;
                }
            }

            var stamp = (info.Length, info.LastWriteTimeUtc);
            if (!candidates.TryGetValue(path, out var candidate) || candidate.Stamp != stamp)
            {
                candidates[path] = new Candidate(stamp, now, candidate?.FirstSeen ?? now);
                continue;
            }

            if (now - candidate.StableSince < options.StableFor)
            {
                continue;
            }

            bool complete;
            try
            {
                complete = FileCompleteness.LooksComplete(path) || now - candidate.FirstSeen >= options.IncompleteGrace;
            }
            catch (IOException)
            {
                continue;
            }

            if (!complete)
            {
                continue;
            }

            candidates.Remove(path);
            ready.Add((path, name, info.Length));
        }

        foreach (var gone in candidates.Keys.Where(p => !seen.Contains(p)).ToList())
        {
            candidates.Remove(gone);
        }

        return ready;
    }

    private WatchedFile? Claim(string path, string name, long length)
    {
        string hash;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (IOException)
        {
            return null;
        }

        lock (gate)
        {
            if (journal.Done.Contains(hash))
            {
                // Already imported: a re-sent copy, or the move after an import was interrupted.
                journal.Append("duplicate", name, hash, length);
                MoveAside(path, DoneFolder);
                return null;
            }

            if (inFlight.ContainsKey(hash))
            {
                return null; // The same content under another name is being imported; decide after its outcome.
            }

            var file = new WatchedFile(path, name, length, hash, journal.Unresolved.Contains(hash));
            journal.Append("claim", name, hash, length);
            inFlight[hash] = file;
            return file;
        }
    }

    private static bool IsIgnored(string name) =>
        name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal)
        || TemporarySuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase))
        || name.EndsWith(".reason.txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>Moves a file into a subfolder without overwriting (adds " (2)", " (3)"...); null when the file is gone.</summary>
    private static string? MoveAside(string path, string folder)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var extension = Path.GetExtension(path);
        for (var n = 1; n < 10_000; n++)
        {
            var target = Path.Combine(folder, n == 1 ? name + extension : $"{name} ({n}){extension}");
            if (File.Exists(target))
            {
                continue;
            }

            try
            {
                File.Move(path, target, overwrite: false);
                return target;
            }
            catch (FileNotFoundException)
            {
                return null;
            }
            catch (IOException) when (File.Exists(target))
            {
                // Lost a race for that name; try the next.
            }
        }

        throw new IOException($"Cannot move {path} into {folder}.");
    }

    private sealed record Candidate((long Length, DateTime Time) Stamp, DateTime StableSince, DateTime FirstSeen);
}
