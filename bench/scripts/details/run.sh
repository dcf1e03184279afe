#!/usr/bin/env bash
# Issue 12 part 1: importing a 3 h ride from Garmin's details (or intervals.icu's streams) against from its FIT file,
# in process (parse, resample to 1 Hz, metrics with sample repair). No servers needed.
# Usage: bench/scripts/details/run.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
export DETAILS_BENCH=1
dotnet test "$repo/tests/CyclingCoach.Sync.Tests" -c Release \
  --filter "FullyQualifiedName~CyclingCoach.Sync.Tests.Streams.DetailsImportBenchmark" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "details bench:|Passed!|Failed!|error"
