#!/usr/bin/env bash
# Blur restoration before OCR (BlurRestorer, PageCleaner with QualityProfile.RestoreBlur): CER of the sample document
# pages blurred by σ 3–6 px (the blur / blur-soft sets of bench/quality.sh) and of qc-blurry-en-invoice, cleaned
# without restoration ("none") and as production cleans them ("cleaner": restored only when measured blurry); then the
# same pages with sensor noise and JPEG q75 after the blur. Also the restoration's CPU time against OCR of the page.
#   bench/deblur.sh [extra deblur arguments, e.g. --methods none,cleaner,wiener:0.02:1.15,unsharp:2,rl:10,half]
# Results go to bench/results/deblur-<timestamp>/ (plain/ and jpeg/: gt, pred-METHOD, score-METHOD.json, cases.txt).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "$repo/.." && pwd)/shared"
score="$shared/tools/score.py"
out="$repo/bench/results/deblur-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
source "$repo/tools/prerequisites.sh"
ensure_prerequisites
dotnet build "$repo/bench/ScanArchive.Bench" -c Release -nologo -v quiet -clp:ErrorsOnly
export OMP_THREAD_LIMIT=1
bench=(dotnet "$repo/bench/ScanArchive.Bench/bin/Release/net10.0/ScanArchive.Bench.dll" deblur --samples "$repo/sample-scans")
methods=(--methods none,cleaner)
(($# > 0)) && methods=("$@")
"${bench[@]}" --out "$out/plain" --sigmas 3,4,5,6 "${methods[@]}" > "$out/plain.log"
"${bench[@]}" --out "$out/jpeg" --sigmas 4,5,6 --jpeg 75 "${methods[@]}" > "$out/jpeg.log"
for set in plain jpeg; do
  echo "== $set: CER micro (CER without spaces) by set; qc = qc-blurry-en-invoice as shipped" | tee -a "$out/summary.txt"
  for pred in "$out/$set"/pred-*; do
    m=${pred##*/pred-}
    python3 "$score" "$out/$set/gt" "$pred" --json "$out/$set/score-$m.json" > /dev/null
    python3 - "$out/$set/score-$m.json" "$m" <<'PY' | tee -a "$out/summary.txt"
import json, sys
d = json.load(open(sys.argv[1]))["summary"]
print(f"  {sys.argv[2]:22s}", " | ".join(f"{k} {v['cer_micro']:.3f} ({v['cer_nospace_micro']:.3f})" for k, v in sorted(d.items())))
PY
  done
  grep -E '^(cost|restore|archived)' "$out/$set.log" | sed 's/^/  /' | tee -a "$out/summary.txt"
done
echo "results: $out"
