#!/usr/bin/env bash
# Fault drills (issue 23) on a stack of their own: the fake Garmin, `./coach up --detach --no-build` in a fresh
# COACH_DIR (build first: ./coach build), drill.py against it, then everything stopped and the folder removed.
#   bench/scripts/drills/run.sh [drill.py options: --rounds 20 --json FILE --tap …]
# Ports: the COACH_* variables when set (./coach test passes its own), else 5400… . DRILL_KEEP=1 keeps the folder.
set -euo pipefail
cd "$(dirname "$0")/../../.."
export COACH_DIR=$(mktemp -d /tmp/coach-drill.XXXXXX)
export COACH_PORT_BASE=${COACH_PORT_BASE:-5400} COACH_WEB_PORT=${COACH_WEB_PORT:-3400} COACH_PG_PORT=${COACH_PG_PORT:-55436} \
  COACH_AMQP_PORT=${COACH_AMQP_PORT:-5676} COACH_MGMT_PORT=${COACH_MGMT_PORT:-15676} \
  COACH_DASHBOARD_PORT=${COACH_DASHBOARD_PORT:-18950} COACH_RABBIT_NODE=${COACH_RABBIT_NODE:-coachdrill} \
  COACH_INFRASTRUCTURE=executables
# The fake Garmin the stack's Sync backfills from (12 rides, one every 30 h, and two weeks of wellness).
export FAKE_GARMIN_ACTIVITIES=12
fake_port=$((COACH_PORT_BASE + 92)) fake_pid=""
cleanup() {
  ./coach down > /dev/null 2>&1 || true
  [ -z "$fake_pid" ] || kill "$fake_pid" 2>/dev/null || true
  if [ -z "${DRILL_KEEP:-}" ]; then rm -rf "$COACH_DIR"; else echo "drill: kept $COACH_DIR" >&2; fi
}
trap cleanup EXIT
dotnet "tests/CyclingCoach.Fakes/bin/${COACH_CONFIGURATION:-Release}/net10.0/CyclingCoach.Fakes.dll" garmin --port "$fake_port" \
  --activities "$FAKE_GARMIN_ACTIVITIES" --spacing-hours 30 --wellness-days 14 > "$COACH_DIR/fake-garmin.log" 2>&1 &
fake_pid=$!
export FAKE_GARMIN_URL="http://127.0.0.1:$fake_port"; fake=$FAKE_GARMIN_URL
export Garmin__SsoBaseUrl=$fake Garmin__ApiBaseUrl=$fake Garmin__DiAuthBaseUrl=$fake

started=$SECONDS
if ! ./coach up --detach --no-build > "$COACH_DIR/up.log" 2>&1; then
  tail -40 "$COACH_DIR/up.log" >&2
  echo "drill: the stack did not come up" >&2
  exit 1
fi
echo "drill: stack healthy in $((SECONDS - started)) s ($COACH_DIR)" >&2
eval "$(./coach env | sed 's/^/export /')"
python3 bench/scripts/drills/drill.py "$@"
