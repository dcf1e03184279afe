#!/usr/bin/env bash
# Issue 23 part 2, before and after in one run: the same data and ports, one stack after the other —
#   BEFORE: a checkout of the baseline (e.g. `git archive main | tar -x -C /tmp/lean-base`, built: dotnet build
#           CyclingCoach.AppHost -c Release, and the web app: frontend/node_modules and frontend/.next from AFTER)
#   AFTER:  this checkout (built likewise)
# For each: `./coach up --detach` once (warm-up), `./coach down`, then a timed warm `./coach up --detach` to every
# resource healthy; 60 s at rest; RSS and PSS of every process the stack runs (stackmem.py); the ride list through
# the gateway (bytes of a page of 50, and the median and p90 of 40 requests); `./coach down`.
# The first stack imports RIDES rides (default 60) from the fake Garmin (real FIT recordings, 1 Hz) if there are fewer;
# both stacks then read the same database (same COACH_DIR).
#   source <(/work/kit/stack.sh ports 8); bench/scripts/lean/measure.sh /tmp/lean-base .
set -euo pipefail
before=$(cd "${1:?baseline checkout}" && pwd) after=$(cd "${2:?checkout to measure}" && pwd)
here="$(cd "$(dirname "$0")" && pwd)"
rides=${RIDES:-60} fake_port=$(( ${COACH_PORT_BASE:?source the slot ports} + 90 ))
fake="http://127.0.0.1:$fake_port"
export Garmin__SsoBaseUrl=$fake Garmin__ApiBaseUrl=$fake Garmin__DiAuthBaseUrl=$fake
load() { cut -d' ' -f1-3 /proc/loadavg; }

import_rides() {
  eval "$(./coach env | sed 's/^/export /')"
  api() { curl -sf -H "X-Api-Key: $API_KEY" -H 'content-type: application/json' "$@"; }
  local have; have=$(api "$GATEWAY_URL/api/workouts?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  [ "$have" -ge "$rides" ] && return 0
  dotnet "$after/tests/CyclingCoach.Fakes/bin/Release/net10.0/CyclingCoach.Fakes.dll" garmin --port "$fake_port" --activities "$rides" --spacing-hours 35 > /tmp/lean-fake-garmin.log 2>&1 &
  local garmin=$!
  for _ in $(seq 50); do curl -sf -o /dev/null -X POST "$fake/__fake/tokens" && break; sleep 0.2; done
  api -X POST "$GATEWAY_URL/api/sync/garmin/token" --data "$(curl -sf -X POST "$fake/__fake/tokens")" > /dev/null
  local run status
  run=$(api -X POST "$GATEWAY_URL/api/sync/runs" --data '{"source":"garmin","daysBack":400}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  for _ in $(seq 900); do
    status=$(api "$GATEWAY_URL/api/sync/runs/$run" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    case "$status" in queued|in_progress) sleep 2 ;; *) break ;; esac
  done
  api -X DELETE "$GATEWAY_URL/api/sync/garmin" > /dev/null
  kill $garmin; wait $garmin 2>/dev/null || true
  echo "imported: run $status, $(api "$GATEWAY_URL/api/workouts?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])') rides stored"
}

measure() {
  local label=$1 dir=$2
  cd "$dir"
  echo "## $label ($dir)"
  ./coach down > /dev/null 2>&1 || true
  touch "$COACH_DIR"/build-*.stamp 2>/dev/null || true # both checkouts are built beforehand: no rebuild inside the timing
  ./coach up --detach > /tmp/lean-up.log 2>&1 || { tail -30 /tmp/lean-up.log; exit 1; }
  [ "$label" = before ] && import_rides
  ./coach down > /dev/null
  touch "$COACH_DIR"/build-*.stamp 2>/dev/null || true
  echo "load before up: $(load)"
  local t0; t0=$(date +%s.%N)
  ./coach up --detach > /tmp/lean-up.log 2>&1 || { tail -30 /tmp/lean-up.log; exit 1; }
  echo "warm ./coach up --detach → healthy: $(python3 -c "print(round($(date +%s.%N) - $t0, 1))") s ($(grep -o 'all healthy in [0-9]* s' /tmp/lean-up.log))"
  eval "$(./coach env | sed 's/^/export /')"
  curl -sf -o /dev/null -H "X-Api-Key: $API_KEY" "$GATEWAY_URL/api/workouts?pageSize=50"
  sleep 60
  echo "at rest (60 s after healthy), load $(load):"
  python3 "$here/stackmem.py" "$COACH_DIR"
  local page="$GATEWAY_URL/api/workouts?pageSize=50"
  echo "GET /api/workouts?pageSize=50: $(curl -sf -H "X-Api-Key: $API_KEY" "$page" | wc -c) bytes," \
    "gzip $(curl -sf -H "X-Api-Key: $API_KEY" -H 'accept-encoding: gzip' "$page" | wc -c) bytes as sent"
  for _ in $(seq 40); do curl -sf -o /dev/null -w '%{time_total}\n' -H "X-Api-Key: $API_KEY" "$page"; done \
    | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "latency of that page through the gateway (40 sequential): median %.1f ms, p90 %.1f ms\n", t[int(NR / 2)], t[int(NR * 0.9)] }'
  ./coach down > /dev/null
  echo
}

echo "start $(date -u +%H:%M) UTC, load $(load)"
measure before "$before"
measure after "$after"
echo "end $(date -u +%H:%M) UTC, load $(load)"
