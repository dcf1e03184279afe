#!/usr/bin/env bash
# Memory at rest of the compose deployment, per container, for one or more variants measured one after the other in
# the same run (alternate them: before after before after):
#   flock /tmp/compose.lock bench/scripts/lean/compose-mem.sh none lean none lean
# A variant is `none` (deploy/docker-compose.yml as committed, with .env.example's settings), NAME (that file plus
# bench/scripts/lean/compose-NAME.yml over it), `@REV` (deploy/docker-compose.yml of git revision REV, e.g. @main: the
# before of a change to the compose file; the images are HEAD's either way) or `+PROFILE` (COMPOSE_PROFILES=PROFILE,
# e.g. +dashboard). Builds the images of HEAD (a clean copy, as deploy/test-compose.sh does) on a dockerd of its own
# whose data root is kept in $COMPOSE_MEM_WORK (default /tmp/ccmem: the image cache survives between runs; the daemon is
# stopped at the end), or on the running engine COACH_COMPOSE_ENGINE=unix:///path.sock. Once: up, healthy, one FIT
# imported, down. Per variant: up, every container healthy, 20 ride lists through the gateway, 60 s at rest, then
# `stackmem.py --docker` (RSS and PSS of each container's processes from the host's /proc, `docker stats` beside),
# with the load average; down (volumes kept). Ports: COACH_COMPOSE_PORT_BASE (6480: web, +1 gateway, +2 dashboard).
set -uo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
here="$repo/bench/scripts/lean"
work="${COMPOSE_MEM_WORK:-/tmp/ccmem}" port_base="${COACH_COMPOSE_PORT_BASE:-6480}"
fixtures="${COACH_FIXTURES:-/work/shared/fixtures}"
variants=("$@"); [ ${#variants[@]} -gt 0 ] || variants=(none)
say() { echo "compose-mem: $*" >&2; }
mkdir -p "$work"
export DOCKER_HOST="${COACH_COMPOSE_ENGINE:-unix://$work/docker.sock}" COMPOSE_DOCKER_CLI_BUILD=0 DOCKER_BUILDKIT=0
dockerd_pid=""
stop_all() {
  [ -z "${compose_args:-}" ] || docker-compose "${compose_args[@]}" down -v --remove-orphans >/dev/null 2>&1
  if [ -n "$dockerd_pid" ]; then
    kill "$dockerd_pid"; for _ in $(seq 40); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.5; done
  fi
}
trap stop_all EXIT
if [ -z "${COACH_COMPOSE_ENGINE:-}" ]; then
  pgrep -x dockerd >/dev/null && { say "another dockerd is running: not starting a second"; exit 1; }
  dockerd --data-root "$work/data" --exec-root "$work/exec" --pidfile "$work/dockerd.pid" -H "$DOCKER_HOST" \
    --storage-driver overlay2 > "$work/dockerd.log" 2>&1 &
  dockerd_pid=$!
  for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
fi
docker info >/dev/null 2>&1 || { say "no engine at $DOCKER_HOST"; exit 1; }

src="$work/src"; rm -rf "$src"; mkdir -p "$src"
git -C "$repo" archive HEAD | tar -x -C "$src"
find "$src" -exec touch -h -d @0 {} +   # as deploy/test-compose.sh: a kept engine reuses its layers for unchanged files
say "HEAD $(git -C "$repo" rev-parse --short HEAD)"
"$src/deploy/local-images.sh" > "$work/images.env" 2> "$work/local-images.log" || { tail "$work/local-images.log" >&2; exit 1; }
secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
api_key="$(secret)"
{
  sed -e "s/^COMPOSE_PROJECT_NAME=.*/COMPOSE_PROJECT_NAME=coachmem/" -e "s/^API_KEY=.*/API_KEY=$api_key/" \
      -e "s/^WEB_PORT=.*/WEB_PORT=$port_base/" -e "s/^GATEWAY_PORT=.*/GATEWAY_PORT=$((port_base + 1))/" \
      -e "s/^DASHBOARD_PORT=.*/DASHBOARD_PORT=$((port_base + 2))/" "$src/deploy/.env.example" \
    | while IFS= read -r line; do
        case "$line" in POSTGRES_PASSWORD=|RABBITMQ_PASSWORD=|DASHBOARD_TOKEN=|SERVICE_KEY=|WEB_PROXY_KEY=|KEY_ENCRYPTION_KEY=)
          echo "$line$(secret)" ;; *) echo "$line" ;; esac
      done
  cat "$work/images.env"
} > "$src/deploy/.env"
while IFS='=' read -r key _; do [[ "$key" =~ ^[A-Z_][A-Z0-9_]*$ ]] && unset "$key"; done < "$src/deploy/.env"
base_args=(--env-file "$src/deploy/.env" -f "$src/deploy/docker-compose.yml")
compose_args=("${base_args[@]}")
compose() { docker-compose "${compose_args[@]}" "$@"; }
say "building the images"
{ compose build --parallel sync web && compose build coaching routes gateway; } > "$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log" >&2; exit 1; }

gw="http://127.0.0.1:$((port_base + 1))"
healthy() {
  local states
  states="$(docker inspect --format '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' $(compose ps -q) 2>/dev/null)"
  [ "$(wc -l <<<"$states")" -ge 7 ] && ! grep -vqE '^running (healthy|none)$' <<<"$states"
}
# `up -d` gives up on a dependency its health check has not passed yet (a slow start on a busy machine): again, until
# every container is healthy or 420 s have passed.
up() {
  local t0=$SECONDS
  until compose up -d > "$work/up.log" 2>&1 && healthy; do
    (( SECONDS - t0 < 420 )) || { tail -20 "$work/up.log" >&2; say "not healthy after 420 s"; return 1; }
    sleep 5
  done
  say "healthy after $((SECONDS - t0)) s (load $(cut -d' ' -f1-3 /proc/loadavg))"
}
up || exit 1
curl -fsS -o /dev/null -H "X-Api-Key: $api_key" -F "file=@$fixtures/fit/fitparse__Edge810-Vector-2013-08-16-15-35-10.fit" \
  "$gw/api/workouts/import" || say "the FIT import failed"
compose down > /dev/null 2>&1

for variant in "${variants[@]}"; do
  compose_args=("${base_args[@]}")
  unset COMPOSE_PROFILES
  case "$variant" in
    none) ;;
    @*) git -C "$repo" show "${variant#@}:deploy/docker-compose.yml" > "$src/deploy/docker-compose.rev.yml" || exit 1
        compose_args=(--env-file "$src/deploy/.env" -f "$src/deploy/docker-compose.rev.yml") ;;
    +*) export COMPOSE_PROFILES="${variant#+}" ;;
    *) compose_args+=(-f "$here/compose-$variant.yml") ;;
  esac
  up || exit 1
  for _ in $(seq 20); do curl -fsS -o /dev/null -H "X-Api-Key: $api_key" "$gw/api/workouts?pageSize=50" || true; done
  sleep 60
  echo "### variant $variant, $(date -u +%H:%M) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
  VERBOSE=${VERBOSE:-} python3 "$here/stackmem.py" --docker
  compose down > /dev/null 2>&1
done
