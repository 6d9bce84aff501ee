#!/usr/bin/env bash
# The review screen in Chromium against the real server on loopback: page switch and field jump p50/p95 for a
# 50-page batch, image bytes per page, server memory with 3 reviewers. Usage: bench/review.sh [pages]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$here/bench/ScanArchive.ReviewBench" -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet run --no-build -c Release --project "$here/bench/ScanArchive.ReviewBench" -- "${1:-50}"
