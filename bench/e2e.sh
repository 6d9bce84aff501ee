#!/usr/bin/env bash
# End-to-end throughput: import → process → approve → commit with `scanarchive`, against the raw engine-pool
# limit and against OCRmyPDF (`--output-type pdf -j N`) on the same pages, in the same run. Also PDF bytes/page.
#   bench/e2e.sh [--repeat R] [--workers N] [--runs K]
# The machine may be shared: each contender runs K times (default 3), interleaved, and the best and the median
# run of each are reported; ratios are taken best to best and median to median.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo/tools/prerequisites.sh"
ensure_prerequisites
ensure_packages ocrmypdf img2pdf
repeat=2
runs=3
workers=$(nproc)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repeat) repeat="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
dotnet build "$repo/ScanArchive.sln" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
# The program as the run command starts it (published ReadyToRun by ./scanarchive).
"$repo/scanarchive" --help >/dev/null
cli=(dotnet "$repo/out/cli/scanarchive.dll")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The clean document pages of sample-scans (image files), copied R times under distinct names.
mapfile -t pages < <(cd "$repo/sample-scans" && for j in *.json; do
  python3 -c "import json,sys; q=json.load(open('$j')).get('qc',{}); sys.exit(0 if not (q.get('blank') or q.get('rotation') or q.get('blurry') or q.get('lowResolution') or q.get('lowContrast')) else 1)" &&
  for ext in png jpg jpeg tif tiff; do [[ -f "${j%.json}.$ext" ]] && echo "$repo/sample-scans/${j%.json}.$ext"; done
done)
mkdir -p "$work/in"
for r in $(seq 1 "$repeat"); do for p in "${pages[@]}"; do cp "$p" "$work/in/r$r-$(basename "$p")"; done; done
n=$(ls "$work/in" | wc -l)
echo "$n pages (${#pages[@]} files × $repeat), $workers workers, $(nproc) cores" >&2

now() { date +%s.%N; }
rate() { python3 -c "print(f'{$1 / ($2) * 60:.1f}')"; }

img2pdf "$work"/in/* -o "$work/all.pdf" 2>/dev/null
pools=(); ourss=(); theirss=()
for run in $(seq 1 "$runs"); do
  # 1. Engine-pool limit: decode + recognize only (engine start-up excluded).
  pools+=("$(dotnet "$repo/bench/ScanArchive.Bench/bin/Release/net10.0/ScanArchive.Bench.dll" ocr-throughput --pool-only --workers "$workers" "$work"/in/* | sed -n 's/^pool_pages_per_min=//p')")

  # 2. ScanArchive end to end, process start-up included.
  rm -rf "$work/data"
  t0=$(now)
  "${cli[@]}" import "$work/in" --batch e2e --workers "$workers" --data "$work/data" >/dev/null 2>"$work/import.log"
  ti=$(now)
  "${cli[@]}" approve e2e --data "$work/data" >/dev/null
  "${cli[@]}" commit e2e --data "$work/data" >/dev/null
  t1=$(now)
  ourss+=("$(rate "$n" "$t1 - $t0")")

  # 3. OCRmyPDF on the same pages as one PDF (its best case: one process, -j workers).
  o0=$(now)
  OMP_THREAD_LIMIT=1 ocrmypdf --output-type pdf -l chi_sim+eng -j "$workers" --quiet "$work/all.pdf" "$work/ocrmypdf.pdf"
  o1=$(now)
  theirss+=("$(rate "$n" "$o1 - $o0")")
  echo "run $run: pool ${pools[-1]}, scanarchive ${ourss[-1]} (import $(python3 -c "print(f'{$ti - $t0:.1f}')") s, approve+commit $(python3 -c "print(f'{$t1 - $ti:.1f}')") s), ocrmypdf ${theirss[-1]} pages/min" >&2
done
ours_bytes=$(find "$work/data/entries" -name '*.pdf' -printf '%s\n' | awk '{s+=$1} END {print s}')
theirs_bytes=$(stat -c %s "$work/ocrmypdf.pdf")
best() { printf '%s\n' "$@" | sort -g | tail -1; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
pool=$(best "${pools[@]}"); ours=$(best "${ourss[@]}"); theirs=$(best "${theirss[@]}")
pool_m=$(median "${pools[@]}"); ours_m=$(median "${ourss[@]}"); theirs_m=$(median "${theirss[@]}")

printf '\n%-40s %10s %10s\n' "contender (pages/min, $runs runs)" "best" "median"
printf '%-40s %10s %10s\n' "engine pool limit (${workers}w)" "$pool" "$pool_m" "scanarchive import→approve→commit" "$ours" "$ours_m" "ocrmypdf --output-type pdf -j $workers" "$theirs" "$theirs_m"
python3 - "$pool" "$ours" "$theirs" "$ours_bytes" "$theirs_bytes" "$n" "$pool_m" "$ours_m" "$theirs_m" <<'PY'
import sys
pool, ours, theirs, ob, tb, n, pool_m, ours_m, theirs_m = map(float, sys.argv[1:])
print(f"\nend-to-end / pool limit = {ours / pool:.2f} best, {ours_m / pool_m:.2f} median   (target ≥ 0.9)")
print(f"end-to-end / OCRmyPDF   = {ours / theirs:.2f} best, {ours_m / theirs_m:.2f} median   (target ≥ 3)")
print(f"PDF bytes/page: ours {ob / n / 1024:.0f} KiB, OCRmyPDF {tb / n / 1024:.0f} KiB, ratio {ob / tb:.2f}   (target ≤ 0.7)")
PY
