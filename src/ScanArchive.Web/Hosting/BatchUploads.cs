using Microsoft.Extensions.Localization;
using ScanArchive.Application;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Processing;
using ScanArchive.Web.Api;

namespace ScanArchive.Web.Hosting;

/// <summary>
/// Receives uploaded files for a batch (API and upload form): checks size and type, spools them under
/// <see cref="DataFolderLayout.Uploads"/>, hands them to <see cref="BatchService.Import"/> and queues recognition.
/// </summary>
public sealed class BatchUploads(BatchService batches, ProcessingQueue queue, DataFolderLayout layout, IStringLocalizer<Strings> text)
{
    /// <summary>Largest file accepted (a long multi-page TIFF or PDF at 300 dpi fits).</summary>
    public const long MaxFileBytes = 200L * 1024 * 1024;

    /// <summary>Largest request accepted by the upload routes.</summary>
    public const long MaxRequestBytes = 1024L * 1024 * 1024;

    /// <summary>Most files in one upload.</summary>
    public const int MaxFiles = 500;

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".pnm", ".pbm", ".pgm", ".ppm", ".pdf",
    };

    /// <summary>Stores the files in the batch (which must exist and be visible to the actor) and starts recognition.</summary>
    /// <exception cref="ArgumentException">No file, or too many.</exception>
    public async Task<UploadResponse> ReceiveAsync(Actor actor, string batchName, IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new ArgumentException(text["Upload.NoFiles"], nameof(files));
        }

        if (files.Count > MaxFiles)
        {
            throw new ArgumentException(text["Upload.TooMany", MaxFiles], nameof(files));
        }

        var batch = batches.Find(actor, batchName);
        var folder = Path.Combine(layout.Uploads, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var accepted = new List<ImportFile>();
            var refused = new List<UploadRefusal>();
            foreach (var file in files)
            {
                var name = DisplayName(file.FileName);
                var extension = Path.GetExtension(name);
                if (file.Length == 0)
                {
                    refused.Add(new UploadRefusal(name, text["Upload.Empty", name]));
                }
                else if (file.Length > MaxFileBytes)
                {
                    refused.Add(new UploadRefusal(name, text["Upload.TooLarge", name, MaxFileBytes / (1024 * 1024)]));
                }
                else if (!Extensions.Contains(extension))
                {
                    refused.Add(new UploadRefusal(name, text["Upload.WrongType", name]));
                }
                else
                {
                    var path = Path.Combine(folder, $"{accepted.Count:D4}{extension.ToLowerInvariant()}");
                    await using (var target = File.Create(path))
                    {
                        await file.CopyToAsync(target, cancellationToken);
                    }

                    accepted.Add(new ImportFile(path, name));
                }
            }

            var imported = new List<UploadedDocument>();
            if (accepted.Count > 0)
            {
                var open = batches.OpenForCapture(actor, batch.Name);
                var result = batches.Import(actor, open, accepted, cancellationToken);
                imported.AddRange(result.Imported.Select(d => new UploadedDocument(d.Id, d.SourceName)));
                refused.AddRange(result.Refused.Select(r => new UploadRefusal(r.DisplayName, r.Message)));
                if (imported.Count > 0)
                {
                    queue.Enqueue(actor, batch.Name);
                }
            }

            return new UploadResponse(batch.Name, imported, refused, $"/api/batches/{Uri.EscapeDataString(batch.Name)}/events");
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

    /// <summary>The file's own name (browsers may send a path), without control characters.</summary>
    private static string DisplayName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? "upload" : name;
    }
}
