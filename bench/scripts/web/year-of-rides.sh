#!/usr/bin/env bash
# The web app's numbers on the real stack with a year of rides: the fake Garmin (tests/CyclingCoach.Fakes) lists 250
# rides 35 h apart, each a real FIT recording with 1 Hz streams; the stack's Sync imports them through the Garmin
# path (token import + one sync run), then frontend/e2e/measure.mjs measures every page (RUNS cold loads each).
# The stack must be started with its Sync pointed at the fake's port, e.g.
#   export Garmin__SsoBaseUrl=http://127.0.0.1:5490 Garmin__ApiBaseUrl=http://127.0.0.1:5490 Garmin__DiAuthBaseUrl=http://127.0.0.1:5490
#   COACH_DIR=… COACH_PORT_BASE=5400 … ./coach up --detach
# Usage: bench/scripts/web/year-of-rides.sh [fake-garmin-port] [rides]   (COACH_DIR etc. as for that stack)
# Rerunning it finds the rides stored and only measures again.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
port=${1:-5490} rides=${2:-250}
eval "$("$repo/coach" env | sed 's/^/export /')"
fake="http://127.0.0.1:$port"

dll="$repo/tests/CyclingCoach.Fakes/bin/${COACH_CONFIGURATION:-Release}/net10.0/CyclingCoach.Fakes.dll"
[ -f "$dll" ] || dotnet build "$repo/tests/CyclingCoach.Fakes" -c "${COACH_CONFIGURATION:-Release}" -nologo -v:q -clp:ErrorsOnly
pkill -f "CyclingCoach.Fakes.dll garmin --port $port" && sleep 1 || true
dotnet "$dll" garmin --port "$port" --activities "$rides" --spacing-hours 35 > /tmp/year-of-rides-garmin.log 2>&1 &
garmin=$!
trap 'kill $garmin 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null -X POST "$fake/__fake/tokens" && break; sleep 0.2; done

api() { curl -sf -H "X-Api-Key: $API_KEY" -H 'content-type: application/json' "$@"; }
api -X POST "$GATEWAY_URL/api/sync/garmin/token" --data "$(curl -sf -X POST "$fake/__fake/tokens")" > /dev/null
started=$(date +%s.%N)
run=$(api -X POST "$GATEWAY_URL/api/sync/runs" --data '{"source":"garmin","daysBack":400}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for _ in $(seq 900); do
  status=$(api "$GATEWAY_URL/api/sync/runs/$run" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["status"], r["found"], r["imported"], r["skipped"], r["failed"])')
  case "$status" in queued*|in_progress*) sleep 2 ;; *) break ;; esac
done
total=$(api "$GATEWAY_URL/api/workouts?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "sync run: status found imported skipped failed = $status in $(python3 -c "print(round($(date +%s.%N) - $started))") s" \
  "(load $(cut -d' ' -f1-3 /proc/loadavg)); rides stored: $total"
api -X DELETE "$GATEWAY_URL/api/sync/garmin" > /dev/null

cd "$repo/frontend"
echo "--- measure.mjs, ${RUNS:-5} cold loads per route (load $(cut -d' ' -f1-3 /proc/loadavg))"
WEB_URL=$WEB_URL API_KEY=$API_KEY RUNS=${RUNS:-5} node e2e/measure.mjs
echo "--- done (load $(cut -d' ' -f1-3 /proc/loadavg))"
