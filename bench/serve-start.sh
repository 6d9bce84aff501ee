#!/usr/bin/env bash
# Time from starting the published workstation server to its first answered page (/login), on a fresh data folder
# (a new data folder each run). SIGTERM, not SIGINT: background jobs of a script ignore SIGINT. Usage: bench/serve-start.sh [runs]   (builds with ./scanarchive first)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
port=5093
"$here/scanarchive" --help >/dev/null   # publishes out/cli (and checks prerequisites)
SCANARCHIVE_DATA="$(mktemp -d)" timeout 600 "$here/scanarchive" serve --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
# The first call publishes out/web; wait for it to answer once, then stop it.
until curl -sf "http://127.0.0.1:$port/api/health" >/dev/null; do sleep 0.5; done
pkill -TERM -f "out/web/scanarchive-web.dll" || true
sleep 2
for i in $(seq "$runs"); do
  data="$(mktemp -d)"
  start=$(date +%s%N)
  dotnet "$here/out/web/scanarchive-web.dll" --data "$data" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  pid=$!
  until curl -sfL -o /dev/null "http://127.0.0.1:$port/login"; do sleep 0.02; done
  end=$(date +%s%N)
  echo "run $i: first page answered $(( (end - start) / 1000000 )) ms after start"
  kill -TERM "$pid"; wait "$pid" || true
  rm -rf "$data"
done
