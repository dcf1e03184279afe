#!/usr/bin/env bash
# Validates deploy/docker-compose.yml against deploy/.env.example without a Docker engine.
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

"${compose[@]}" -f "$here/docker-compose.yml" --env-file "$here/.env.example" config -q
echo "deploy/docker-compose.yml: valid"
