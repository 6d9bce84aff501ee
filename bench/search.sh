#!/usr/bin/env bash
# Search benchmark (issue 3, 9c): synthesizes an archive of mixed zh/en pages (~300 tokens/page, ~30% Chinese words,
# names, valid ID numbers, phones, amounts, addresses; entries of 1–5 pages), indexes it with LuceneSearchIndex and
# reports build time, index size and p50/p95 latency per query kind, plus each kind's p95 as a ratio of a bare Lucene
# term query measured in the same run (CPU time: wall-clock p95 on a shared machine is mostly scheduler noise).
#   bench/search.sh                 100,000 pages (several minutes)
#   bench/search.sh --quick         10,000 pages, 100 queries per kind
#   bench/search.sh --pages N [--queries N] [--threads N] [--index DIR --keep]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
args=()
for a in "$@"; do
  if [[ "$a" == "--quick" ]]; then args+=(--pages 10000 --queries 100); else args+=("$a"); fi
done
dotnet build "$repo/bench/ScanArchive.Bench" -c Release -nologo -v quiet -clp:ErrorsOnly
mkdir -p "$repo/bench/results"
out="$repo/bench/results/search-$(date +%Y%m%d-%H%M%S).txt"
dotnet "$repo/bench/ScanArchive.Bench/bin/Release/net10.0/ScanArchive.Bench.dll" search "${args[@]}" | tee "$out"
echo "saved to $out"
