#!/usr/bin/env bash
# The compose tier: the self-hosting deployment built and run the way a self-hoster runs it, on a real Docker engine.
#   deploy/test-compose.sh            (root; called by `./coach test`; ends with "N passed, N failed")
# Starts its own dockerd (state in a throwaway folder, no systemd), builds the local base images (deploy/local-images.sh,
# cached per machine), then `build` and `up` of a clean copy of HEAD with a generated .env; signs in, imports a FIT,
# uploads a GPX route, sees both listed; without the dashboard (the default) no service has an OTLP endpoint; `restart`
# of a service keeps the data; `down`, COMPOSE_PROFILES=dashboard, `up`: the data kept and the dashboard receives every
# service's telemetry (a trace through gateway and sync); backup.sh → volumes wiped → restore.sh gives identical row
# counts and file checksums; `down -v` leaves nothing. Skipped, with the reason, only where no Docker engine can be started.
# Settings: COACH_COMPOSE_PORT_BASE (5800: web, +1 gateway, +2 dashboard), COACH_COMPOSE_KEEP=1 keeps the work folder,
# COACH_COMPOSE_ENGINE=unix:///path.sock uses that running engine instead of starting one (a quicker loop while
# developing: its build cache stays), COACH_COMPOSE_BENCH_RIDES / _ROUTES (0) add that many generated rides and routes before the backup (bench).
set -uo pipefail
{ # The whole script is one compound command, so bash reads it all before running: editing it mid-run is harmless.
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fixtures="${COACH_FIXTURES:-}"
for f in "$fixtures" "$repo/../shared/fixtures"; do [[ -n "$f" && -d "$f/fit" ]] && { fixtures="$f"; break; }; done
port_base="${COACH_COMPOSE_PORT_BASE:-5800}"
web_port=$port_base gateway_port=$((port_base + 1)) dashboard_port=$((port_base + 2))
started=$SECONDS passed=0 failed=0
declare -A timings=()

say() { echo "compose: $*" >&2; }
pass() { passed=$((passed + 1)); say "PASS $1"; }
fail() { failed=$((failed + 1)); say "FAIL $1${2:+ — $2}"; }
check() { local name="$1"; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }
summary() {
  local t
  for t in "${!timings[@]}"; do say "time: $t ${timings[$t]} s"; done
  say "compose tier wall time: $((SECONDS - started)) s"
  echo "$passed passed, $failed failed"
}
skip() { say "SKIPPED: $*"; summary; exit 0; }
timed() { local name="$1" t0=$SECONDS; shift; "$@"; local rc=$?; timings[$name]=$((SECONDS - t0)); return $rc; }

# --- The compose file itself (no engine needed) ---------------------------------------------------------------------
check "docker-compose.yml valid once secrets are set; .env.example as shipped (no secrets) refused" "$repo/deploy/validate.sh"

# --- An engine of our own -------------------------------------------------------------------------------------------
[[ "$(id -u)" == 0 ]] || skip "needs root to start dockerd"
if ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null || ! command -v docker-compose >/dev/null; then
  say "installing docker.io, docker-compose, debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io docker-compose debootstrap iptables >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io docker-compose debootstrap iptables >/dev/null 2>&1; }
fi
command -v dockerd >/dev/null || skip "no dockerd (apt-get install docker.io failed)"
[[ -n "$fixtures" ]] || skip "no fixtures folder (set COACH_FIXTURES)"

work="$(mktemp -d /tmp/coach-compose.XXXXXX)"     # short: the socket path must stay under 108 characters
export DOCKER_HOST="unix://$work/docker.sock" COMPOSE_DOCKER_CLI_BUILD=0 DOCKER_BUILDKIT=0
dockerd_pid=""
compose_up=false
cleanup() {
  if $compose_up; then compose down -v --remove-orphans >/dev/null 2>&1 || true; fi
  if [[ -n "$dockerd_pid" ]] && kill -0 "$dockerd_pid" 2>/dev/null; then
    kill "$dockerd_pid"
    for _ in $(seq 1 40); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$dockerd_pid" 2>/dev/null && { say "dockerd did not stop in 20 s; killing it"; kill -9 "$dockerd_pid"; }
  fi
  if [[ "${COACH_COMPOSE_KEEP:-0}" == 1 ]]; then say "work folder kept: $work"; else
    umount -R "$work/data" 2>/dev/null || true
    rm -rf "$work"
  fi
}
trap cleanup EXIT

if [[ -n "${COACH_COMPOSE_ENGINE:-}" ]]; then
  export DOCKER_HOST="$COACH_COMPOSE_ENGINE"
  docker info >/dev/null 2>&1 || skip "no engine answers at $COACH_COMPOSE_ENGINE"
else
  dockerd --data-root "$work/data" --exec-root "$work/exec" --pidfile "$work/dockerd.pid" -H "$DOCKER_HOST" \
    --storage-driver overlay2 > "$work/dockerd.log" 2>&1 &
  dockerd_pid=$!
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.5; done
  if ! docker info >/dev/null 2>&1; then
    tail -5 "$work/dockerd.log" >&2
    dockerd_pid=""
    skip "dockerd could not be started here (log above)"
  fi
fi
say "dockerd $(docker version --format '{{.Server.Version}}') at $DOCKER_HOST"

# --- A clean checkout, local base images, a generated .env ------------------------------------------------------------
src="$work/src"
mkdir -p "$src"
git -C "$repo" archive HEAD | tar -x -C "$src"
# One fixed mtime: an engine that is kept (COACH_COMPOSE_ENGINE) then reuses its layer cache for unchanged files.
find "$src" -exec touch -h -d @0 {} +
say "testing HEAD $(git -C "$repo" rev-parse --short HEAD) (uncommitted changes are not in it)"
env_file="$src/deploy/.env"
if ! timed "local base images" "$src/deploy/local-images.sh" > "$work/images.env" 2> "$work/local-images.log"; then
  tail -20 "$work/local-images.log" >&2
  fail "local base images" "see $work/local-images.log"
  summary; exit 0
fi
only_env_lines() { [[ -s "$work/images.env" ]] && ! grep -qvE '^[A-Z_]+=[^ ]+$' "$work/images.env"; }
check "local base images built; only KEY=value lines on stdout" only_env_lines

secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
api_key="$(secret)" dashboard_token="$(secret)"
{
  sed -e "s/^COMPOSE_PROJECT_NAME=.*/COMPOSE_PROJECT_NAME=coachcompose/" \
      -e "s/^POSTGRES_PASSWORD=.*/POSTGRES_PASSWORD=$(secret)/" \
      -e "s/^RABBITMQ_PASSWORD=.*/RABBITMQ_PASSWORD=$(secret)/" \
      -e "s/^API_KEY=.*/API_KEY=$api_key/" \
      -e "s/^DASHBOARD_TOKEN=.*/DASHBOARD_TOKEN=$dashboard_token/" \
      -e "s/^SERVICE_KEY=.*/SERVICE_KEY=$(secret)/" \
      -e "s/^WEB_PROXY_KEY=.*/WEB_PROXY_KEY=$(secret)/" \
      -e "s/^KEY_ENCRYPTION_KEY=.*/KEY_ENCRYPTION_KEY=$(secret)/" \
      -e "s/^WEB_PORT=.*/WEB_PORT=$web_port/" \
      -e "s/^GATEWAY_PORT=.*/GATEWAY_PORT=$gateway_port/" \
      -e "s/^DASHBOARD_PORT=.*/DASHBOARD_PORT=$dashboard_port/" \
      -e "s|^BACKUP_DIR=.*|BACKUP_DIR=$work/backups|" \
      "$src/deploy/.env.example"
  cat "$work/images.env"
} > "$env_file"
# docker-compose lets the shell's variables override .env: clear every key the file sets (./coach test has exported
# its own stack's API_KEY, which the containers would otherwise get while this script signs in with the file's).
while IFS='=' read -r key _; do [[ "$key" =~ ^[A-Z_][A-Z0-9_]*$ ]] && unset "$key"; done < "$env_file"
export ENV_FILE="$env_file"
compose_args=(--env-file "$env_file" -f "$src/deploy/docker-compose.yml")
compose() { docker-compose "${compose_args[@]}" "$@"; }

# --- Build, up, healthy -----------------------------------------------------------------------------------------------
# sync first builds the build stage the other three .NET images reuse; the web image builds beside it.
build_all() { compose build --parallel sync web && compose build coaching routes gateway; }
if ! timed "build (all images)" build_all > "$work/build.log" 2>&1; then
  tail -30 "$work/build.log" >&2
  fail "compose build" "see $work/build.log"
  summary; exit 0
fi
pass "compose build"
compose_up=true

# The example's key (or a short one) stops the gateway and the web app at start-up, naming the setting. (`timeout`
# runs a program, not a shell function: hence docker-compose itself here.)
refuses_key() {
  local service="$1" key="$2" out
  if out="$(timeout 180 docker-compose "${compose_args[@]}" run --rm --no-deps -T -e "Auth__ApiKey=$key" "$service" 2>&1)"; then
    say "$service started with the key '$key'"; return 1
  fi
  grep -qE "Auth(:|__)ApiKey" <<<"$out" || { say "$service: $(tail -3 <<<"$out")"; return 1; }
}
example_key_refused() {
  refuses_key gateway change-me-api-key && refuses_key web change-me-api-key && refuses_key gateway short-key && refuses_key web short-key
}
check "the gateway and the web app refuse the example's key and a short one" example_key_refused
node_22() {
  local out; out="$(timeout 120 docker-compose "${compose_args[@]}" run --rm --no-deps -T --entrypoint node web --version 2>&1)"
  [[ "$(tail -1 <<<"$out")" == v22.* ]] || { say "web: node --version said: $(tail -3 <<<"$out")"; return 1; }
}
check "the web image runs Node 22 LTS" node_22

# Every container of the project running, and healthy where it has a health check.
all_healthy() {
  local ids states
  ids="$(compose ps -q)"
  [[ -n "$ids" ]] || return 1
  states="$(docker inspect --format '{{.Name}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' $ids)"
  [[ "$(wc -l <<<"$states")" -ge "$containers" ]] || return 1
  ! grep -vqE ' running (healthy|none)$' <<<"$states"
}
wait_healthy() {
  local limit="${1:-420}" t0=$SECONDS
  while (( SECONDS - t0 < limit )); do all_healthy && return 0; sleep 3; done
  docker inspect --format '{{.Name}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' $(compose ps -q) >&2
  compose logs --tail 30 >&2 2>&1 | tail -60 >&2
  return 1
}
containers=7   # 8 once the dashboard profile is on
# compose up -d itself waits for each service_healthy dependency, so the timer covers both.
up_healthy() {
  compose up -d > "$work/up.log" 2>&1 || { tail -20 "$work/up.log" >&2; return 1; }
  wait_healthy
}
if ! timed "up → all healthy" up_healthy; then fail "every container healthy after up"; summary; exit 0; fi
pass "every container healthy after up (${timings["up → all healthy"]} s)"

# --- Through the published ports ---------------------------------------------------------------------------------------
gw="http://127.0.0.1:$gateway_port" web="http://127.0.0.1:$web_port" dash="http://127.0.0.1:$dashboard_port"
jar="$work/cookies.txt"
fit="$fixtures/fit/fitparse__Edge810-Vector-2013-08-16-15-35-10.fit"
gpx="$fixtures/gpx/sportslib__3939576645.gpx"
api() { curl -fsS -H "X-Api-Key: $api_key" "$@"; }

sign_in() {
  local code location
  read -r code location < <(curl -sS -o /dev/null -c "$jar" -w '%{http_code} %{redirect_url}\n' \
    --data-urlencode "apiKey=$api_key" --data-urlencode "next=/workouts" "$web/auth/sign-in")
  [[ "$code" == 303 && "$location" == */workouts ]] && grep -q . "$jar" \
    && [[ "$(curl -sS -o /dev/null -b "$jar" -w '%{http_code}' "$web/workouts")" == 200 ]]
}
wrong_key_refused() {
  [[ "$(curl -sS -o /dev/null -w '%{http_code}' --data-urlencode "apiKey=wrong" "$web/auth/sign-in")" == 303 ]] \
    && [[ "$(curl -sS -o /dev/null -w '%{http_code}' "$gw/api/workouts")" == 401 ]]
}
import_fit() { [[ "$(api -o "$work/import.json" -w '%{http_code}' -F "file=@$fit" "$gw/api/workouts/import")" == 201 ]]; }
# Through the web app's own API proxy, with the session cookie only.
upload_gpx() {
  [[ "$(curl -fsS -b "$jar" -o "$work/route.json" -w '%{http_code}' -F "file=@$gpx" -F "name=Compose tier route" "$web/api/routes")" == 201 ]]
}
# The lists are not empty, and the imported ride and the uploaded route are there by id (bench data can push them
# off a list's first page).
listed() {
  local ride route
  ride="$(jq -r '.. | objects | (.workoutId? // empty)' "$work/import.json" | head -n 1)"
  route="$(jq -r '.id' "$work/route.json")"
  [[ "$(curl -fsS -b "$jar" "$web/api/workouts" | jq '.total')" -ge 1 ]] \
    && [[ "$(curl -fsS -b "$jar" "$web/api/routes" | jq '.total')" -ge 1 ]] \
    && curl -fsS -b "$jar" "$web/api/routes/$route" | jq -e '.name == "Compose tier route"' >/dev/null \
    && api "$gw/api/workouts/$ride" | jq -e --arg id "$ride" '.id == $id' >/dev/null
}
signed_in_and_listed() { sign_in && listed; }
# Services whose telemetry the dashboard has (its telemetry API), against the ones that must be there.
dashboard_lists() {
  local names missing=()
  names="$(curl -fsS -H "x-api-key: $dashboard_token" "$dash/api/telemetry/resources" | jq -r '.. | objects | (.name? // .displayName? // empty) | strings' | sort -u)"
  for s in sync coaching routes gateway "$@"; do grep -qx "$s" <<<"$names" || grep -q "^$s" <<<"$names" || missing+=("$s"); done
  [[ ${#missing[@]} == 0 ]] || { say "dashboard lacks: ${missing[*]} (has: $(tr '\n' ' ' <<<"$names"))"; return 1; }
}

web_on_loopback() { [[ "$(docker port "$(compose ps -q web)" 3000/tcp)" == "127.0.0.1:$web_port" ]]; }
check "the web app is published on 127.0.0.1 only (WEB_BIND's default)" web_on_loopback
check "sign in to the web app (form POST, session cookie, /workouts 200)" sign_in
check "a wrong key is refused (web and gateway)" wrong_key_refused
check "import a FIT through the gateway (201)" import_fit
check "upload a GPX route through the web app (201)" upload_gpx
check "the ride and the route are listed (web and gateway)" listed
# Off by default: no dashboard container or port, no service or web app given an OTLP endpoint (so none registers an
# exporter), and nothing in their logs about OTLP.
no_telemetry() {
  local service endpoint
  [[ -z "$(docker ps -q --filter label=com.docker.compose.project=coachcompose --filter label=com.docker.compose.service=dashboard)" ]] \
    || { say "a dashboard container runs"; return 1; }
  ! curl -fsS -o /dev/null "$dash/" 2>/dev/null || { say "the dashboard port answers"; return 1; }
  for service in sync coaching routes gateway web; do
    endpoint="$(docker inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$(compose ps -q "$service")" | grep '^OTEL_EXPORTER_OTLP_ENDPOINT=' || true)"
    [[ -z "$endpoint" ]] || { say "$service: $endpoint"; return 1; }
  done
  ! compose logs --no-color sync coaching routes gateway web 2>&1 | grep -iE 'otlp|18889' >&2
}
check "without COMPOSE_PROFILES: no dashboard, no OTLP endpoint or exporter message in any service" no_telemetry

# --- Bench data (optional): generated rides and routes ----------------------------------------------------------------
bench_rides="${COACH_COMPOSE_BENCH_RIDES:-0}" bench_routes="${COACH_COMPOSE_BENCH_ROUTES:-0}"
if (( bench_rides + bench_routes > 0 )); then
  say "generating $bench_rides rides and $bench_routes routes"
  t0=$SECONDS
  python3 "$src/deploy/bench-data.py" "$work/bench" "$bench_rides" "$bench_routes"
  # Two uploads at a time, at most 10 minutes for all of them.
  upload() { find "$work/bench" -name "$1" -print0 | sort -z | timeout 600 xargs -0 -r -P 2 -I{} \
    curl -fsS -o /dev/null -H "X-Api-Key: $api_key" -F "file=@{}" "$2" || true; }
  upload 'ride-*.gpx' "$gw/api/workouts/import"
  upload 'route-*.gpx' "$gw/api/routes"
  timings["bench data upload"]=$((SECONDS - t0))
  say "now $(api "$gw/api/workouts" | jq .total) rides, $(api "$gw/api/routes" | jq .total) routes"
fi

# --- Nothing lost across restart and down + up --------------------------------------------------------------------------
counts() {
  local db
  for db in syncdb coachingdb routesdb; do
    compose exec -T postgres psql -U postgres -d "$db" -At -F ' ' -c "
      SELECT '$db.' || table_schema || '.' || table_name,
             (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text
      FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1"
  done
}
checksums() {
  local service
  for service in sync routes; do
    compose exec -T "$service" sh -c 'cd /data && find . -type f ! -name ".health-*" -print0 | sort -z | xargs -0 -r sha256sum' | sed "s|^|$service |"
  done
}
snapshot() { { counts; checksums; } > "$1" 2>&1; }
same_as() { snapshot "$work/now.txt"; diff -u "$1" "$work/now.txt" >&2; }

snapshot "$work/before.txt"
check "row counts and file checksums can be read ($(grep -c . "$work/before.txt") lines)" \
  grep -qE '^syncdb\..* [1-9]' "$work/before.txt"

compose restart routes > /dev/null 2>&1
check "restart routes: healthy again" wait_healthy 180
# On a failure, say what each container did meanwhile (seen once: the web port refused connections right after every
# container reported healthy; the containers' restart counts and web's last lines tell a crash from a slow start).
listed_after_restart() {
  listed && return 0
  docker inspect --format '{{.Name}} {{.State.Status}} restarts={{.RestartCount}} started={{.State.StartedAt}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' $(compose ps -q) >&2
  compose logs --tail 20 web gateway 2>&1 | tail -40 >&2
  return 1
}
check "restart routes: the route is still listed" listed_after_restart
timed "down" compose down > /dev/null 2>&1
# Up again with the dashboard turned on as a self-hoster does: one line in .env.
sed -i 's/^COMPOSE_PROFILES=.*/COMPOSE_PROFILES=dashboard/' "$env_file"
containers=8
check "down + up: every container healthy (COMPOSE_PROFILES=dashboard: with the dashboard)" timed "up → all healthy (again)" up_healthy
check "down + up: nothing lost (same row counts and files)" same_as "$work/before.txt"
check "down + up: sign in again; the ride and the route listed" signed_in_and_listed
dash_ok=false
for _ in $(seq 1 20); do dashboard_lists >/dev/null 2>&1 && { dash_ok=true; break; }; sleep 3; done
if $dash_ok; then pass "the dashboard lists sync, coaching, routes, gateway"; else dashboard_lists; fail "the dashboard lists every service"; fi
# A request with a trace id of ours: its spans from the gateway and sync arrive at the dashboard.
trace_arrives() {
  local trace span spans=""
  trace="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" span="$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  api -o /dev/null -H "traceparent: 00-$trace-$span-01" "$gw/api/workouts" || return 1
  for _ in $(seq 1 30); do
    spans="$(curl -fsS -H "x-api-key: $dashboard_token" "$dash/api/telemetry/traces/$trace" 2>/dev/null \
      | jq -r '.data.resourceSpans[]?.resource.attributes[]? | select(.key == "service.name") | .value.stringValue' | sort -u | tr '\n' ' ')"
    [[ "$spans" == *gateway* && "$spans" == *sync* ]] && return 0
    sleep 2
  done
  say "trace $trace: spans from [$spans]"; return 1
}
check "a request's trace arrives at the dashboard (spans from gateway and sync)" trace_arrives
if curl -fsS -H "x-api-key: wrong" -o /dev/null "$dash/api/telemetry/resources" 2>/dev/null; then fail "the dashboard API refuses a wrong key"; else pass "the dashboard API refuses a wrong key"; fi

# --- Backup, wipe, restore ----------------------------------------------------------------------------------------------
if timed "backup" bash -c 'umask 022; exec "$0"' "$src/deploy/backup.sh" > "$work/backup.log" 2>&1; then pass "backup.sh"; else tail -20 "$work/backup.log" >&2; fail "backup.sh"; fi
backup="$(find "$work/backups" -mindepth 1 -maxdepth 1 -type d -name 'cyclingcoach-*' ! -name '*.partial' | sort | tail -n 1)"
say "backup: $(du -sh "$backup" 2>/dev/null | cut -f1) in $backup"
# The dumps hold every ride and the encrypted credentials: the owner's alone, whatever the caller's umask.
owner_only() { [[ -n "$backup" && "$(stat -c %a "$backup")" == 700 && -z "$(find "$backup" -type f ! -perm 600)" ]]; }
check "backup: folder 0700, files 0600 (under umask 022)" owner_only
compose down -v > /dev/null 2>&1
no_volumes() { [[ -z "$(docker volume ls -q --filter label=com.docker.compose.project=coachcompose)" ]]; }
check "down -v wipes the volumes" no_volumes
# Restored onto nothing, as on a new machine: restore.sh starts postgres itself.
if [[ -n "$backup" ]] && timed "restore" "$src/deploy/restore.sh" --yes "$backup" > "$work/restore.log" 2>&1; then pass "restore.sh"
else tail -20 "$work/restore.log" >&2; fail "restore.sh"; fi
check "after restore: every container healthy" wait_healthy
check "after restore: identical row counts per table and file checksums" same_as "$work/before.txt"
check "after restore: sign in again; the ride and the route listed" signed_in_and_listed

# --- Resource use (for deploy/README.md and bench/RESULTS.md) ------------------------------------------------------------
sleep 10   # idle: let start-up work settle
{
  echo "## images"
  docker image ls --filter dangling=false --format '{{.Repository}}:{{.Tag}} {{.Size}}' | sort
  echo "## idle memory"
  docker stats --no-stream --format '{{.Name}} {{.MemUsage}} {{.CPUPerc}}' | sort
  echo "## backup"
  du -sh "$backup"/* 2>/dev/null
} > "$work/resources.txt"
sed 's/^/compose: /' "$work/resources.txt" >&2

# --- down -v leaves nothing ----------------------------------------------------------------------------------------------
compose down -v --remove-orphans > /dev/null 2>&1
compose_up=false
nothing_left() { [[ -z "$(docker ps -aq)" && -z "$(docker volume ls -q)" && -z "$(docker network ls -q --filter label=com.docker.compose.project=coachcompose)" ]]; }
check "down -v: no container, volume or network left" nothing_left

summary
exit 0
}
