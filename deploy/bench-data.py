#!/usr/bin/env python3
"""Writes generated GPX files for the compose tier's bench: OUT/ride-NNN.gpx (one-hour rides at 1 Hz, one every
~1.4 days going back from yesterday, so N=260 is a year) and OUT/route-NNN.gpx (40 km routes, no times).
Usage: bench-data.py OUT RIDES ROUTES"""
import math
import os
import sys
from datetime import datetime, timedelta, timezone

out, rides, routes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(out, exist_ok=True)
HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="cyclingcoach-bench" xmlns="http://www.topografix.com/GPX/1/1">\n'


def track(n, seed, timed, start=None):
    """A loop of n points around a seed-dependent centre; ~8 m a point (29 km/h at 1 Hz)."""
    lat0, lon0 = 46.0 + (seed % 50) * 0.01, 14.0 + (seed % 37) * 0.01
    radius = n * 8 / (2 * math.pi) / 111_000
    for i in range(n):
        a = 2 * math.pi * i / n
        lat = lat0 + radius * math.sin(a)
        lon = lon0 + radius * math.cos(a) / math.cos(math.radians(lat0))
        ele = 300 + 80 * math.sin(3 * a + seed)
        when = f"<time>{(start + timedelta(seconds=i)).strftime('%Y-%m-%dT%H:%M:%SZ')}</time>" if timed else ""
        yield f'<trkpt lat="{lat:.6f}" lon="{lon:.6f}"><ele>{ele:.1f}</ele>{when}</trkpt>\n'


first = datetime.now(timezone.utc).replace(hour=7, minute=0, second=0, microsecond=0) - timedelta(days=1)
for r in range(rides):
    start = first - timedelta(hours=r * 33)
    with open(os.path.join(out, f"ride-{r:03}.gpx"), "w") as f:
        f.write(HEADER + f"<trk><name>Bench ride {r}</name><type>cycling</type><trkseg>\n")
        f.writelines(track(3600, r, True, start))
        f.write("</trkseg></trk></gpx>\n")
for r in range(routes):
    with open(os.path.join(out, f"route-{r:03}.gpx"), "w") as f:
        f.write(HEADER + f"<trk><name>Bench route {r}</name><trkseg>\n")
        f.writelines(track(5000, 1000 + r, False))
        f.write("</trkseg></trk></gpx>\n")
