#!/usr/bin/env bash
# Recompute after a first FTP on ten years of daily rides (bench/RESULTS.md, "Issue 17"), end to end on the real
# stack: from the PUT of the FTP on the settings path to the fitness API showing the new CTL.
#
# 1. The rides come the way a rider's do: the fake Garmin (tests/CyclingCoach.Fakes) lists RIDES rides 24 h apart,
#    each a real FIT recording with 1 Hz power (four recordings, 10–38 min), and one Garmin sync run through the
#    gateway imports them (download, FIT parse, metrics, store, WorkoutImported → Coaching, an analysis each).
#    Skipped when the stack already holds them.
# 2. It waits until Coaching has projected every ride and analysed them all (the import's own backlog is not timed).
# 3. The stack must have no FTP yet (a fresh install). PUT /api/coach/athlete { ftpWatts: 250 } (effective today:
#    the first FTP reaches back to every ride), then times:
#      sync    — every ride in Sync's database has a power TSS (the recompute: AthleteProfileChanged → batches);
#      coach   — every ride in Coaching's projection has it (WorkoutMetricsRecalculated × RIDES consumed);
#      fitness — GET /api/coach/fitness for today shows the CTL this script computes itself from Sync's loads
#                (CTL_d = CTL_{d−1}·λ + load_d·(1 − λ), λ = e^(−1/42), from the first ride on).
# 4. The same again for a change of that FTP (250 → 260, same date): every ride again.
#
# The stack must be started with its Sync pointed at the fake Garmin's port, e.g. with /work-style kit scripts or
#   export Garmin__SsoBaseUrl=http://127.0.0.1:5490 Garmin__ApiBaseUrl=http://127.0.0.1:5490 Garmin__DiAuthBaseUrl=http://127.0.0.1:5490
#   COACH_DIR=… COACH_PORT_BASE=5400 … ./coach up --detach
# and COACH_TEST_POSTGRES set to its PostgreSQL (Host=…;Port=…;Username=…;Password=…) for the progress queries; the
# port must be free (the script runs its own fake there and stops it on exit).
# Usage: bench/scripts/sync/first-ftp.sh [fake-garmin-port=5490] [rides=3650]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
port=${1:-5490} rides=${2:-3650}
eval "$("$repo/coach" env | sed 's/^/export /')"
: "${COACH_TEST_POSTGRES:?set COACH_TEST_POSTGRES to the stack's PostgreSQL (Host=…;Port=…;Username=…;Password=…)}"
fake="http://127.0.0.1:$port"

field() { tr ';' '\n' <<<"$COACH_TEST_POSTGRES" | sed -n "s/^$1=//Ip" | head -1; }
pg() { PGPASSWORD=$(field Password) psql -h "$(field Host)" -p "$(field Port)" -U "$(field Username)" -d "$1" -At -v ON_ERROR_STOP=1 -c "$2"; }
api() { curl -sf -H "X-Api-Key: $API_KEY" -H 'content-type: application/json' "$@"; }
now() { date +%s.%N; }
since() { python3 -c "print(f'{$(now) - $1:.1f}')"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

stored=$(pg syncdb "SELECT count(*) FROM workouts WHERE source = 'Garmin'")
if [ "$stored" -lt "$rides" ]; then
  dll="$repo/tests/CyclingCoach.Fakes/bin/${COACH_CONFIGURATION:-Release}/net10.0/CyclingCoach.Fakes.dll"
  [ -f "$dll" ] || dotnet build "$repo/tests/CyclingCoach.Fakes" -c "${COACH_CONFIGURATION:-Release}" -nologo -v:q -clp:ErrorsOnly
  dotnet "$dll" garmin --port "$port" --activities "$rides" --spacing-hours 24 > /tmp/first-ftp-garmin.log 2>&1 &
  garmin=$!
  trap 'kill $garmin 2>/dev/null || true' EXIT
  for _ in $(seq 100); do curl -sf -o /dev/null -X POST "$fake/__fake/tokens" && break; sleep 0.2; done
  api -X POST "$GATEWAY_URL/api/sync/garmin/token" --data "$(curl -sf -X POST "$fake/__fake/tokens")" > /dev/null
  started=$(now)
  run=$(api -X POST "$GATEWAY_URL/api/sync/runs" --data '{"source":"garmin","daysBack":3660}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  while :; do
    status=$(api "$GATEWAY_URL/api/sync/runs/$run" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["status"], r["found"], r["imported"], r["skipped"], r["failed"])')
    case "$status" in queued*|in_progress*) sleep 5 ;; *) break ;; esac
  done
  echo "import: sync run (status found imported skipped failed) = $status in $(since "$started") s (load $(load))"
  api -X DELETE "$GATEWAY_URL/api/sync/garmin" > /dev/null
  kill $garmin 2>/dev/null || true
fi

total=$(pg syncdb "SELECT count(*) FROM workouts")
started=$(now)
until [ "$(pg coachingdb "SELECT count(*) FROM workouts")" -ge "$total" ] \
  && [ "$(pg coachingdb "SELECT count(*) FROM analyses WHERE status = 'Pending'")" = 0 ]; do sleep 5; done
echo "rides: $total in Sync, all projected and analysed by Coaching ($(since "$started") s of backlog waited for; load $(load))"

if [ "$(pg coachingdb "SELECT count(*) FROM athlete_threshold_periods WHERE ftp_watts IS NOT NULL")" != 0 ]; then
  echo "this stack has an FTP already: the first FTP can be measured once, on a fresh stack" >&2
  exit 1
fi

# CTL for today from Sync's loads, by the rider's local date of each ride.
expected_ctl() {
  pg syncdb "SELECT (start_time_utc + coalesce(start_utc_offset_minutes, 0) * interval '1 minute')::date, sum(training_load)
             FROM workouts GROUP BY 1 ORDER BY 1" | python3 -c '
import sys, math, datetime
loads = {datetime.date.fromisoformat(d): float(l) for d, l in (line.strip().split("|") for line in sys.stdin if line.strip())}
lam, ctl, day, today = math.exp(-1 / 42), 0.0, min(loads), datetime.date.today()
while day <= today:
    ctl = ctl * lam + loads.get(day, 0.0) * (1 - lam)
    day += datetime.timedelta(days=1)
print(f"{ctl:.2f}")'
}
fitness_ctl() {
  local today; today=$(date +%F)
  api "$GATEWAY_URL/api/coach/fitness?from=$today&to=$today" | python3 -c 'import json,sys; print(f"{json.load(sys.stdin)[\"days\"][0][\"ctl\"]:.2f}")'
}

measure() { # $1 FTP, $2 what
  local ftp=$1 what=$2 t0 sync coach fitness ctl shown
  local before; before=$(fitness_ctl)
  t0=$(now)
  api -X PUT "$GATEWAY_URL/api/coach/athlete" --data "{\"ftpWatts\":$ftp}" > /dev/null
  until [ "$(pg syncdb "SELECT count(*) FROM workouts WHERE has_streams AND (training_load_source <> 'power' OR (metrics->>'ftpUsedWatts')::float8 <> $ftp)")" = 0 ]; do sleep 0.2; done
  sync=$(since "$t0")
  until [ "$(pg coachingdb "SELECT count(*) FROM workouts WHERE training_load_source IS DISTINCT FROM 'power' OR ftp_used_watts IS DISTINCT FROM $ftp")" = 0 ]; do sleep 0.2; done
  coach=$(since "$t0")
  ctl=$(expected_ctl)
  until shown=$(fitness_ctl) && python3 -c "import sys; sys.exit(0 if abs($shown - $ctl) < 0.015 else 1)"; do sleep 0.2; done
  fitness=$(since "$t0")
  echo "$what (FTP $ftp W, $total rides): Sync recomputed all in $sync s, Coaching's projection in $coach s, fitness API CTL $before → $shown (computed here: $ctl) at $fitness s (load $(load))"
}

echo "--- first FTP (load $(load))"
measure 250 "first FTP"
echo "--- a changed FTP, same date"
measure 260 "changed FTP"
