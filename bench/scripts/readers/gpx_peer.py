#!/usr/bin/python3
"""gpxpy side of the GPX reader benchmark: parse + 2-D haversine distance + ascent, the same work as
bench/CyclingCoach.Bench/Readers/GpxDistanceAscent.cs. Usage: gpx_peer.py LIST REPS TOTALS_OUT"""
import sys
import time

import gpxpy
import gpxpy.geo


def work(text):
    gpx = gpxpy.parse(text)
    dist = 0.0
    asc = 0.0
    n = 0
    runs = [seg.points for trk in gpx.tracks for seg in trk.segments] + [rte.points for rte in gpx.routes]
    for pts in runs:
        n += len(pts)
        for a, b in zip(pts, pts[1:]):
            dist += gpxpy.geo.haversine_distance(a.latitude, a.longitude, b.latitude, b.longitude)
            if a.elevation is not None and b.elevation is not None and b.elevation > a.elevation:
                asc += b.elevation - a.elevation
    return n, dist, asc


def main():
    paths = [p for p in open(sys.argv[1]).read().splitlines() if p]
    reps = int(sys.argv[2])
    texts = [(p, open(p, "rb").read()) for p in paths]
    total_bytes = sum(len(b) for _, b in texts)
    decoded = [(p, b.decode("utf-8")) for p, b in texts]
    with open(sys.argv[3], "w") as out:
        for p, t in decoded:
            n, d, a = work(t)
            out.write("gpx\t%s\t%d\t%.3f\t%.3f\n" % (p.rsplit("/", 1)[-1], n, d, a))
    times = []
    cpu_times = []
    for _ in range(reps):
        start = time.perf_counter()
        cpu0 = time.process_time()
        for _, t in decoded:
            work(t)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu0)
    print("gpxpy %s: %d files, %d bytes, best %.1f ms/pass, mean %.1f ms/pass" % (
        gpxpy.__version__, len(paths), total_bytes, min(times) * 1e3, sum(times) / len(times) * 1e3))
    print("PEER_GPX_BEST_MS=%.3f" % (min(times) * 1e3))
    print("PEER_GPX_CPU_MS=%.3f" % (min(cpu_times) * 1e3))


if __name__ == "__main__":
    main()
