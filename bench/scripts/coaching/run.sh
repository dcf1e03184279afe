#!/usr/bin/env bash
# Coaching service measurements (bench/RESULTS.md, "Coaching"), against the real service (Release build) on its own
# database and RabbitMQ virtual host, talking to it over HTTP and the broker only:
#   2. ride imported → analysis ready with the built-in coach: WorkoutImported published every 200 ms, p50/p95/max;
#   4. fitness for 10 years of rides (seed_rides.sql straight into `workouts`): GET /fitness and /fitness/power-curve;
#   1b. plan generation with the built-in coach over HTTP, direct and through the gateway (also started here);
#   3. the service's own overhead around an LLM call: restarted with OpenRouter pointed at a fake on 127.0.0.1.
# Every process it starts is stopped on exit, and the database and virtual host are dropped.
#
# Needs: COACH_TEST_POSTGRES, COACH_TEST_RABBITMQ, COACH_TEST_RABBITMQ_MANAGEMENT, COACH_TEST_RABBITMQ_USER,
# COACH_TEST_RABBITMQ_PASSWORD (as ./coach test exports them), psql, curl, dotnet.
# Usage: bench/scripts/coaching/run.sh [rides=50] [interval-ms=200] [fitness-calls=50] [plan-calls=30] [llm-calls=150]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
RIDES=${1:-50}
INTERVAL=${2:-200}
FITNESS_CALLS=${3:-50}
PLAN_CALLS=${4:-30}
LLM_CALLS=${5:-150}
: "${COACH_TEST_POSTGRES:?set the test PostgreSQL connection string (the COACH_TEST_* variables ./coach test exports)}"
: "${COACH_TEST_RABBITMQ:?}" "${COACH_TEST_RABBITMQ_MANAGEMENT:?}" "${COACH_TEST_RABBITMQ_USER:?}" "${COACH_TEST_RABBITMQ_PASSWORD:?}"

NAME=benchcoaching
COACH_PORT=5312 GATEWAY_PORT=5311 FAKE_PORT=5313
COACH="http://127.0.0.1:$COACH_PORT" GATEWAY="http://127.0.0.1:$GATEWAY_PORT" FAKE="http://127.0.0.1:$FAKE_PORT"
API_KEY="bench-api-key-$$-$RANDOM" # at least 16 characters, as the gateway demands
MGMT="$COACH_TEST_RABBITMQ_MANAGEMENT"
AUTH="$COACH_TEST_RABBITMQ_USER:$COACH_TEST_RABBITMQ_PASSWORD"
AMQP="${COACH_TEST_RABBITMQ%/}/$NAME"
WORK=$(mktemp -d /tmp/coaching-bench.XXXXXX)
LOGS=$(mktemp -d /tmp/coaching-bench-logs.XXXXXX)
BENCH=(dotnet "$ROOT/bench/CyclingCoach.Bench/bin/Release/net10.0/CyclingCoach.Bench.dll")
PIDS=()

# psql from the Npgsql connection string (Host=…;Port=…;Username=…;Password=…).
pg_field() { tr ';' '\n' <<<"$COACH_TEST_POSTGRES" | sed -n "s/^$1=//Ip" | head -1; }
psql_to() {
  PGPASSWORD=$(pg_field Password) psql -h "$(pg_field Host)" -p "$(pg_field Port)" -U "$(pg_field Username)" -d "$1" -v ON_ERROR_STOP=1 -q "${@:2}"
}
drop_db() { psql_to postgres -c "DROP DATABASE IF EXISTS \"$NAME\" WITH (FORCE)" >/dev/null 2>&1 || true; }

stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}

cleanup() {
  stop_all
  curl -fsS -u "$AUTH" -X DELETE "$MGMT/api/vhosts/$NAME" >/dev/null 2>&1 || true
  drop_db
  rm -rf "$WORK"
  echo "service logs: $LOGS" >&2
}
trap cleanup EXIT

load() { echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S) UTC — $*"; }

# The gateway's credential, for the service and for the bench's direct calls to it (CoachClient sends it).
export Auth__ServiceKey="bench-coaching-service-key-$$-$RANDOM"

# start_coaching LOG [NAME=VALUE…]: the service as ./coach runs it (Production, its own folder as working directory).
start_coaching() {
  local log=$1; shift
  (
    cd "$ROOT/services/Coaching"
    exec env -u OPENROUTER_API_KEY -u OpenRouter__ApiKey -u AI_MODEL \
      ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$COACH" OTEL_SERVICE_NAME=coaching \
      ConnectionStrings__coachingdb="$COACH_TEST_POSTGRES;Database=$NAME" ConnectionStrings__messaging="$AMQP" \
      Storage__DataPath="$WORK/data" "$@" \
      dotnet "$ROOT/services/Coaching/bin/Release/net10.0/CyclingCoach.Coaching.dll"
  ) >"$LOGS/$log" 2>&1 &
  PIDS+=($!)
  export BENCH_SERVICE_PID=$! # the commands report the service's CPU time per call from /proc
}

echo "building bench/CyclingCoach.Bench (with services/Coaching) and services/Gateway (Release)…" >&2
dotnet build -c Release "$ROOT/bench/CyclingCoach.Bench" -nologo -clp:ErrorsOnly -v:q >/dev/null
dotnet build -c Release "$ROOT/services/Gateway" -nologo -clp:ErrorsOnly -v:q >/dev/null

drop_db
curl -fsS -u "$AUTH" -X DELETE "$MGMT/api/vhosts/$NAME" >/dev/null 2>&1 || true
curl -fsS -u "$AUTH" -X PUT "$MGMT/api/vhosts/$NAME" >/dev/null
curl -fsS -u "$AUTH" -X PUT -H 'content-type: application/json' \
  -d '{"configure":".*","write":".*","read":".*"}' "$MGMT/api/permissions/$NAME/$COACH_TEST_RABBITMQ_USER" >/dev/null

echo "== built-in coach (no OpenRouter key)"
start_coaching coaching-builtin.log
"${BENCH[@]}" coaching-setup "$COACH"

load "2. ride imported → analysis ready, $RIDES rides every $INTERVAL ms"
"${BENCH[@]}" coaching-analysis-latency "$COACH" "$AMQP" "$RIDES" "$INTERVAL"
load "after 2"

"${BENCH[@]}" coaching-plan-http "POST /api/coach/plans/generate, direct, before the 10 years are inserted" "$COACH" - "$PLAN_CALLS"

echo "== 4. 10 years of rides into workouts"
psql_to "$NAME" -f "$ROOT/bench/scripts/coaching/seed_rides.sql"
load "4. fitness"
"${BENCH[@]}" coaching-fitness "$COACH" "$FITNESS_CALLS"
# What the two endpoints' queries cost in PostgreSQL alone (server-side execution time, 5 runs each, best).
for q in "SELECT local_date, sum(coalesce(training_load, training_stress_score, heart_rate_stress_score, 0)) FROM workouts WHERE local_date <= current_date GROUP BY local_date" \
         "SELECT workout_id, local_date, mean_max FROM workouts WHERE mean_max IS NOT NULL"; do
  best=$(for _ in 1 2 3 4 5; do psql_to "$NAME" -At -c "EXPLAIN (ANALYZE, FORMAT JSON) $q" | jq '.[0]["Execution Time"]'; done | sort -n | head -1)
  echo "SQL alone: ${best} ms — ${q:0:60}…"
done
load "after 4"

echo "== 1b. plan generation over HTTP (built-in coach, 10 years of history in the fitness snapshot)"
(
  cd "$ROOT/services/Gateway"
  exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$GATEWAY" OTEL_SERVICE_NAME=gateway Auth__ApiKey="$API_KEY" \
    Auth__WebProxyKey="bench-web-proxy-key-$$-$RANDOM" \
    ConnectionStrings__messaging="$AMQP" services__coaching__http__0="$COACH" \
    services__sync__http__0="http://127.0.0.1:9" services__routes__http__0="http://127.0.0.1:9" \
    dotnet "$ROOT/services/Gateway/bin/Release/net10.0/CyclingCoach.Gateway.dll"
) >"$LOGS/gateway.log" 2>&1 &
PIDS+=($!)
"${BENCH[@]}" coaching-plan-http "POST /api/coach/plans/generate, direct" "$COACH" - "$PLAN_CALLS"
until curl -fsS "$GATEWAY/alive" >/dev/null 2>&1; do sleep 0.5; done
"${BENCH[@]}" coaching-plan-http "POST /api/coach/plans/generate, through the gateway" "$GATEWAY" "$API_KEY" "$PLAN_CALLS"
load "after 1b"
stop_all

echo "== 3. LLM engine against the fake OpenAI-compatible server"
"${BENCH[@]}" coaching-fake-openai "$FAKE_PORT" >"$LOGS/fake.log" 2>&1 &
PIDS+=($!)
until curl -fsS "$FAKE/api/v1/models" >/dev/null 2>&1; do sleep 0.5; done
start_coaching coaching-llm.log OpenRouter__ApiKey=x OpenRouter__BaseUrl="$FAKE/api/v1"
load "3. LLM overhead, $LLM_CALLS calls"
"${BENCH[@]}" coaching-llm-overhead "$COACH" "$FAKE" "$LLM_CALLS"
load "after 3"
# The measurement refuses answers from the built-in coach; this shows any AI warning (model check, fallback) as well.
grep -E " (warn|fail) " "$LOGS/coaching-llm.log" | grep -vE "HealthChecks|FirstOrDefault" | head -5 || true
