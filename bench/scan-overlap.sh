#!/usr/bin/env bash
# Scan/OCR overlap on a 10-sheet feeder batch from the virtual test:0 scanner (see bench/scan-overlap.cs).
#   bench/scan-overlap.sh [--sheets N] [--delay-us D] [--workers W]
# Exit code 0 when overlapped <= max(scan, OCR) + one page's OCR.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo/tools/prerequisites.sh"
ensure_prerequisites
dotnet build "$repo/src/ScanArchive.Cli" -c Release -nologo -v quiet -clp:ErrorsOnly
export OMP_THREAD_LIMIT=1
exec dotnet run -c Release "$repo/bench/scan-overlap.cs" -- "$repo" "$repo/src/ScanArchive.Cli/bin/Release/net10.0/scanarchive.dll" "$@"
