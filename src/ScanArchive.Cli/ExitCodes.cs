namespace ScanArchive.Cli;

/// <summary>Process exit codes, documented in the README for scripts.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>At least one input could not be processed; the others were.</summary>
    public const int SomeInputsFailed = 1;

    /// <summary>Bad command line or configuration (missing OCR library or language data, no inputs).</summary>
    public const int UsageOrSetup = 2;

    /// <summary>No batch or archive entry by that name or number.</summary>
    public const int NotFound = 3;

    /// <summary>The batch is not in a state that allows the operation (e.g. committing an unapproved batch).</summary>
    public const int Refused = 4;

    /// <summary>Another ScanArchive program holds the data folder.</summary>
    public const int DataFolderLocked = 5;

    /// <summary>verify found missing or altered files.</summary>
    public const int ArchiveDamaged = 6;

    /// <summary>Cancelled by the user (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
