#!/usr/bin/env bash
# Cost of encryption at rest (issue 18), plain and encrypted in one run, as ratios: import→commit through the archive
# store (target ≤ 1.05) and search p50/p95 per query kind on the same index written both ways (target ≤ 1.20).
#   bench/encryption.sh                 60 documents × 3 rounds each way; 20,000 indexed pages, 200 queries per kind
#   bench/encryption.sh --quick         20 documents × 2 rounds; 5,000 pages, 100 queries per kind
#   bench/encryption.sh [--documents N] [--rounds N] [--pages N] [--queries N]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
args=()
for a in "$@"; do
  if [[ "$a" == "--quick" ]]; then args+=(--documents 20 --rounds 2 --pages 5000 --queries 100); else args+=("$a"); fi
done
dotnet build "$repo/bench/ScanArchive.Bench" -c Release -nologo -v quiet -clp:ErrorsOnly
mkdir -p "$repo/bench/results"
out="$repo/bench/results/encryption-$(date +%Y%m%d-%H%M%S).txt"
dotnet "$repo/bench/ScanArchive.Bench/bin/Release/net10.0/ScanArchive.Bench.dll" encryption "${args[@]+"${args[@]}"}" | tee "$out"
echo "saved to $out"
