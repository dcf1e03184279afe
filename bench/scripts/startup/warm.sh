#!/usr/bin/env bash
# Issue 23: warm starts (a rider's `./coach down` then `./coach up`, COACH_DIR kept), variants alternated so a busy
# shared machine weighs on each alike. Each variant is LABEL=CHECKOUT (a built checkout: `./coach build`, e.g. a
# `git worktree` of main beside this one), with its own COACH_DIR, started once before the timed rounds (initdb, first
# boot). Prints one row per start: `./coach up --detach` wall time, each resource's first ready moment from the
# AppHost's start (its watchdog's "X ready at N s"), whether an epmd was left after its down, the 1-minute load average
# before the start.
#   bench/scripts/startup/warm.sh ROUNDS before=/path/to/main after=.
# Ports come from the environment as for cycles.sh (e.g. `source <(/work/kit/stack.sh ports 6)`); COACH_DIR is ignored.
# Extra environment for one variant: LABEL=CHECKOUT,VAR=value,VAR=value.
set -uo pipefail
rounds=${1:?rounds}; shift
work=$(mktemp -d /tmp/coach-warm.XXXXXX); chmod 711 "$work" # PostgreSQL runs as its own user under it
current=""
down() { [ -n "$current" ] && (cd "${current%%|*}" && COACH_DIR=${current#*|} ./coach down > /dev/null 2>&1); current=""; }
# An epmd daemon left on the stack's port mapper port (AMQP + 21000) after a down fails the next start ("messaging-epmd
# Finished"); it is counted in the row and stopped, so one variant's leftover does not fail the other's start.
stray_epmd() { local pids; pids=$(ss -ltnpH "sport = :$((${COACH_AMQP_PORT:-5672} + 21000))" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u)
  [ -z "$pids" ] && { echo no; return; }; kill $pids; echo "yes (stopped)"; }
trap 'down; rm -rf "$work"' EXIT
resources="postgres messaging sync routes coaching gateway web"

start() { # label checkout env → row
  local label=$1 checkout=$2 envs=$3 dir=$work/$1 t0 t1 rc load log
  mkdir -p "$dir"
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s.%N)
  (cd "$checkout" && env ${envs//,/ } COACH_DIR="$dir" ./coach up --detach --no-build > "$work/up.log" 2>&1)
  rc=$?
  t1=$(date +%s.%N)
  current="$checkout|$dir"
  log="$dir/logs/apphost.log"
  printf '| %s | %.1f |' "$label" "$(echo "$t1 - $t0" | bc)"
  for r in $resources; do printf ' %s |' "$(sed -nE "s/.*\b$r ready at ([0-9.]+) s.*/\1/p" "$log" | head -1)"; done
  cp "$log" "/tmp/coach-warm-$label-last.log" 2>/dev/null || true
  down
  printf ' %s | %s | %s |\n' "$([ $rc = 0 ] && echo healthy || echo "FAILED ($rc)")" "$(stray_epmd)" "$load"
}

for v in "$@"; do # a first (cold) start of each
  IFS=, read -r spec envs <<< "$v"; start "${spec%%=*}" "$(cd "${spec#*=}" && pwd)" "${envs:-}" > /dev/null
done
printf '| variant | `./coach up --detach` (s) |'; for r in $resources; do printf ' %s |' "$r"; done; printf ' outcome | epmd left after the down | load (1 min) |\n'
printf '|---|---:|'; for r in $resources; do printf -- '---:|'; done; printf '%s\n' '---|---|---:|'
for i in $(seq 1 "$rounds"); do
  for v in "$@"; do IFS=, read -r spec envs <<< "$v"; start "${spec%%=*}" "$(cd "${spec#*=}" && pwd)" "${envs:-}"; done
done
