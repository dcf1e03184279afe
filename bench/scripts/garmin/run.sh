#!/usr/bin/env bash
# Garmin sync benchmark: 1,000 activities from the fake Garmin (tests/CyclingCoach.Fakes/Garmin) at the
# default Garmin:RequestsPerSecond, on the real PostgreSQL and RabbitMQ of the test environment:
#   1. the Garmin client alone: list + 1,000 original downloads (zip of a real FIT file each);
#   2. the whole backfill through POST /api/sync/runs (download, FIT parse, metrics, store);
#   3. an incremental re-sync with nothing new (target: one list request).
# Usage: . /tmp/testenv.sh (or the COACH_TEST_* variables); bench/scripts/garmin/run.sh [activity-count]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
export GARMIN_BENCH_COUNT="${1:-1000}"
dotnet test "$repo/bench/CyclingCoach.Sync.Bench" -c Release \
  --filter "FullyQualifiedName~CyclingCoach.Sync.Bench.GarminSyncBenchmark" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "client only:|full backfill:|backfill of|re-sync:|Passed!|Failed!|error"
