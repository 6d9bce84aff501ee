using ScanArchive.Core.Archive;
using ScanArchive.Core.Capture;

namespace ScanArchive.Application.Capture;

/// <summary>A sheet just stored from the scanner.</summary>
/// <param name="Page">The scanner's page number in this run.</param>
/// <param name="Document">The stored document (pending recognition).</param>
/// <param name="Width">Pixels.</param>
/// <param name="Height">Pixels.</param>
/// <param name="Dpi">Resolution delivered.</param>
public sealed record ScannedSheet(int Page, BatchDocument Document, int Width, int Height, int Dpi);

/// <summary>How a scan run ended.</summary>
/// <param name="Batch">The batch afterwards.</param>
/// <param name="Captured">Sheets stored in this run (all recognized before the run returns).</param>
/// <param name="Fault">The scanner fault that stopped the run, or null when the feeder ran empty or the flatbed page was read.</param>
public sealed record CaptureOutcome(Batch Batch, int Captured, ScanException? Fault);
