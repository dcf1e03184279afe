#!/usr/bin/env bash
# Sync pipeline benchmark: upload of N FIT files, backfill of M activities from the fake intervals.icu, re-sync with
# nothing new — through the real HTTP API, on the test PostgreSQL and RabbitMQ (`. /tmp/testenv.sh` or ./coach test's
# COACH_TEST_* variables). Usage: bench/scripts/sync/run.sh [files=100] [activities=1000] [ride-seconds=3600]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
export SYNC_BENCH_FILES="${1:-100}" SYNC_BENCH_ACTIVITIES="${2:-1000}" SYNC_BENCH_RIDE_SECONDS="${3:-3600}" SYNC_BENCH_OUT="$out"
cd "$repo"
dotnet test tests/CyclingCoach.Sync.Tests -c Release \
  --filter "FullyQualifiedName~PipelineBenchmarkTests" --logger "console;verbosity=minimal" >&2
cat "$out"; echo
