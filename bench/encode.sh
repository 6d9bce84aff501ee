#!/usr/bin/env bash
# Page image encoding for the archive PDFs: our G4 and TurboJPEG encoders against the ImageMagick paths they
# replaced, same pages, same run (CPU ms per page, best of five, and bytes). Every sample-scans page by default.
#   bench/encode.sh [PAGE...]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo/tools/prerequisites.sh"
ensure_prerequisites
dotnet build "$repo/bench/ScanArchive.Bench" -c Release -nologo -v quiet -clp:ErrorsOnly
pages=("$@")
if ((${#pages[@]} == 0)); then
  pages=("$repo"/sample-scans/*.{jpg,png,tif})
fi
dotnet "$repo/bench/ScanArchive.Bench/bin/Release/net10.0/ScanArchive.Bench.dll" encode "${pages[@]}"
