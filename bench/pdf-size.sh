#!/usr/bin/env bash
# Searchable PDF size: bytes/page of ScanArchive's PDFs vs `ocrmypdf --output-type pdf`, same pages, same run.
#   bench/pdf-size.sh [--real-dev] [--overhead]
#     default pages: every page of sample-scans/ (one file = one page)
#     --real-dev    also ../shared/datasets/real-dev and real-dev-zh (research-only; read in place, never copied)
#     --overhead    also time recognition with and without text layers (the renderer must not recognize again)
# PDFs and the summary go to bench/results/pdf-size-<timestamp>/. Target: ours <= 0.7 x OCRmyPDF.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo/tools/prerequisites.sh"
ensure_prerequisites
if ! command -v ocrmypdf >/dev/null 2>&1; then
  echo "Installing ocrmypdf (the peer this benchmark compares with)" >&2
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends ocrmypdf >&2
fi

real_dev=0; overhead=()
for arg in "$@"; do
  case "$arg" in
    --real-dev) real_dev=1 ;;
    --overhead) overhead=(--overhead) ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

out="$repo/bench/results/pdf-size-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out/ours" "$out/ocrmypdf"
export OMP_THREAD_LIMIT=1
dotnet build "$repo/bench/ScanArchive.Bench" -c Release -nologo -v quiet -clp:ErrorsOnly

folders=("$repo/sample-scans")
if ((real_dev)); then
  shared="$(cd "$repo/../shared/datasets" && pwd)"
  folders+=("$shared/real-dev" "$shared/real-dev-zh")
fi
mapfile -t pages < <(for f in "${folders[@]}"; do
  find "$f" -type f \( -iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.tif' -o -iname '*.tiff' -o -iname '*.pdf' \) | sort
done)
# Output names must not collide across folders: prefix with the folder name.
declare -A name_of
for p in "${pages[@]}"; do name_of["$p"]="$(basename "$(dirname "$p")")__$(basename "${p%.*}")"; done

echo "== ScanArchive (${#pages[@]} files)"
links="$out/links"; mkdir -p "$links"
for p in "${pages[@]}"; do ln -s "$p" "$links/${name_of[$p]}.${p##*.}"; done
dotnet "$repo/bench/ScanArchive.Bench/bin/Release/net10.0/ScanArchive.Bench.dll" pdf --out "$out/ours" "${overhead[@]}" "$links"/* | tee "$out/ours.txt"

echo "== OCRmyPDF $(ocrmypdf --version) --output-type pdf -l chi_sim+eng"
for p in "${pages[@]}"; do
  # --image-dpi only applies to images that declare no resolution (some receipts); --skip-text copies pages
  # that already carry text, as ours does (--force-ocr would rasterize them).
  if ! ocrmypdf --output-type pdf -l chi_sim+eng --jobs "$(nproc)" --image-dpi 300 --skip-text -q "$p" "$out/ocrmypdf/${name_of[$p]}.pdf" 2>>"$out/ocrmypdf.log"; then
    echo "ocrmypdf failed on $p (see $out/ocrmypdf.log)" >&2
  fi
done

python3 - "$out" "${pages[@]}" <<'PY' | tee "$out/summary.txt"
import os, sys, subprocess
out, pages = sys.argv[1], sys.argv[2:]
def npages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return next((int(l.split()[1]) for l in info.splitlines() if l.startswith("Pages:")), 0)
rows, ours_total, peer_total, n_total = [], 0, 0, 0
for p in pages:
    name = f"{os.path.basename(os.path.dirname(p))}__{os.path.splitext(os.path.basename(p))[0]}"
    ours, peer = f"{out}/ours/{name}.pdf", f"{out}/ocrmypdf/{name}.pdf"
    if not (os.path.exists(ours) and os.path.exists(peer)):
        print(f"skipped (a tool failed): {name}")
        continue
    n = npages(ours)
    if n == 0 or n != npages(peer):
        print(f"skipped (page counts differ): {name}")
        continue
    a, b = os.path.getsize(ours), os.path.getsize(peer)
    rows.append((name, n, a / n, b / n, a / b))
    ours_total += a; peer_total += b; n_total += n
print(f"{'page':60} {'pages':>5} {'ours B/page':>12} {'ocrmypdf B/page':>16} {'ratio':>6}")
for name, n, a, b, r in rows:
    print(f"{name:60} {n:5d} {a:12.0f} {b:16.0f} {r:6.2f}")
if n_total:
    print(f"{'total':60} {n_total:5d} {ours_total / n_total:12.0f} {peer_total / n_total:16.0f} {ours_total / peer_total:6.2f}")
    print(f"\nbytes/page, ours / OCRmyPDF = {ours_total / peer_total:.2f} (target <= 0.70) over {n_total} pages")
PY
