using ScanArchive.Core.Documents;

namespace ScanArchive.Imaging;

/// <summary>One input to read.</summary>
/// <param name="Path">The file's path as given or found.</param>
/// <param name="RelativePath">
/// Where it sits relative to the folder that was given (for a file named directly: its file name); outputs
/// mirror this layout.
/// </param>
public sealed record CollectedInput(string Path, string RelativePath);

/// <summary>The inputs to read, and what was passed over.</summary>
/// <param name="Inputs">Files to read, in a deterministic order.</param>
/// <param name="SkippedPaths">Files inside folders that are neither documents by content nor by name (ground-truth JSON, READMEs, .DS_Store).</param>
public sealed record InputCollection(IReadOnlyList<CollectedInput> Inputs, IReadOnlyList<string> SkippedPaths)
{
    /// <summary>Folders given that hold no image or PDF at all (as given), so the user can be told which one was empty.</summary>
    public IReadOnlyList<string> EmptyFolders { get; init; } = [];

    /// <summary>Number of files passed over.</summary>
    public int Skipped => SkippedPaths.Count;
}

/// <summary>
/// Expands command-line inputs (files and folders) into the files to read. Folders are walked recursively and
/// sorted ordinally, so two runs over the same tree process the same files in the same order.
/// </summary>
/// <remarks>
/// Inside a folder a file is skipped (and counted) only when its content is not a document <em>and</em> its
/// name does not claim one: a <c>.png</c> that holds text is kept, so reading it reports the problem instead of
/// the page silently going missing. Hidden files that are not documents (macOS <c>._scan.png</c> resource forks)
/// are skipped whatever their extension; hidden folders (.git, .Trashes, thumbnail caches) are not entered.
/// A path named on the command line is always collected, even when missing: reading it reports why.
/// </remarks>
public static class InputCollector
{
    /// <summary>Expands the inputs in the order given; each folder's files are sorted by relative path.</summary>
    public static InputCollection Collect(IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var collected = new List<CollectedInput>();
        var skipped = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var empty = new List<string>();

        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var (files, passedOver) = CollectFolder(input);
                if (files.Count == 0)
                {
                    empty.Add(input);
                }

                collected.AddRange(files.Where(f => seen.Add(System.IO.Path.GetFullPath(f.Path))));
                skipped.AddRange(passedOver);
            }
            else if (seen.Add(System.IO.Path.GetFullPath(input)))
            {
                collected.Add(new CollectedInput(input, System.IO.Path.GetFileName(input)));
            }
        }

        return new InputCollection(collected, skipped) { EmptyFolders = empty };
    }

    private static (List<CollectedInput> Files, List<string> Skipped) CollectFolder(string root)
    {
        var files = new List<CollectedInput>();
        var skipped = new List<string>();

        // Real (link-resolved) paths of folders already walked: a symlink back up the tree is not followed twice.
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            if (!visited.Add(RealPath(folder)))
            {
                continue;
            }

            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions
                {
                    AttributesToSkip = 0,
                    IgnoreInaccessible = true,
                    RecurseSubdirectories = false,
                }).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable sub-folder should not abort the batch; its files cannot be read anyway.
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo directory)
                {
                    if (!IsHidden(directory.Name))
                    {
                        pending.Push(directory.FullName);
                    }
                }
                else if (IsDocumentCandidate(entry.FullName, entry.Name))
                {
                    files.Add(new CollectedInput(entry.FullName, System.IO.Path.GetRelativePath(root, entry.FullName)));
                }
                else
                {
                    skipped.Add(entry.FullName);
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        skipped.Sort(StringComparer.Ordinal);
        return (files, skipped);
    }

    private static bool IsDocumentCandidate(string path, string name)
    {
        DocumentFormat format;
        try
        {
            format = FormatSniffer.Identify(path);
        }
        catch (DocumentReadException)
        {
            // Empty or unreadable: keep it only if its name says it should be a document, so the user hears why.
            return !IsHidden(name) && FormatSniffer.HasDocumentExtension(name);
        }

        return format != DocumentFormat.NotADocument || (!IsHidden(name) && FormatSniffer.HasDocumentExtension(name));
    }

    private static bool IsHidden(string name) => name.StartsWith('.');

    private static string RealPath(string folder)
    {
        try
        {
            var info = new DirectoryInfo(folder);
            return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? RealParentPath(info);
        }
        catch (IOException)
        {
            return System.IO.Path.GetFullPath(folder);
        }
    }

    /// <summary>A folder's full path with any symlinked ancestor resolved, so one real folder has one key.</summary>
    private static string RealParentPath(DirectoryInfo folder) =>
        folder.Parent is { } parent
            ? System.IO.Path.Combine(RealPath(parent.FullName), folder.Name)
            : folder.FullName;
}
