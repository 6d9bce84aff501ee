#!/usr/bin/env bash
# Page quality checks and cleanup before OCR (issue 5), same pages, same run:
#   recall per defect (blank, blurred, low resolution, low contrast, turned) on the QC cases of sample-scans plus
#   variants generated from its document pages; false flags on good pages (generated and ../shared/datasets real
#   pages); deskew residual; orientation accuracy; CER with and without cleanup on skewed and turned pages; CER by
#   defect strength (where the thresholds sit); QC + cleanup cost as a share of OCR time (CPU time, page by page).
#   bench/quality.sh [--no-ocr]
# Results go to bench/results/quality-<timestamp>/ (cases.tsv: every page's metrics and verdict; timing.tsv; summary.txt).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "$repo/.." && pwd)/shared"
score="$shared/tools/score.py"
out="$repo/bench/results/quality-$(date +%Y%m%d-%H%M%S)"
ocr=(--ocr)
[[ "${1:-}" == "--no-ocr" ]] && ocr=()
mkdir -p "$out"
source "$repo/tools/prerequisites.sh"
ensure_prerequisites
dotnet build "$repo/bench/ScanArchive.Bench" -c Release -nologo -v quiet -clp:ErrorsOnly
export OMP_THREAD_LIMIT=1
datasets=()
[[ -d "$shared/datasets" ]] && datasets=(--datasets "$shared/datasets")
dotnet "$repo/bench/ScanArchive.Bench/bin/Release/net10.0/ScanArchive.Bench.dll" quality \
  --samples "$repo/sample-scans" --out "$out" "${datasets[@]}" "${ocr[@]}" | tee "$out/checks.txt"

if ((${#ocr[@]} > 0)); then
  for mode in no-cleanup engine-deskew cleanup; do
    python3 "$score" "$out/gt" "$out/pred-$mode" --json "$out/score-$mode.json" > "$out/score-$mode.txt"
  done
  python3 "$score" "$out/gt-defects" "$out/pred-defects" --json "$out/score-defects.json" > "$out/score-defects.txt"
  python3 "$repo/bench/summarize_quality.py" "$out" | tee -a "$out/summary.txt"
fi
echo "results: $out"
