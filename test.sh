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
dotnet test ScanArchive.sln -c Release --no-build -nologo -v quiet --logger "console;verbosity=normal" "$@" 2>&1 | tee /tmp/scanarchive-test.log
status=${PIPESTATUS[0]}

# One closing line across all test projects, for CI logs.
passed=$(grep -oE 'Passed: +[0-9]+' /tmp/scanarchive-test.log | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' /tmp/scanarchive-test.log | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' /tmp/scanarchive-test.log | awk '{s+=$2} END {print s+0}')
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
