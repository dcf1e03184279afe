"""Routes service measurements over HTTP and the RabbitMQ management API (stdlib only). See run.sh."""
import argparse, base64, os, json, math, random, re, statistics, time, urllib.request, uuid
from datetime import datetime, timezone

def gpx_ride(points, seed, spacing=6.0):
    """A wandering road ride: `points` samples about `spacing` m apart, rolling hills and a few climbs, 1 m noise."""
    rnd = random.Random(seed)
    lat, lon = 45.0 + rnd.random(), 6.0 + rnd.random()
    heading, ele = rnd.random() * 2 * math.pi, 300.0
    hills = [(rnd.uniform(0, points * spacing), rnd.uniform(500, 8000), rnd.uniform(20, 600)) for _ in range(max(3, points // 2500))]
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="routes-bench" xmlns="http://www.topografix.com/GPX/1/1">',
           f'<trk><name>Bench ride {seed}</name><trkseg>']
    s = 0.0
    for i in range(points):
        heading += rnd.gauss(0, 0.05)
        step = spacing * rnd.uniform(0.6, 1.4)
        s += step
        lat += step * math.cos(heading) / 111195.0
        lon += step * math.sin(heading) / (111195.0 * math.cos(math.radians(lat)))
        h = 300.0 + sum(height * math.exp(-((s - c) / (w / 2)) ** 2) for c, w, height in hills)
        ele = h + rnd.gauss(0, 1.0)
        t = datetime.fromtimestamp(1_700_000_000 + i, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        out.append(f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>{ele:.1f}</ele><time>{t}</time></trkpt>')
    out.append("</trkseg></trk></gpx>\n")
    return "\n".join(out).encode()

def cpu_seconds(pid):
    """User + system CPU time of the service process so far (load-independent cost)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def loadavg():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]

def request(method, url, body=None, headers=None, auth=None):
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    if os.environ.get("Auth__ServiceKey") and "/api/exchanges/" not in url:
        req.add_header("X-Service-Key", os.environ["Auth__ServiceKey"])  # Routes answers only the gateway's credential
    if auth:
        req.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
    try:
        with urllib.request.urlopen(req, timeout=300) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

def upload(base, content, name):
    boundary = uuid.uuid4().hex
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}.gpx"\r\n'
            f'Content-Type: application/gpx+xml\r\n\r\n').encode() + content + f'\r\n--{boundary}--\r\n'.encode()
    start = time.perf_counter()
    status, data = request("POST", base + "/api/routes", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    elapsed = time.perf_counter() - start
    if status != 201:
        raise SystemExit(f"upload {name}: {status} {data[:300]!r}")
    return elapsed, json.loads(data)

def versions(base):
    status, data = request("GET", base + "/api/routes?pageSize=200")
    return [i["profileVersion"] for i in json.loads(data)["items"]]

def publish_profile(args, version):
    message = {"version": version, "ftpWatts": 260 + version, "weightKg": 72.0, "maxHeartRateBpm": 185, "lactateThresholdHeartRateBpm": 165,
               "bike": {"massKg": 8.5, "cdA": 0.31, "crr": 0.0045, "wheelCircumferenceMeters": 2.105, "chainrings": [50, 34],
                        "cassette": [11, 12, 13, 14, 15, 17, 19, 21, 24, 28, 32], "minimumCadenceRpm": 70},
               "changedAt": datetime.now(timezone.utc).isoformat()}
    envelope = {"messageId": str(uuid.uuid4()), "messageType": ["urn:message:CyclingCoach.Contracts:AthleteProfileChanged"],
                "message": message, "sentTime": datetime.now(timezone.utc).isoformat()}
    body = json.dumps({"properties": {"content_type": "application/vnd.masstransit+json", "message_id": envelope["messageId"],
                                      "delivery_mode": 2},
                       "routing_key": "", "payload": json.dumps(envelope), "payload_encoding": "string"}).encode()
    url = f"{args.mgmt}/api/exchanges/{args.vhost}/{urllib.request.quote('CyclingCoach.Contracts:AthleteProfileChanged', safe='')}/publish"
    status, data = request("POST", url, body, {"content-type": "application/json"}, args.auth)
    if status != 200 or not json.loads(data).get("routed"):
        raise SystemExit(f"publish failed: {status} {data!r}")

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--pid", type=int, required=True)
    for a in ("url", "mgmt", "auth", "vhost", "log"):
        p.add_argument("--" + a, required=True)
    p.add_argument("--routes", type=int, default=200)
    p.add_argument("--points", type=int, default=10000)
    p.add_argument("--big", type=int, default=50000)
    args = p.parse_args()

    deadline = time.time() + 120
    while True:
        try:
            status, _ = request("GET", args.url + "/health")
            if status == 200:
                break
        except OSError:
            pass
        if time.time() > deadline:
            raise SystemExit("the Routes service did not become healthy")
        time.sleep(0.2)

    # 1. Upload-to-analysed latency, 50k-point ride (5 distinct files: the first pays JIT warm-up).
    big = [gpx_ride(args.big, 1000 + i) for i in range(5)]
    lat, cpu = [], []
    for i, content in enumerate(big):
        c0 = cpu_seconds(args.pid)
        elapsed, route = upload(args.url, content, f"big{i}")
        lat.append(elapsed)
        cpu.append(cpu_seconds(args.pid) - c0)
    print(f"50k-point ride: {len(big[0]) / 1e6:.1f} MB, {route['summary']['distanceMeters'] / 1000:.0f} km, "
          f"{route['summary']['sectionCount']} sections, track {len(route['track']['coordinates'])} pts, profile {len(route['profile'])} pts")
    print("upload-to-analysed (s): " + ", ".join(f"{x:.3f}" for x in lat) +
          f"  | first (cold) {lat[0]:.3f}, warm median {statistics.median(lat[1:]):.3f}, warm min {min(lat[1:]):.3f}"
          f"; service CPU per warm upload median {statistics.median(cpu[1:]):.2f} s; load average {loadavg()}")

    # 2. Fill the library to `routes` and re-estimate them all after a profile change.
    fill = args.routes - len(big)
    t0 = time.perf_counter()
    for i in range(fill):
        upload(args.url, gpx_ride(args.points, i), f"r{i}")
    print(f"library: {args.routes} routes ({len(big)} × {args.big} + {fill} × {args.points} points), filled in {time.perf_counter() - t0:.1f} s")

    for version in (1, 2):
        start = time.perf_counter()
        c0 = cpu_seconds(args.pid)
        publish_profile(args, version)
        while True:
            v = versions(args.url)
            if len(v) == args.routes and all(x == version for x in v):
                break
            if time.perf_counter() - start > 120:
                raise SystemExit(f"version {version}: not all routes re-estimated after 120 s ({v.count(version)}/{len(v)})")
            time.sleep(0.05)
        wall = time.perf_counter() - start
        cpu_used = cpu_seconds(args.pid) - c0
        time.sleep(0.5)  # let the log line reach the file
        with open(args.log, encoding="utf-8", errors="replace") as f:
            text = f.read()
        m = [x for x in re.findall(r"Profile version (\d+): re-estimated (\d+) route\(s\) in (\d+) ms", text) if int(x[0]) == version]
        a = [x for x in re.findall(r"profile version (\d+): analysed (\d+) route\(s\) in (\d+) ms, applied in (\d+) ms", text) if int(x[0]) == version]
        inner = f"; consumer handler {int(m[-1][2]) / 1000:.2f} s for {m[-1][1]} routes" if m else ""
        inner += f" (load + analyse {int(a[-1][2]) / 1000:.2f} s, apply {int(a[-1][3]) / 1000:.2f} s; the rest of the wall time is delivery, save and commit)" if a else ""
        print(f"profile v{version}: publish → all {args.routes} routes at v{version}: {wall:.2f} s wall, service CPU {cpu_used:.2f} s"
              f" (load average {loadavg()}){inner}")

if __name__ == "__main__":
    main()
