#!/usr/bin/env bash
# Issue 12 part 1: importing a 3 h ride from Garmin's details (or intervals.icu's streams) against from its FIT file,
# in process (parse, resample to 1 Hz, metrics with sample repair). No servers needed.
# Usage: bench/scripts/details/run.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
dotnet test "$repo/bench/CyclingCoach.Sync.Bench" -c Release \
  --filter "FullyQualifiedName~CyclingCoach.Sync.Bench.DetailsImportBenchmark" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "details bench:|Passed!|Failed!|error"
