#!/usr/bin/env bash
# OCR throughput: engine pool (1 worker, N workers) vs tesseract CLI (sequential, N parallel), same pages, same run.
#   bench/throughput.sh [--workers N] [--repeat R]      default pages: the document pages of sample-scans
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo/tools/prerequisites.sh"
ensure_prerequisites
dotnet build "$repo/bench/ScanArchive.Bench" -c Release -nologo -v quiet -clp:ErrorsOnly
# Image pages only (the tesseract CLI does not read PDFs); QC cases excluded (blank pages would flatter us).
mapfile -t pages < <(cd "$repo/sample-scans" && for j in *.json; do
  python3 -c "import json,sys; q=json.load(open('$j')).get('qc',{}); sys.exit(0 if not (q.get('blank') or q.get('rotation') or q.get('blurry') or q.get('lowResolution') or q.get('lowContrast')) else 1)" &&
  for ext in png jpg jpeg tif tiff; do [[ -f "${j%.json}.$ext" ]] && echo "$repo/sample-scans/${j%.json}.$ext"; done
done)
dotnet "$repo/bench/ScanArchive.Bench/bin/Release/net10.0/ScanArchive.Bench.dll" ocr-throughput "$@" "${pages[@]}"
