#!/usr/bin/env bash
# ScanArchive test command: installs native prerequisites when missing, builds, runs every test.
#   ./test.sh            all tests
#   ./test.sh --filter X extra arguments go to `dotnet test`
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tools/prerequisites.sh
source "$here/tools/prerequisites.sh"
ensure_prerequisites

cd "$here"
dotnet build ScanArchive.sln -c Release -nologo -v quiet -clp:ErrorsOnly
set +e
dotnet test ScanArchive.sln -c Release --no-build -nologo "$@" 2>&1 | tee /tmp/scanarchive-test.log
status=${PIPESTATUS[0]}
set -e

# One closing line across all test projects (each prints "Passed!  - Failed: N, Passed: N, Skipped: N, ...").
sum() { grep -oE "$1: +[0-9]+" /tmp/scanarchive-test.log | awk '{s+=$2} END {print s+0}'; }
echo "$(sum Passed) passed, $(sum Failed) failed, $(sum Skipped) skipped"
exit "$status"
