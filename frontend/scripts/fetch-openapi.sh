#!/usr/bin/env bash
# Refreshes frontend/openapi/{sync,coaching,routes}.json from the services themselves, one at a time, then
# regenerates frontend/lib/api/*.d.ts (npm run gen:api).
#   scripts/fetch-openapi.sh [sync|coaching|routes ...]      (default: all three)
# Each service is built (Debug), started briefly on a free loopback port against the PostgreSQL and RabbitMQ named by
# COACH_TEST_POSTGRES and COACH_TEST_RABBITMQ (as ./coach test exports them; or put them in a file and pass DEVENV=file)
# — its own database webdocs_<service>, the default vhost, a temp Storage:DataPath — asked for /openapi/v1.json, and
# stopped.
# Alternative when a stack is running: curl "$GATEWAY/openapi/<service>.json" > openapi/<service>.json.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$here/.." && pwd)"
if [ -n "${DEVENV:-}" ]; then source "$DEVENV"; fi
: "${COACH_TEST_POSTGRES:?set COACH_TEST_POSTGRES and COACH_TEST_RABBITMQ (or DEVENV=file that exports them)}" "${COACH_TEST_RABBITMQ:?}"
services=("$@")
[ ${#services[@]} -gt 0 ] || services=(sync coaching routes)

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

for service in "${services[@]}"; do
  case "$service" in
    sync) project=Sync db=syncdb ;;
    coaching) project=Coaching db=coachingdb ;;
    routes) project=Routes db=routesdb ;;
    *) echo "unknown service: $service" >&2; exit 2 ;;
  esac
  csproj="$repo/services/$project/CyclingCoach.$project.csproj"
  dotnet build "$csproj" -c Debug -nologo -clp:ErrorsOnly -v:q
  port="$(free_port)"
  log="$(mktemp)"
  data="$(mktemp -d)" # Storage:DataPath: files and keys the service writes go here, not into the source tree
  key="openapi-fetch-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" # the services answer only this credential
  env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Development \
    "Auth__ServiceKey=$key" "Storage__KeyEncryptionKey=$key" \
    "ConnectionStrings__$db=$COACH_TEST_POSTGRES;Database=webdocs_$service" \
    "ConnectionStrings__messaging=$COACH_TEST_RABBITMQ" "Storage__DataPath=$data" \
    bash -c 'cd "$1" && exec dotnet "bin/Debug/net10.0/CyclingCoach.$2.dll"' _ "$repo/services/$project" "$project" >"$log" 2>&1 &
  pid=$!
  ok=""
  for _ in $(seq 1 90); do
    if curl -fsS -H "X-Service-Key: $key" "http://127.0.0.1:$port/openapi/v1.json" -o "$here/openapi/$service.json.tmp" 2>/dev/null; then ok=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  if [ -z "$ok" ]; then
    echo "$service: no OpenAPI document; service log:" >&2; tail -40 "$log" >&2; rm -f "$log" "$here/openapi/$service.json.tmp"; exit 1
  fi
  rm -f "$log"
  # Pretty-printed with a trailing newline so diffs stay readable; `servers` dropped (it names the random port).
  node -e 'const f=process.argv[1];const fs=require("fs");const d=JSON.parse(fs.readFileSync(f,"utf8"));delete d.servers;fs.writeFileSync(f.replace(/\.tmp$/,""),JSON.stringify(d,null,2)+"\n");fs.unlinkSync(f)' "$here/openapi/$service.json.tmp"
  echo "$service: openapi/$service.json"
done
cd "$here" && npm run --silent gen:api
