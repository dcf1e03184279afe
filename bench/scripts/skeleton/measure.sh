#!/usr/bin/env bash
# Walking-skeleton measurements (issue 2): `./coach up --detach` with a warm build until every service is healthy,
# and each service's idle RSS after start-up. Uses its own COACH_DIR and ports so it can run beside `./coach up`.
#   bench/scripts/skeleton/measure.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-3}
export COACH_DIR=${COACH_DIR:-$(mktemp -d /tmp/coach-bench.XXXXXX)} COACH_PORT_BASE=5300 COACH_WEB_PORT=3300 \
  COACH_PG_PORT=55434 COACH_AMQP_PORT=5674 COACH_MGMT_PORT=15674 COACH_RABBIT_NODE=coachbench
chmod 755 "$COACH_DIR"
trap './coach down >/dev/null 2>&1 || true' EXIT

./coach up --detach > "$COACH_DIR/first-up.log" 2>&1   # cold: installs, initdb, builds
./coach down > /dev/null 2>&1

echo "| run | ./coach up --detach → all healthy (s), warm build, servers stopped before |"
echo "|---|---|"
for run in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  ./coach up --detach > "$COACH_DIR/up-$run.log" 2>&1
  end=$(date +%s.%N)
  printf '| %s | %.1f |\n' "$run" "$(echo "$end - $start" | bc)"
  if [ "$run" -lt "$runs" ]; then ./coach down > /dev/null 2>&1; fi
done

sleep 30 # idle: let start-up work settle
echo
echo "| process | idle RSS (MB) |"
echo "|---|---|"
# The process listening on each fixed port is the service itself (as ./coach kill finds it under the AppHost).
declare -A ports=([gateway]=$COACH_PORT_BASE [sync]=$((COACH_PORT_BASE + 1)) [coaching]=$((COACH_PORT_BASE + 2))
  [routes]=$((COACH_PORT_BASE + 3)) [web]=$COACH_WEB_PORT)
for svc in sync coaching routes gateway web; do
  pid=$(ss -ltnpH "sport = :${ports[$svc]}" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  [ -n "$pid" ] || continue
  printf '| %s | %.0f |\n' "$svc" "$(echo "$(ps -o rss= --pid "$pid") / 1024" | bc -l)"
done
