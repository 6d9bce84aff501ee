namespace ScanArchive.Cli;

/// <summary>Process exit codes, documented in the README for scripts.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>At least one input could not be processed; the others were.</summary>
    public const int SomeInputsFailed = 1;

    /// <summary>Bad command line or configuration (missing OCR library or language data, no inputs).</summary>
    public const int UsageOrSetup = 2;

    /// <summary>Cancelled by the user (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
