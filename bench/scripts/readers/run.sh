#!/usr/bin/env bash
# Reader benchmarks: ours (BenchmarkDotNet, short job) and the peers (gpxpy, gpsbabel) on the same fixture files,
# in the same run, then a comparison. Usage: bench/scripts/readers/run.sh [peer-repetitions]
# Needs: apt-get install -y python3-gpxpy gpsbabel   (gpxpy imports only under /usr/bin/python3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
fixtures="$(cd "$repo/.." && pwd)/shared/fixtures"
reps="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Same files on both sides: only those the peer reads without error.
: > "$work/gpx.list"
for f in "$fixtures"/gpx/*.gpx; do
  if /usr/bin/python3 -c 'import sys, gpxpy; gpxpy.parse(open(sys.argv[1], encoding="utf-8").read())' "$f" 2>/dev/null; then
    echo "$f" >> "$work/gpx.list"
  fi
done
: > "$work/fit.list"
for f in "$fixtures"/fit/*.fit; do
  if gpsbabel -t -i garmin_fit -f "$f" -o unicsv -F /dev/null >/dev/null 2>&1; then
    echo "$f" >> "$work/fit.list"
  fi
done
echo "files: $(wc -l < "$work/gpx.list") GPX (gpxpy reads them), $(wc -l < "$work/fit.list") FIT (gpsbabel exits 0)"

echo "== peers"
/usr/bin/python3 "$here/gpx_peer.py" "$work/gpx.list" "$reps" "$work/peer_totals.tsv" | tee "$work/gpx_peer.out"
/usr/bin/python3 "$here/fit_peer.py" "$work/fit.list" "$reps" | tee "$work/fit_peer.out"

echo "== ours (BenchmarkDotNet --job short)"
dotnet build -c Release "$repo/bench/CyclingCoach.Bench" -v q -nologo >/dev/null
(
  # In-process toolchain: no generated project in bin/, so runs by other engineers cannot collide with ours.
  cd "$work"
  READERS_GPX_LIST="$work/gpx.list" READERS_FIT_LIST="$work/fit.list" READERS_TOTALS_OUT="$work/our_totals.tsv" \
    dotnet "$repo/bench/CyclingCoach.Bench/bin/Release/net10.0/CyclingCoach.Bench.dll" \
    --filter '*ReadersBenchmarks*' --job short --inProcess --exporters csv --artifacts "$work/bdn" > "$work/bdn.log" 2>&1 \
    || { tail -50 "$work/bdn.log"; exit 1; }
)
grep -E '^\|' "$work/bdn.log" | tail -6

echo "== ours, CPU time per pass (load-robust cross-check; file-based app, Release)"
dotnet run -c Release "$here/cpu_ours.cs" -- "$work/gpx.list" "$work/fit.list" 20 2>/dev/null | tee "$work/cpu_ours.out"

echo "== peers again (the peers' best pass over both rounds is used: the conservative side for us)"
/usr/bin/python3 "$here/gpx_peer.py" "$work/gpx.list" "$reps" "$work/peer_totals.tsv" | tee -a "$work/gpx_peer.out"
/usr/bin/python3 "$here/fit_peer.py" "$work/fit.list" "$reps" | tee -a "$work/fit_peer.out"

echo "== comparison (load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores)"
/usr/bin/python3 - "$work" <<'PY'
import csv, glob, re, sys
work = sys.argv[1]
def ms(cell):
    value, unit = cell.replace(",", "").split()
    return float(value) * {"ns": 1e-6, "μs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1e3}[unit]
rows = {r["Method"]: r for r in csv.DictReader(open(glob.glob(work + "/bdn/results/*ReadersBenchmarks*-report.csv")[0]))}
ours = {k: ms(v["Min"]) for k, v in rows.items()}
mean = {k: ms(v["Mean"]) for k, v in rows.items()}
peer = {}
for key, value in re.findall(r"^(PEER_\w+)=([\d.]+)$", open(work + "/gpx_peer.out").read() + open(work + "/fit_peer.out").read(), re.M):
    peer[key] = min(float(value), peer.get(key, float("inf")))
gpx_bytes = sum(len(open(p, "rb").read()) for p in open(work + "/gpx.list").read().split())
fit_bytes = sum(len(open(p, "rb").read()) for p in open(work + "/fit.list").read().split())
# Parity: the same work gives the same numbers on both sides.
mine = {l.split("\t")[1]: l.split("\t") for l in open(work + "/our_totals.tsv") if l.startswith("gpx")}
worst = 0.0
for l in open(work + "/peer_totals.tsv"):
    _, name, n, d, a = l.rstrip("\n").split("\t")
    m = mine[name]
    assert int(m[2]) == int(n), (name, "points", m[2], n)
    worst = max(worst, abs(float(m[3]) - float(d)) / max(1.0, float(d)), abs(float(m[4]) - float(a)) / max(1.0, float(a)))
print("parity: %d GPX files, same point counts; worst relative difference in distance/ascent %.2e" % (len(mine), worst))
g_ours, g_peer = ours["'GPX parse+distance+ascent, all files'"], float(peer["PEER_GPX_BEST_MS"])
f_ours, f_peer, f_dec = ours["'FIT decode, all files'"], float(peer["PEER_FIT_BEST_MS"]), float(peer["PEER_FIT_DECODE_MS"])
big = ours["'FIT decode, largest file'"]
print("(best pass on each side; our BenchmarkDotNet means: %s)" % ", ".join("%s %.2f ms" % (k.strip("'"), v) for k, v in mean.items()))
print("GPX  ours %8.2f ms/pass (%6.1f MB/s)   gpxpy %8.1f ms/pass   speed-up %6.1fx (target >= 20x)" % (g_ours, gpx_bytes / g_ours / 1e3, g_peer, g_peer / g_ours))
print("FIT  ours %8.2f ms/pass (%6.1f MB/s)   gpsbabel %8.1f ms/pass wall, %8.1f ms CPU without process start-up" % (f_ours, fit_bytes / f_ours / 1e3, f_peer, f_dec))
print("     speed-up %.1fx (%.1fx vs gpsbabel decode-only CPU estimate; target >= 2x and >= 100 MB/s)" % (f_peer / f_ours, f_dec / f_ours))
big_bytes = max(len(open(p, "rb").read()) for p in open(work + "/fit.list").read().split())
cpu = dict((k, float(v)) for k, v in re.findall(r"^(OURS_\w+)=([\d.]+)$", open(work + "/cpu_ours.out").read(), re.M))
print("CPU time per pass (user+sys, all threads): GPX ours %.1f ms vs gpxpy %.1f ms = %.1fx; FIT ours %.1f ms vs gpsbabel decode-only %.1f ms = %.1fx" % (
    cpu["OURS_GPX_CPU_MS"], peer["PEER_GPX_CPU_MS"], peer["PEER_GPX_CPU_MS"] / cpu["OURS_GPX_CPU_MS"],
    cpu["OURS_FIT_CPU_MS"], f_dec, f_dec / cpu["OURS_FIT_CPU_MS"]))
print("FIT  largest file (%.2f MB): ours %.2f ms (%.1f MB/s)" % (big_bytes / 1e6, big, big_bytes / big / 1e3))
PY
