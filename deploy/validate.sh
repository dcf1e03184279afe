#!/usr/bin/env bash
# Validates deploy/docker-compose.yml against deploy/.env.example without a Docker engine: as shipped (every secret
# empty) compose must refuse it, naming the secrets; with the secrets filled in it must be valid.
# Uses `docker compose` (v2) when present, else Debian's `docker-compose` (apt-get install -y docker-compose).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
else
  echo "validate.sh: neither 'docker compose' nor 'docker-compose' is installed" >&2
  exit 2
fi

secrets=(POSTGRES_PASSWORD RABBITMQ_PASSWORD API_KEY DASHBOARD_TOKEN SERVICE_KEY WEB_PROXY_KEY KEY_ENCRYPTION_KEY)
# Variables of the calling shell win over --env-file: clear them, so only the file speaks.
if refused="$(env $(printf -- '-u %s ' "${secrets[@]}") "${compose[@]}" -f "$here/docker-compose.yml" --env-file "$here/.env.example" config -q 2>&1)"; then
  echo "validate.sh: compose starts with .env.example's empty secrets" >&2
  exit 1
fi
grep -qE "set [A-Z_]+ in .env" <<<"$refused" || { echo "validate.sh: unexpected refusal: $refused" >&2; exit 1; }
env $(for s in "${secrets[@]}"; do printf '%s=validate-%s ' "$s" "$s"; done) \
  "${compose[@]}" -f "$here/docker-compose.yml" --env-file "$here/.env.example" config -q
echo "deploy/docker-compose.yml: valid; .env.example without secrets refused"
