#!/usr/bin/env bash
# Runtime settings against one service's memory at rest, beside a running stack (./coach up or the kit's stack):
# for each setting a second copy of the service is started from its built output with the exact environment the
# AppHost gave the running one (read from /proc: connection strings, keys, OTLP endpoint and headers) on a spare
# port, asked for its lists 20 times, left alone 30 s, then its RSS, PSS and CPU time of those 30 s are read.
# Every setting sets every knob (environment variables win over runtimeconfig.json), so the build's own settings
# do not leak into a row.
#   bench/scripts/lean/knobs.sh [service...]      (default: sync coaching routes gateway; COACH_PORT_BASE as the stack)
# KNOBS_ONLY=REGEX keeps the settings whose name matches; R2R_DIR=DIR adds the rows run from DIR/<service> (that
# service published with ReadyToRun, from a copy of the checkout so this one's obj/ keeps its restore:
#   dotnet publish services/Sync -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o DIR/sync)
# instead of the build's bin folder. KNOBS_BUILDS="LABEL=DIR ..." runs instead one row per LABEL, each from DIR/<service>
# (another build of the service: a code change against the same settings; repeat the pairs to alternate them).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
base=${COACH_PORT_BASE:-5100} spare=$(( ${COACH_PORT_BASE:-5100} + 50 ))
configuration=${COACH_CONFIGURATION:-Release}
services=("$@"); [ ${#services[@]} -gt 0 ] || services=(sync coaching routes gateway)
defaults="DOTNET_gcServer=1 DOTNET_gcConcurrent=1 DOTNET_TieredPGO=1 DOTNET_GCConserveMemory=0 DOTNET_TieredCompilation=1"
workstation="DOTNET_gcServer=0 DOTNET_gcConcurrent=1 DOTNET_TieredPGO=1 DOTNET_GCConserveMemory=0 DOTNET_TieredCompilation=1"
lean="DOTNET_gcServer=0 DOTNET_gcConcurrent=0 DOTNET_TieredPGO=0 DOTNET_GCConserveMemory=0 DOTNET_TieredCompilation=1"
settings=(
  "server GC (ASP.NET default)|$defaults"
  "workstation GC|$workstation"
  "workstation, non-concurrent|DOTNET_gcServer=0 DOTNET_gcConcurrent=0 DOTNET_TieredPGO=1 DOTNET_GCConserveMemory=0 DOTNET_TieredCompilation=1"
  "workstation, non-concurrent, TieredPGO off|$lean"
  "… + GCConserveMemory=5|${lean/DOTNET_GCConserveMemory=0/DOTNET_GCConserveMemory=5}"
  "… + gen0 budget 4 MB (GCgen0size)|$lean DOTNET_GCgen0size=0x400000"
  "… + OTLP: metrics every 30 s, batches of 64|$lean OTEL_METRIC_EXPORT_INTERVAL=30000 OTEL_BSP_MAX_EXPORT_BATCH_SIZE=64 OTEL_BSP_MAX_QUEUE_SIZE=256 OTEL_BLRP_MAX_EXPORT_BATCH_SIZE=64 OTEL_BLRP_MAX_QUEUE_SIZE=256"
  "… + TieredCompilation off|${lean/DOTNET_TieredCompilation=1/DOTNET_TieredCompilation=0}"
  "… + GCHeapHardLimit 64 MB|$lean DOTNET_GCHeapHardLimit=0x4000000"
  "… + GCgen0MaxBudget 1 MB|$lean DOTNET_GCgen0MaxBudget=0x100000"
  "… without an OTLP endpoint (no exporter registered)|$lean OTEL_EXPORTER_OTLP_ENDPOINT="
  "… + W^X off (DOTNET_EnableWriteXorExecute=0: JIT code not double-mapped)|$lean DOTNET_EnableWriteXorExecute=0"
)
if [ -n "${R2R_DIR:-}" ]; then
  settings+=("… ReadyToRun (published with PublishReadyToRun)|$lean BUILD=$R2R_DIR"
             "… ReadyToRun + GCConserveMemory=5|${lean/DOTNET_GCConserveMemory=0/DOTNET_GCConserveMemory=5} BUILD=$R2R_DIR")
fi
if [ -n "${KNOBS_BUILDS:-}" ]; then
  settings=(); for build in $KNOBS_BUILDS; do settings+=("${build%%=*}|$lean BUILD=${build#*=}"); done
fi
if [ -n "${KNOBS_ONLY:-}" ]; then
  kept=(); for setting in "${settings[@]}"; do [[ ${setting%%|*} =~ $KNOBS_ONLY ]] && kept+=("$setting"); done; settings=("${kept[@]}")
fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| service | setting | RSS MB | PSS MB | CPU at rest, ms / 30 s | start → healthy s | load |"
echo "|---|---|---:|---:|---:|---:|---|"
for service in "${services[@]}"; do
  case $service in gateway) port=$base project=Gateway list=/health ;; sync) port=$((base + 1)) project=Sync list="/api/workouts?pageSize=50" ;;
    coaching) port=$((base + 2)) project=Coaching list="/api/coach/workouts?pageSize=50" ;; routes) port=$((base + 3)) project=Routes list="/api/routes?pageSize=50" ;; esac
  running=$(ss -ltnpH "sport = :$port" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
  [ -n "$running" ] || { echo "$service is not running on $port" >&2; exit 1; }
  mapfile -d '' environment < "/proc/$running/environ"
  key=$(tr '\0' '\n' < "/proc/$running/environ" | sed -n 's/^Auth__ServiceKey=//p')
  exe="$repo/services/$project/bin/$configuration/net10.0/CyclingCoach.$project"
  for setting in "${settings[@]}"; do
    name=${setting%%|*} knobs=${setting#*|} run=$exe
    if [[ $knobs == *BUILD=* ]]; then run="${knobs##*BUILD=}/$service/CyclingCoach.$project" knobs=${knobs% BUILD=*}; fi
    started=$(date +%s.%N)
    (cd "$repo/services/$project" && exec env -i "${environment[@]}" ASPNETCORE_URLS="http://127.0.0.1:$spare" HTTP_PORTS= ASPNETCORE_HTTP_PORTS= $knobs "$run") > /tmp/knobs-$service.log 2>&1 &
    pid=$!
    healthy=""
    for _ in $(seq 240); do
      curl -sf -o /dev/null "http://127.0.0.1:$spare/health" && { healthy=$(python3 -c "print(round($(date +%s.%N) - $started, 1))"); break; }
      kill -0 $pid 2>/dev/null || break; sleep 0.25
    done
    [ -n "$healthy" ] || { echo "$service ($name) did not start:" >&2; tail -20 /tmp/knobs-$service.log >&2; kill $pid 2>/dev/null; exit 1; }
    load=$(cut -d' ' -f1 /proc/loadavg)
    for _ in $(seq 20); do curl -sf -o /dev/null -H "X-Service-Key: $key" "http://127.0.0.1:$spare$list" || true; done
    sleep 10
    before=$(python3 "$repo/bench/scripts/lean/stackmem.py" --pids $pid)
    sleep 30
    after=$(python3 "$repo/bench/scripts/lean/stackmem.py" --pids $pid)
    kill $pid; wait $pid 2>/dev/null || true
    python3 - "$service" "$name" "$healthy" "$before" "$after" "$load" <<'PY'
import json, os, sys
service, name, healthy, before, after, load = sys.argv[1:]
b, a = list(json.loads(before).values())[0], list(json.loads(after).values())[0]
hz = os.sysconf('SC_CLK_TCK')
print(f"| {service} | {name} | {a['rss_kb'] / 1024:.0f} | {a['pss_kb'] / 1024:.0f} | {(a['cpu_ticks'] - b['cpu_ticks']) * 1000 / hz:.0f} | {healthy} | {load} |")
PY
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
