#!/usr/bin/env bash
# Issue 18 part 3: the time and memory bounds that were pass criteria of BuiltInRuleParserTests (the longest rules text
# under 10 s) and GpxHostileInputTests (billion laughs under 2 s; 3 M generated points under 60 s and 600 MB), measured
# here instead, each case in its own process, beside a baseline process that reads a one-point GPX.
#   bench/scripts/limits/run.sh [runs per case]
set -euo pipefail
cd "$(dirname "$0")/../../.."
dotnet build bench/CyclingCoach.Bench -c Release -nologo -clp:ErrorsOnly -v:q > /dev/null
dll=bench/CyclingCoach.Bench/bin/Release/net10.0/CyclingCoach.Bench.dll
echo "| case | outcome | median (s) | max (s) | peak RSS (MB) |"
echo "|---|---|---:|---:|---:|"
for c in baseline rules-longest-text gpx-billion-laughs gpx-3m-points gpx-400mb-comments; do
  dotnet "$dll" limits "$c" "${1:-5}" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }'
done
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
