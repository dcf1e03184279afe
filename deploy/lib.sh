# Shared by backup.sh and restore.sh (sourced, not run).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ENV_FILE="${ENV_FILE:-$here/.env}"
DATABASES=(syncdb coachingdb routesdb)
# volume archive name → compose service whose /data holds it
declare -A FILE_VOLUMES=([routes-gpx]=routes [sync-files]=sync)

[[ -f "$ENV_FILE" ]] || { echo "$(basename "$0"): $ENV_FILE not found (cp .env.example .env)" >&2; exit 2; }

# A value from the env file, unless already set in the environment.
env_value() {
  local name="$1" default="$2" line
  if [[ -n "${!name:-}" ]]; then printf '%s' "${!name}"; return; fi
  line="$(grep -E "^${name}=" "$ENV_FILE" | tail -n 1 || true)"
  line="${line#*=}"; line="${line%\"}"; line="${line#\"}"
  printf '%s' "${line:-$default}"
}

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose --env-file "$ENV_FILE" -f "$here/docker-compose.yml")
else
  compose=(docker-compose --env-file "$ENV_FILE" -f "$here/docker-compose.yml")
fi

# Runs a command in a throwaway container of a service (its volumes mounted, no dependencies started).
in_volume() {
  local service="$1"; shift
  "${compose[@]}" run --rm --no-deps -T --entrypoint "$1" "$service" "${@:2}"
}
