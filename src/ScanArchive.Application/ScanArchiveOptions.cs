using System.Diagnostics;
using ScanArchive.Archive.Storage;
using ScanArchive.Ocr;

namespace ScanArchive.Application;

/// <summary>How the application is set up by its host.</summary>
public sealed record ScanArchiveOptions
{
    /// <summary>The data folder (see <see cref="DataFolderLayout"/>).</summary>
    public required string DataFolder { get; init; }

    /// <summary>Recognition settings (languages, language data folder, workers). The text layer is always rendered.</summary>
    public TesseractOptions Ocr { get; init; } = new();

    /// <summary>Which engine reads pages when neither the command nor the scan profile says (default: Tesseract, see issue 19).</summary>
    public Core.Ocr.OcrEngineChoice Engine { get; init; } = Core.Ocr.OcrEngineChoice.Tesseract;

    /// <summary>Archive numbering and clock.</summary>
    public Func<string, ArchiveStoreOptions>? StoreOptions { get; init; }

    /// <summary>
    /// Starts a scanner worker process (this program in its hidden <c>scan-worker</c> mode). Null: the running
    /// program itself (see <c>ScanWorkerCommand.ForThisProgram</c>).
    /// </summary>
    public Func<ProcessStartInfo>? ScanWorker { get; init; }

    /// <summary>
    /// Where the data folder's key is kept (<see cref="Keys.KeyOptions"/>); null: from the environment
    /// (<c>SCANARCHIVE_KEY</c>, <c>SCANARCHIVE_KEY_FILE</c>, <c>SCANARCHIVE_KEY_DIR</c>, else <c>~/.config/scanarchive/keys</c>).
    /// </summary>
    public Keys.KeyOptions? Keys { get; init; }

    /// <summary>Time source for everything the application stamps.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
