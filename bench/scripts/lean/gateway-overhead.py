#!/usr/bin/env python3
"""What the gateway adds to the ride list (issue 23: p99 <= 25 ms at 500 requests/s, gateway/direct <= 1.15x).

Beside a running stack (`source /tmp/kit-N/env`, or `./coach env`; at least 50 rides stored), it sends
`GET /api/workouts?pageSize=50` open loop (../drills/loadgen.mjs: request i due at start + i/rate, latency counted
from its due time) at each rate, once through the gateway and once straight to Sync (with the service key the
gateway adds), alternating which goes first from round to round, after a warm-up at the same rate. Besides the
latency percentiles it reads the CPU time the gateway and Sync processes spent (/proc/PID/stat), which a shared,
noisy machine disturbs far less than latency: the gateway's CPU per request is its cost whatever the load around it.
The CPU each process spends at rest (telemetry export, health checks), read over --idle seconds before the first run,
is taken off first.

  python3 bench/scripts/lean/gateway-overhead.py [--rates 100,200,300,400,500] [--seconds 20] [--warmup 5]
                                                [--rounds 2] [--json out.json]
"""
import argparse, json, os, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
LOADGEN = os.path.join(HERE, "..", "drills", "loadgen.mjs")
PATH = "/api/workouts?pageSize=50"


def secret(coach_dir, name):
    with open(os.path.join(coach_dir, "secrets.env")) as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("=")
            if key == name:
                return value
    raise SystemExit(f"{name} not in {coach_dir}/secrets.env")


def pid_of(suffix):
    """The process whose executable is the built service (`…/CyclingCoach.<suffix>`) of this stack's port."""
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                argv0 = f.read().split(b"\0")[0].decode()
        except OSError:
            continue
        if argv0.endswith(f"/CyclingCoach.{suffix}") and port_of(pid) == os.environ[f"{suffix.upper()}_PORT"]:
            return pid
    raise SystemExit(f"no running CyclingCoach.{suffix} for this stack")


def port_of(pid):
    try:
        with open(f"/proc/{pid}/environ", "rb") as f:
            env = dict(e.split(b"=", 1) for e in f.read().split(b"\0") if b"=" in e)
    except OSError:
        return None
    urls = env.get(b"ASPNETCORE_URLS", b"").decode()
    return urls.rsplit(":", 1)[-1].strip("/") if urls else None


def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()


def cpu_seconds(pid):
    """utime + stime of a process; for "postgres", of the server and its backends (pooled, so long-lived)."""
    if pid == "postgres":
        with open(os.path.join(os.environ["COACH_DIR"], "pg", "data", "postmaster.pid")) as f:
            server = f.readline().strip()
        group = [server] + [p for p in filter(str.isdigit, os.listdir("/proc")) if safe(lambda: stat(p)[1]) == server]
        return sum(safe(lambda: cpu_seconds(p)) or 0 for p in group)
    fields = stat(pid)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def safe(read):
    try:
        return read()
    except OSError:  # a process that ended meanwhile
        return None


def load(url, headers, rate, seconds):
    config = {"url": url, "key": os.environ.get("API_KEY", ""), "headers": headers, "rate": rate, "duration": seconds,
              "connections": 48, "startAt": int(time.time() * 1000) + 300, "timeoutMs": 10000, "seed": 7,
              "mix": [[1, [PATH]]]}
    path = f"/tmp/gateway-overhead-{os.getpid()}.json"
    with open(path, "w") as f:
        json.dump(config, f)
    out = subprocess.run(["node", LOADGEN, path], capture_output=True, text=True, check=True).stdout
    return json.loads(out)["requests"]


def percentile(sorted_values, p):
    return sorted_values[min(len(sorted_values) - 1, int(p / 100 * len(sorted_values)))] if sorted_values else None


def cpu_at_rest(pids, seconds):
    """CPU seconds per second each process spends with no request coming."""
    before, start = {k: cpu_seconds(p) for k, p in pids.items()}, time.monotonic()
    time.sleep(seconds)
    return {k: (cpu_seconds(p) - before[k]) / (time.monotonic() - start) for k, p in pids.items()}


def run(target, rate, args, urls, pids, idle):
    url, headers = urls[target]
    load(url, headers, rate, args.warmup)
    before, start = {k: cpu_seconds(p) for k, p in pids.items()}, time.monotonic()
    load_avg = os.getloadavg()[0]
    requests = load(url, headers, rate, args.seconds)
    elapsed = time.monotonic() - start
    cpu = {k: cpu_seconds(p) - before[k] - idle[k] * elapsed for k, p in pids.items()}
    ok = sorted(r[1] for r in requests if r[2] == 200)
    last = max(r[0] + r[1] for r in requests)
    return {"target": target, "rate": rate, "load": round(load_avg, 1), "sent": len(requests),
            "errors": len(requests) - len(ok), "answered_per_s": round(len(ok) / last, 1),
            "p50_ms": round(percentile(ok, 50) * 1000, 1), "p90_ms": round(percentile(ok, 90) * 1000, 1),
            "p99_ms": round(percentile(ok, 99) * 1000, 1),
            "gateway_cpu_ms_per_req": round(cpu["gateway"] * 1000 / len(requests), 2),
            "sync_cpu_ms_per_req": round(cpu["sync"] * 1000 / len(requests), 2),
            "postgres_cpu_ms_per_req": round(cpu["postgres"] * 1000 / len(requests), 2)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rates", default="100,200,300,400,500")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--warmup", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--idle", type=float, default=20)
    parser.add_argument("--json")
    args = parser.parse_args()
    coach_dir = os.environ["COACH_DIR"]
    os.environ.setdefault("API_KEY", secret(coach_dir, "API_KEY"))
    urls = {"gateway": (os.environ["GATEWAY_URL"], {}),
            "direct": (os.environ["SYNC_URL"], {"X-Service-Key": secret(coach_dir, "SERVICE_KEY")})}
    pids = {"gateway": pid_of("Gateway"), "sync": pid_of("Sync"), "postgres": "postgres"}
    idle = cpu_at_rest(pids, args.idle)
    print("at rest, CPU ms per s: " + ", ".join(f"{k} {v * 1000:.0f}" for k, v in idle.items()))
    rows = []
    print("| round | rate/s | target | load | answered/s | errors | p50 ms | p90 ms | p99 ms | gateway CPU ms/req | Sync CPU ms/req | PostgreSQL CPU ms/req |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for round_ in range(1, args.rounds + 1):
        for rate in (int(r) for r in args.rates.split(",")):
            order = ["gateway", "direct"] if round_ % 2 else ["direct", "gateway"]
            for target in order:
                row = run(target, rate, args, urls, pids, idle) | {"round": round_}
                rows.append(row)
                print(f"| {round_} | {rate} | {target} | {row['load']} | {row['answered_per_s']} | {row['errors']} | {row['p50_ms']} | "
                      f"{row['p90_ms']} | {row['p99_ms']} | {row['gateway_cpu_ms_per_req']} | {row['sync_cpu_ms_per_req']} | {row['postgres_cpu_ms_per_req']} |", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
