#!/usr/bin/env bash
# Routes service measurements (bench/RESULTS.md, "Routes service"):
#   1. upload-to-analysed latency of a 50 000-point ride (POST /api/routes returns the analysed route: 201 = analysed);
#   2. re-estimating 200 routes after AthleteProfileChanged (publish → every route at the new profile version).
# It runs the real Routes service (Release build) on a throwaway database, virtual host and data folder of the local
# PostgreSQL and RabbitMQ — the ones `./coach test` starts — and talks to it over HTTP and the broker only.
#
# Needs: COACH_TEST_POSTGRES, COACH_TEST_RABBITMQ, COACH_TEST_RABBITMQ_MANAGEMENT, COACH_TEST_RABBITMQ_USER,
# COACH_TEST_RABBITMQ_PASSWORD (e.g. `. /tmp/testenv.sh`), python3 (stdlib only), dotnet.
# Usage: bench/scripts/routes/run.sh [routes=200] [points_per_route=10000] [big_points=50000]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
ROUTES=${1:-200}
POINTS=${2:-10000}
BIG=${3:-50000}
: "${COACH_TEST_POSTGRES:?set the test PostgreSQL connection string (. /tmp/testenv.sh)}"
: "${COACH_TEST_RABBITMQ:?}" "${COACH_TEST_RABBITMQ_MANAGEMENT:?}" "${COACH_TEST_RABBITMQ_USER:?}" "${COACH_TEST_RABBITMQ_PASSWORD:?}"

NAME="routesbench_$(date +%s)_$$"
WORK=$(mktemp -d /tmp/routes-bench.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
MGMT="$COACH_TEST_RABBITMQ_MANAGEMENT"
AUTH="$COACH_TEST_RABBITMQ_USER:$COACH_TEST_RABBITMQ_PASSWORD"
AMQP="${COACH_TEST_RABBITMQ%/}/$NAME"
PID=""

cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  curl -fsS -u "$AUTH" -X DELETE "$MGMT/api/vhosts/$NAME" >/dev/null 2>&1 || true
  python3 "$ROOT/bench/scripts/routes/pg.py" drop "$COACH_TEST_POSTGRES" "$NAME" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "building services/Routes (Release)…" >&2
dotnet build -c Release "$ROOT/services/Routes" -o "$WORK/bin" -v q -nologo >/dev/null

curl -fsS -u "$AUTH" -X PUT "$MGMT/api/vhosts/$NAME" >/dev/null
curl -fsS -u "$AUTH" -X PUT -H 'content-type: application/json' \
  -d '{"configure":".*","write":".*","read":".*"}' "$MGMT/api/permissions/$NAME/$COACH_TEST_RABBITMQ_USER" >/dev/null

# Called directly, as the gateway calls it: with the gateway's credential (measure.py sends it too).
export Auth__ServiceKey="bench-routes-service-key-$$-$RANDOM"
ConnectionStrings__routesdb="${COACH_TEST_POSTGRES};Database=$NAME" \
ConnectionStrings__messaging="$AMQP" \
Storage__DataPath="$WORK/data" \
Routes__MaxRoutes="$ROUTES" \
ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$WORK/bin/CyclingCoach.Routes.dll" >"$WORK/service.log" 2>&1 &
PID=$!

python3 "$ROOT/bench/scripts/routes/measure.py" \
  --url "http://127.0.0.1:$PORT" --mgmt "$MGMT" --auth "$AUTH" --vhost "$NAME" \
  --routes "$ROUTES" --points "$POINTS" --big "$BIG" --log "$WORK/service.log" --pid "$PID"
