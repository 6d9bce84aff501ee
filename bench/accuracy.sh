#!/usr/bin/env bash
# OCR accuracy: ScanArchive's analyze vs plain `tesseract IMG - -l LANG`, same pages, same run.
#   bench/accuracy.sh              sample-scans, ../shared/datasets/real-dev, ../shared/datasets/real-dev-zh
# Results (predictions, score.py JSON, summary) go to bench/results/accuracy-<timestamp>/.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "$repo/../shared" && pwd)"
score="$shared/tools/score.py"
out="$repo/bench/results/accuracy-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
export OMP_THREAD_LIMIT=1

# name | ground-truth folder | tesseract languages | score.py flags
sets=(
  "sample-scans|$repo/sample-scans|chi_sim+eng|"
  "real-dev|$shared/datasets/real-dev|eng|--ignore-case"
  "real-dev-zh|$shared/datasets/real-dev-zh|chi_sim+eng|"
)

plain_tesseract() { # folder lang outdir
  local src=$1 lang=$2 dst=$3
  (cd "$src" && find . -type f \( -iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.tif' -o -iname '*.tiff' -o -iname '*.bmp' -o -iname '*.pdf' \) | sort) |
  while read -r rel; do
    echo "$src/$rel|$lang|$dst/${rel%.*}.json"
  done | xargs -P "$(nproc)" -I{} bash -c '
    IFS="|" read -r img lang json <<< "{}"
    mkdir -p "$(dirname "$json")"
    if [[ "$img" == *.pdf || "$img" == *.PDF ]]; then
      tmp=$(mktemp -d); pdftoppm -r 300 -gray -png "$img" "$tmp/p"
      text=$(for p in "$tmp"/p*.png; do tesseract "$p" - -l "$lang" 2>/dev/null; done); rm -rf "$tmp"
    else
      text=$(tesseract "$img" - -l "$lang" 2>/dev/null)
    fi
    printf "%s" "$text" | python3 -c "import json,sys; print(json.dumps({\"text\": sys.stdin.read(), \"fields\": []}, ensure_ascii=False))" > "$json"'
}

for entry in "${sets[@]}"; do
  IFS="|" read -r name gt lang flags <<< "$entry"
  [[ -d "$gt" ]] || { echo "skipping $name: $gt not found" >&2; continue; }
  echo "== $name ($lang)" >&2
  start=$(date +%s.%N)
  "$repo/scanarchive" analyze "$gt" --out "$out/ours/$name" --lang "$lang" >/dev/null || true
  mid=$(date +%s.%N)
  plain_tesseract "$gt" "$lang" "$out/tesseract/$name"
  end=$(date +%s.%N)
  echo "$name: ours $(echo "$mid - $start" | bc) s, tesseract $(echo "$end - $mid" | bc) s" >> "$out/timing.txt"
  # shellcheck disable=SC2086
  python3 "$score" "$gt" "$out/ours/$name" $flags --json "$out/score-ours-$name.json" --per-page > "$out/score-ours-$name.txt"
  # shellcheck disable=SC2086
  python3 "$score" "$gt" "$out/tesseract/$name" $flags --json "$out/score-tesseract-$name.json" --per-page > "$out/score-tesseract-$name.txt"
done

python3 "$repo/bench/summarize_accuracy.py" "$out" | tee "$out/summary.txt"
cat "$out/timing.txt"
