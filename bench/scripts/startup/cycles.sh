#!/usr/bin/env bash
# Issue 18 part 1: `./coach up` right after a `./coach down`, as a rider restarting does, N times (20 by default), each
# start with a fresh COACH_DIR (initdb, new secrets). Prints one row per start: the wall time of `./coach up --detach`,
# the AppHost watchdog's own "All N resources healthy in X s", and the outcome. Exits non-zero unless every start
# reported healthy. Before the fix about one start in three hung at `starting` until ./coach gave up after 360 s.
#   bench/scripts/startup/cycles.sh [cycles]
# Ports come from the environment (COACH_PORT_BASE, COACH_WEB_PORT, COACH_PG_PORT, COACH_AMQP_PORT, COACH_MGMT_PORT,
# COACH_DASHBOARD_PORT, COACH_RABBIT_NODE), e.g. `source <(/work/kit/stack.sh ports 3)`; COACH_STARTUP_TIMEOUT (300)
# bounds each start. The AppHost (and so the services) is built once first, the web app only when it was never built;
# each fresh COACH_DIR gets ./coach's build stamps so `./coach up` does not rebuild.
set -uo pipefail
cd "$(dirname "$0")/../../.."
cycles=${1:-20}
work=$(mktemp -d /tmp/coach-cycles.XXXXXX)
current=""
down() { [ -n "$current" ] && COACH_DIR=$current ./coach down > /dev/null 2>&1; }
trap 'down; rm -rf "$work"' EXIT

dotnet build CyclingCoach.AppHost -c Release -nologo -clp:ErrorsOnly -v:q > "$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
[ -f frontend/.next/standalone/server.js ] || (cd frontend && npm run build --silent) > "$work/web-build.log" 2>&1 || { tail -20 "$work/web-build.log"; exit 1; }
stamps="build-Release-CyclingCoach.AppHost.csproj.stamp build-web.stamp"

printf '| start | `./coach up --detach` (s) | watchdog (s) | outcome | load (1 min) |\n|---:|---:|---:|---|---:|\n'
healthy=0
for i in $(seq 1 "$cycles"); do
  dir=$(mktemp -d /tmp/coach-cycle.XXXXXX)
  for s in $stamps; do touch "$dir/$s"; done
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s.%N)
  COACH_DIR=$dir ./coach up --detach > "$work/up-$i.log" 2>&1
  rc=$?
  t1=$(date +%s.%N)
  current=$dir
  watchdog=$(sed -nE 's/.*All [0-9]+ resources healthy in ([0-9.]+) s.*/\1/p' "$dir/logs/apphost.log" | tail -1)
  status=$(head -c 200 "$dir/run/apphost.status" 2>/dev/null | head -1)
  if [ $rc = 0 ] && [ "$status" = healthy ]; then outcome=healthy; healthy=$((healthy + 1)); else
    outcome="FAILED (exit $rc, status '${status:-none}')"
    cp "$dir/logs/apphost.log" "/tmp/coach-cycle-$i-apphost.log" 2>/dev/null # kept for reading
  fi
  printf '| %d | %.1f | %s | %s | %s |\n' "$i" "$(echo "$t1 - $t0" | bc)" "${watchdog:--}" "$outcome" "$load"
  down
  current=""
  rm -rf "$dir"
done
echo
echo "$healthy of $cycles starts healthy"
[ "$healthy" = "$cycles" ]
