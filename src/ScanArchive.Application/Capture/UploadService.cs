using System.Globalization;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Processing;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Text;

namespace ScanArchive.Application.Capture;

/// <summary>
/// Receives files people upload into a batch: checks count, size and type, spools them under
/// <see cref="DataFolderLayout.Uploads"/>, stores them with <see cref="BatchService.Import"/> and queues recognition
/// (<see cref="ProcessingQueue"/>). The spool is deleted afterwards: the stored originals are the truth.
/// </summary>
public sealed class UploadService(BatchService batches, ProcessingQueue queue, DataFolderLayout layout)
{
    /// <summary>Largest file accepted (a long multi-page TIFF or PDF at 300 dpi fits).</summary>
    public const long MaxFileBytes = 200L * 1024 * 1024;

    /// <summary>Largest upload (all files of one request) a host should accept.</summary>
    public const long MaxRequestBytes = 1024L * 1024 * 1024;

    /// <summary>Most files in one upload.</summary>
    public const int MaxFiles = 500;

    private const int CopyBufferBytes = 81920;

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".pnm", ".pbm", ".pgm", ".ppm", ".pdf",
    };

    /// <summary>The file name endings accepted (for a host's file picker).</summary>
    public static IReadOnlyCollection<string> AcceptedExtensions => Extensions;

    /// <summary>
    /// Stores the files in the batch (which must exist and be visible to the actor; it is opened for capture) and
    /// queues its recognition. Files that are empty, too large or not images/PDFs are refused by name; the others go in.
    /// </summary>
    /// <exception cref="ArgumentException">No file, or more than <see cref="MaxFiles"/>.</exception>
    public async Task<UploadResult> ReceiveAsync(Actor actor, string batchName, IReadOnlyList<UploadFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(files);
        actor.Require(Permission.Capture);
        var culture = CultureInfo.CurrentUICulture;
        if (files.Count == 0)
        {
            throw new ArgumentException(UserMessages.Pick("没有收到文件（表单字段名应为 files）。", "No file received (the form field is named 'files').", culture), nameof(files));
        }

        if (files.Count > MaxFiles)
        {
            throw new ArgumentException(UserMessages.Pick($"一次最多上传 {MaxFiles} 个文件。", $"At most {MaxFiles} files per upload.", culture), nameof(files));
        }

        var batch = batches.Find(actor, batchName);
        var folder = Path.Combine(layout.Uploads, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var accepted = new List<ImportFile>();
            var refused = new List<ImportRefusal>();
            foreach (var file in files)
            {
                var name = DisplayName(file.FileName);
                var extension = Path.GetExtension(name);
                if (!Extensions.Contains(extension))
                {
                    refused.Add(new ImportRefusal(name, UserMessages.Pick($"{name}：不支持的文件类型（可上传 PNG、JPEG、TIFF、BMP、PNM、PDF）。", $"{name}: not a supported file type (PNG, JPEG, TIFF, BMP, PNM, PDF).", culture)));
                    continue;
                }

                var path = Path.Combine(folder, $"{accepted.Count:D4}{extension.ToLowerInvariant()}");
                var length = await SpoolAsync(file, path, cancellationToken).ConfigureAwait(false);
                if (length == 0)
                {
                    refused.Add(new ImportRefusal(name, UserMessages.Pick($"{name}：文件是空的。", $"{name}: the file is empty.", culture)));
                }
                else if (length > MaxFileBytes)
                {
                    refused.Add(new ImportRefusal(name, UserMessages.Pick($"{name}：文件超过 {MaxFileBytes / (1024 * 1024)} MB 上限。", $"{name}: the file is larger than the limit of {MaxFileBytes / (1024 * 1024)} MB.", culture)));
                }
                else
                {
                    accepted.Add(new ImportFile(path, name));
                }
            }

            var imported = new List<Core.Archive.BatchDocument>();
            IReadOnlyList<ImportSkip> skipped = [];
            IReadOnlyList<ImportDuplicate> elsewhere = [];
            if (accepted.Count > 0)
            {
                var open = batches.OpenForCapture(actor, batch.Name);
                var result = batches.Import(actor, open, accepted, cancellationToken);
                imported.AddRange(result.Imported);
                refused.AddRange(result.Refused);
                (skipped, elsewhere) = (result.AlreadyInBatch, result.FoundElsewhere);
                if (imported.Count > 0)
                {
                    queue.Enqueue(actor, batch.Name);
                }
            }

            return new UploadResult(batch.Name, imported, refused) { AlreadyInBatch = skipped, FoundElsewhere = elsewhere };
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // The spool folder is scratch space; a leftover file does no harm.
            }
        }
    }

    /// <summary>
    /// Copies the upload to <paramref name="path"/>; returns its length, or one byte past the limit when it is larger
    /// (the rest is not read: a host's own request limit bounds what arrives).
    /// </summary>
    private static async Task<long> SpoolAsync(UploadFile file, string path, CancellationToken cancellationToken)
    {
        var buffer = new byte[CopyBufferBytes];
        long total = 0;
        await using var source = file.Open();
        await using (var target = File.Create(path))
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > MaxFileBytes)
                {
                    break;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }

        if (total > MaxFileBytes || total == 0)
        {
            File.Delete(path);
        }

        return total;
    }

    /// <summary>The file's own name (browsers may send a path), without control characters.</summary>
    private static string DisplayName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? "upload" : name;
    }
}
