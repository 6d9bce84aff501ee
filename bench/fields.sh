#!/usr/bin/env bash
# Field extraction accuracy: ScanArchive's extractor vs a regex-only baseline on the same OCR text, same run.
#   bench/fields.sh                 recognize sample-scans and ../shared/datasets/real-dev, extract, score
#   bench/fields.sh --reuse DIR     skip recognition: re-extract from analyze JSON saved under DIR/sample-scans, DIR/real-dev
#                                   and DIR/variants-SEED (the unseen-wording sets, regenerated into DIR/variant-pages-SEED)
# Variant sets: customer forms with label wordings and layouts the extractor was not written against
# (tools/ScanArchive.SampleGenerator --variants), one per seed in VARIANT_SEEDS, generated under the results folder.
# Results go to bench/results/fields-<timestamp>/ (predictions, score.py output, summary.txt).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "$repo/../shared" && pwd)"
score="$shared/tools/score.py"
realdev="$shared/datasets/real-dev"
out="$repo/bench/results/fields-$(date +%Y%m%d-%H%M%S)"
reuse=""
variant_seeds="${VARIANT_SEEDS:-20261122 20261206}"
if [[ "${1:-}" == "--reuse" ]]; then reuse="$(cd "$2" && pwd)"; fi
mkdir -p "$out"
export OMP_THREAD_LIMIT=1

dotnet build "$repo/bench/ScanArchive.Bench" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet build "$repo/tools/ScanArchive.SampleGenerator" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
bench="$repo/bench/ScanArchive.Bench/bin/Release/net10.0/ScanArchive.Bench"
generator="$repo/tools/ScanArchive.SampleGenerator/bin/Release/net10.0/ScanArchive.SampleGenerator"

# 1. OCR (or reuse), then extraction on the saved OCR so that its cost is measured apart from recognition.
if [[ -z "$reuse" ]]; then
  reuse="$out/ocr"
  start=$(date +%s.%N)
  "$repo/scanarchive" analyze "$repo/sample-scans" --out "$reuse/sample-scans" 2>"$out/analyze-sample.log" >/dev/null || true
  if [[ -d "$realdev" ]]; then
    # Same language as bench/accuracy.sh uses for these English pages.
    "$repo/scanarchive" analyze "$realdev" --lang eng --out "$reuse/real-dev" 2>"$out/analyze-realdev.log" >/dev/null || true
  fi
  end=$(date +%s.%N)
  pages=$(find "$reuse" -name '*.json' | wc -l)
  echo "ocr: $pages pages in $(echo "$end - $start" | bc) s" > "$out/timing.txt"
fi
# Variant sets: pages and ground truth are regenerated (deterministic per seed); recognized unless already saved.
for seed in $variant_seeds; do
  pages_dir="$reuse/variant-pages-$seed"
  [[ -d "$pages_dir" ]] || "$generator" --variants --seed "$seed" --out "$pages_dir" >/dev/null
  [[ -d "$reuse/variants-$seed" ]] || "$repo/scanarchive" analyze "$pages_dir" --out "$reuse/variants-$seed" 2>"$out/analyze-variants-$seed.log" >/dev/null || true
  "$bench" fields-extract "$reuse/variants-$seed" "$out/ours/variants-$seed" 2>>"$out/timing.txt"
done
"$bench" fields-extract "$reuse/sample-scans" "$out/ours/sample-scans" 2>>"$out/timing.txt"
[[ -d "$reuse/real-dev" ]] && "$bench" fields-extract "$reuse/real-dev" "$out/ours/real-dev" 2>>"$out/timing.txt"

{
  echo "== sample-scans ($(date -I), machine shared with other jobs: timings are indicative only)"
  python3 "$repo/bench/summarize_fields.py" sample "$repo/sample-scans" "$out/ours/sample-scans"
  echo
  echo "== score.py on sample-scans (all canonical keys, all 17 pages)"
  python3 "$score" "$repo/sample-scans" "$out/ours/sample-scans" | tail -n +1
  for seed in $variant_seeds; do
    echo
    echo "== unseen-wording variants, seed $seed (customer forms the extractor was not written against)"
    python3 "$repo/bench/summarize_fields.py" sample "$reuse/variant-pages-$seed" "$out/ours/variants-$seed"
  done
  if [[ -d "$out/ours/real-dev" ]]; then
    python3 "$repo/bench/summarize_fields.py" realdev "$realdev" "$out/ours/real-dev" "$out/score"
    for system in ours baseline; do
      echo
      echo "== real-dev, $system (SROIE: company/date/address/total field F1; FUNSD: pairs, value F1)"
      python3 "$score" "$realdev" "$out/score/$system" --ignore-case --json "$out/score-$system.json"
    done
    echo
    python3 "$repo/bench/summarize_fields.py" sroie-keys "$realdev" "$out/score"
  fi
  echo
  cat "$out/timing.txt"
  # Extraction cost as a share of recognition, both measured in this run (only when recognition ran here).
  python3 - "$out/timing.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
ocr = re.search(r"ocr: (\d+) pages in ([\d.]+) s", t)
ext = [(int(p), float(ms)) for p, ms in re.findall(r"(\d+) pages, ([\d.]+) ms/page", t)]
if ocr and ext:
    per_ocr = float(ocr.group(2)) / int(ocr.group(1)) * 1000
    per_ext = sum(p * ms for p, ms in ext) / sum(p for p, _ in ext)
    print(f"extraction / recognition time per page: {per_ext:.1f} ms / {per_ocr:.0f} ms = {per_ext / per_ocr:.3f}")
PY
} | tee "$out/summary.txt"
