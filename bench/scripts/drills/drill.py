#!/usr/bin/env python3
"""Fault drills (issue 23): under a steady load through the gateway, kill -9 one part of a running `./coach up` stack
at a random moment, restart it the way a rider would (`./coach start`), then check with SQL against each service's
database and with RabbitMQ's management API that nothing was lost or done twice.

    drill.py --rounds N [--targets a,b,…] [--seed S] [--load-seconds L] [--tap] [--json FILE]

Reads the stack from the environment (`./coach env`: GATEWAY_URL, WEB_URL, API_KEY, COACH_DIR) and the fake Garmin it
syncs from (FAKE_GARMIN_URL, FAKE_GARMIN_ACTIVITIES: how many activities it serves). run.sh starts both. With --tap it prints one TAP
test per check per round and the `# tests/# pass/# fail` summary `./coach test` counts.

The load per round: manual rides (2/s), FIT files from /work/shared/fixtures (one every 3 s; a file already stored
answers 409), generated GPX routes (one every 5 s, up to 150 in all: the library's quota is 200), a profile change (the bike's mass; one every 5 s, each a new
AthleteProfileChanged that Routes re-estimates every route for), a Garmin backfill from the fake at the round's start,
and reads (ride list, fitness, the web app's health) every 0.5 s.

The checks, over everything sent since the drill began (they must hold after every round):
  recovered      the killed part is healthy again (`./coach start` returned) and requests succeed through the gateway
  stored-once    every accepted request (2xx) is stored exactly once; a request without an answer at most once
  projected-once every WorkoutImported Sync published is in Coaching's inbox once and every Sync ride has one projection
  analysed-once  every projected ride has one WorkoutReview analysis, completed (not pending, not failed), with one
                 AnalysisCompleted event
  outbox-drained every outbox row of every service is published
  inbox-once     each consumer's inbox holds exactly the events of its type that were published (none missing, none
                 extra); the primary key (message id, consumer) rules out a second row, so this and the effects above
                 are what "processed twice" would break
  routes-once    Routes applied the newest profile version to every route, and sent at most one RouteAnalyzed per
                 route and profile version (exactly one for the newest)
  broker-drained no message waits in any queue, none is unacknowledged, nothing reached an _error or _skipped queue
"""
import argparse, base64, hashlib, json, os, random, subprocess, sys, threading, time, urllib.error, urllib.parse, urllib.request, uuid
from datetime import datetime, timedelta, timezone

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
FIXTURES = os.environ.get("COACH_FIXTURES", "/work/shared/fixtures")
FIT_FILES = ["connectstats__activity_1382772474.fit", "fitparse__Edge810-Vector-2013-08-16-15-35-10.fit",
             "fitparse__sample-activity-indoor-trainer.fit", "sksports__2014-07-26-18-50-56.fit",
             "goldencheetah__Garmin830_with_Stages.fit", "goldencheetah__TacxNeo.fit",
             "goldencheetah__Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238.fit", "tormoder__unterminated-strings.fit",
             "fitparse__elemnt-bolt-no-application-id-inside-developer-data-id.fit", "sportslib__3939576645.fit"]
MAX_ROUTES = 150  # the library holds 200 routes (Routes' quota answers 409 beyond): stop uploading well before
TARGETS = ["sync", "coaching", "routes", "gateway", "web", "postgres", "messaging"]
CHECKS = ["recovered", "stored-once", "projected-once", "analysed-once", "outbox-drained", "inbox-once", "routes-once", "broker-drained"]
# consumer (its class name, as the inbox stores it) → (its database, the event, the database that publishes it)
CONSUMERS = [("coachingdb", "WorkoutImportedConsumer", "WorkoutImported", "syncdb"),
             ("coachingdb", "WorkoutMetricsRecalculatedConsumer", "WorkoutMetricsRecalculated", "syncdb"),
             ("coachingdb", "WorkoutDeletedConsumer", "WorkoutDeleted", "syncdb"),
             ("coachingdb", "WellnessRecordedConsumer", "WellnessRecorded", "syncdb"),
             ("coachingdb", "AthleteSettingsImportedConsumer", "AthleteSettingsImported", "syncdb"),
             ("syncdb", "AthleteProfileChangedConsumer", "AthleteProfileChanged", "coachingdb"),
             ("routesdb", "AthleteProfileChangedConsumer", "AthleteProfileChanged", "coachingdb")]


def log(*parts):
    print("drill:", *parts, file=sys.stderr, flush=True)


class Stack:
    def __init__(self):
        env = dict(os.environ)
        self.gateway, self.web, self.key = env["GATEWAY_URL"].rstrip("/"), env["WEB_URL"].rstrip("/"), env["API_KEY"]
        self.coach_dir = env["COACH_DIR"]
        stack_env = dict(l.strip().split("=", 1) for l in open(os.path.join(self.coach_dir, "run", "stack.env")) if "=" in l)
        secrets = dict(l.strip().split("=", 1) for l in open(os.path.join(self.coach_dir, "secrets.env")) if "=" in l)
        self.pg_port, self.pg_password = stack_env["POSTGRES_PORT"], secrets["PG_PASSWORD"]
        self.management = stack_env["MESSAGING_MANAGEMENT_URL"]
        self.rabbit_auth = "Basic " + base64.b64encode(f"coach:{secrets['RABBIT_PASSWORD']}".encode()).decode()
        self.sent = threading.local()  # when this thread's last request was sent: a failure is dated by it, not by its timeout

    def request(self, method, path, body=None, content_type="application/json", timeout=15, base=None):
        """(status, parsed body or text); status 0 and the error's text when no answer came."""
        self.sent.at = time.monotonic()
        data = json.dumps(body).encode() if content_type == "application/json" and body is not None else body
        req = urllib.request.Request((base or self.gateway) + path, data=data, method=method)
        req.add_header("X-Api-Key", self.key)
        if data is not None:
            req.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                raw = r.read()
                status = r.status
        except urllib.error.HTTPError as e:
            raw, status = e.read(), e.code
        except Exception as e:  # refused, reset, timed out: no answer
            return 0, f"{type(e).__name__}: {e}"
        try:
            return status, json.loads(raw) if raw else None
        except ValueError:
            return status, raw[:200].decode(errors="replace")

    def multipart(self, path, file_name, content, fields=None):
        boundary = uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in (fields or {}).items()]
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
                     f'Content-Type: application/octet-stream\r\n\r\n'.encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request("POST", path, body, f"multipart/form-data; boundary={boundary}", timeout=60)

    def sql(self, db, query):
        out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", self.pg_port, "-U", "postgres", "-d", db, "-AtqX", "-F", "\t", "-c", query],
                             env=dict(os.environ, PGPASSWORD=self.pg_password, PGCONNECT_TIMEOUT="5"),
                             capture_output=True, text=True, timeout=60)
        if out.returncode != 0:
            raise RuntimeError(f"psql {db}: {out.stderr.strip()}")
        return [line.split("\t") for line in out.stdout.splitlines() if line]

    def queues(self):
        req = urllib.request.Request(self.management + "/api/queues?columns=name,messages_ready,messages_unacknowledged")
        req.add_header("Authorization", self.rabbit_auth)
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.loads(r.read())

    def coach(self, *args, timeout=240):
        started = time.monotonic()
        out = subprocess.run([os.path.join(ROOT, "coach"), *args], capture_output=True, text=True, timeout=timeout,
                             env=dict(os.environ, COACH_DIR=self.coach_dir))
        if out.returncode != 0:
            raise RuntimeError(f"./coach {' '.join(args)} exited {out.returncode}: {(out.stderr or out.stdout).strip()[-400:]}")
        return time.monotonic() - started


def gpx(name, seed):
    """A small climb (about 3 km, 150 m up) placed by seed, so every upload is a different file."""
    rnd = random.Random(seed)
    lat, lon = 45.0 + rnd.random(), 6.0 + rnd.random()
    points = "".join(f'<trkpt lat="{lat + i * 0.0002:.6f}" lon="{lon + i * 0.0001:.6f}"><ele>{300 + i * 1.0 + rnd.random():.1f}</ele></trkpt>'
                     for i in range(150))
    return (f'<?xml version="1.0"?><gpx version="1.1" creator="drill" xmlns="http://www.topografix.com/GPX/1/1">'
            f'<trk><name>{name}</name><trkseg>{points}</trkseg></trk></gpx>').encode()


class Load:
    """The steady load of one round, on threads; every write is recorded with its answer."""

    def __init__(self, stack, ledger, round_no):
        self.stack, self.ledger, self.tag, self.round = stack, ledger, ledger.tag, round_no
        self.stop = threading.Event()
        self.errors = []  # (when the request was sent, when it failed, kind, status or error)
        self.ok = 0
        self.threads = [threading.Thread(target=self.every, args=(interval, fn), daemon=True) for interval, fn in
                        [(0.5, self.manual), (3.0, self.fit), (5.0, self.route), (5.0, self.profile), (0.5, self.read)]]

    def start(self):
        status, body = self.stack.request("POST", "/api/sync/runs", {"source": "garmin", "daysBack": 90})
        self.note("garmin-backfill", status, body, ok=status in (202, 409))
        for t in self.threads:
            t.start()

    def finish(self):
        self.stop.set()
        for t in self.threads:
            t.join(timeout=120)

    def every(self, interval, fn):
        next_at = time.monotonic() + random.random() * interval
        while not self.stop.is_set():
            self.stop.wait(max(0.0, next_at - time.monotonic()))
            if self.stop.is_set():
                break
            next_at += interval
            fn()

    def note(self, kind, status, body, ok):
        if ok:
            self.ok += 1
        else:
            self.errors.append((self.stack.sent.at, time.monotonic(), kind, status if status else body))

    def manual(self):
        with self.ledger.lock:
            n = self.ledger.manual_seq
            self.ledger.manual_seq += 1
        name = f"drill {self.tag} r{self.round} #{n}"
        start = datetime(2019, 1, 1, 6, tzinfo=timezone.utc) + timedelta(hours=2 * n)  # one ride per 2 h: no two overlap
        status, body = self.stack.request("POST", "/api/workouts/manual", {
            "name": name, "startTime": start.isoformat(), "durationSeconds": 3600, "distanceMeters": 30000, "averagePower": 180 + n % 40})
        with self.ledger.lock:
            self.ledger.manual.append((name, status, body.get("id") if status == 201 and isinstance(body, dict) else None))
        self.note("manual", status, body, ok=status == 201)

    def fit(self):
        with self.ledger.lock:
            file = FIT_FILES[self.ledger.fit_seq % len(FIT_FILES)]
            self.ledger.fit_seq += 1
        content = open(os.path.join(FIXTURES, "fit", file), "rb").read()
        status, body = self.stack.multipart("/api/workouts/import", file, content)
        ids = [i["workoutId"] for i in body.get("items", [])] if status in (200, 201) and isinstance(body, dict) else []
        with self.ledger.lock:
            self.ledger.fit.append((hashlib.sha256(content).hexdigest(), status, ids))
        self.note("fit", status, body, ok=status in (200, 201, 409))

    def route(self):
        with self.ledger.lock:
            if self.ledger.route_seq >= MAX_ROUTES:
                return
            n = self.ledger.route_seq
            self.ledger.route_seq += 1
        name = f"drill {self.tag} route {n}"
        status, body = self.stack.multipart("/api/routes", f"route-{n}.gpx", gpx(name, f"{self.tag}-{n}"), {"name": name})
        with self.ledger.lock:
            self.ledger.routes.append((name, status, body.get("id") if status == 201 and isinstance(body, dict) else None))
        self.note("route", status, body, ok=status == 201)

    def profile(self):
        with self.ledger.lock:
            self.ledger.profile_seq += 1
            mass = 7.0 + (self.ledger.profile_seq % 1000) * 0.01
        status, body = self.stack.request("PUT", "/api/coach/athlete", profile_body(mass))
        self.note("profile", status, body, ok=status == 200)

    def read(self):
        for path in ("/api/workouts?pageSize=20", "/api/coach/fitness"):
            status, body = self.stack.request("GET", path)
            self.note("read", status, body, ok=status == 200)
        status, body = self.stack.request("GET", "/healthz", base=self.stack.web)
        self.note("web", status, body, ok=status == 200)


def profile_body(bike_mass):
    return {"ftpWatts": 250, "weightKg": 72, "lactateThresholdHeartRateBpm": 168, "maxHeartRateBpm": 188, "restingHeartRateBpm": 50,
            "bike": {"massKg": round(bike_mass, 2), "cdA": 0.32, "crr": 0.004, "wheelCircumferenceMeters": 2.105,
                     "chainrings": [50, 34], "cassette": [11, 12, 13, 14, 15, 17, 19, 21, 24, 28, 32], "minimumCadenceRpm": 60}}


class Ledger:
    """Everything the drill sent and what each answer was."""

    def __init__(self, tag):
        self.tag = tag  # what every name the drill gives starts with, after "drill "
        self.lock = threading.Lock()
        self.manual, self.fit, self.routes = [], [], []
        self.manual_seq = self.fit_seq = self.route_seq = self.profile_seq = 0


def counts(rows):
    return {r[0]: int(r[1]) for r in rows}


def check_all(stack, ledger, garmin_activities):
    """{check: None when it holds, else what is wrong}, and the numbers behind them."""
    failures, numbers = {}, {}

    def fail(check, message):
        failures.setdefault(check, []).append(message)

    # stored-once: manual rides by their unique name, routes by theirs, FIT files by their bytes, Garmin activities by id.
    by_name = counts(stack.sql("syncdb", f"SELECT name, count(*) FROM workouts WHERE name LIKE 'drill {ledger.tag} %' GROUP BY name"))
    for name, status, wid in ledger.manual:
        n = by_name.get(name, 0)
        if status == 201 and n != 1:
            fail("stored-once", f"accepted ride '{name}' stored {n} times")
        elif status != 201 and n > 1:
            fail("stored-once", f"unanswered ride '{name}' ({status}) stored {n} times")
    sent = {name for name, _, _ in ledger.manual}
    extra = [n for n in by_name if n not in sent]
    if extra:
        fail("stored-once", f"{len(extra)} ride(s) stored that were never sent, e.g. {extra[0]}")
    numbers["rides"] = sum(by_name.values())
    numbers["accepted_rides"] = sum(1 for _, s, _ in ledger.manual if s == 201)
    by_sha = counts(stack.sql("syncdb", "SELECT file_sha256, count(*) FROM workouts WHERE file_sha256 IS NOT NULL GROUP BY file_sha256"))
    stored_ids = {r[0] for r in stack.sql("syncdb", "SELECT id FROM workouts")}
    for sha, status, ids in ledger.fit:
        if by_sha.get(sha, 0) > 1:
            fail("stored-once", f"FIT file {sha[:12]} stored {by_sha[sha]} times")
        for wid in ids:
            if wid not in stored_ids:
                fail("stored-once", f"FIT import answered {status} with workout {wid}, which is not stored")
    numbers["fit_files"] = len({sha for sha, _, _ in ledger.fit if sha in by_sha})
    garmin = stack.sql("syncdb", "SELECT count(*), count(DISTINCT source_activity_id) FROM workouts WHERE source = 'Garmin'")[0]
    numbers["garmin_rides"] = int(garmin[0])
    if garmin[0] != garmin[1]:
        fail("stored-once", f"Garmin: {garmin[0]} rides for {garmin[1]} activities")
    if garmin_activities and int(garmin[1]) != garmin_activities:
        latest = stack.sql("syncdb", "SELECT status, coalesce(error, '') FROM sync_runs WHERE source = 'Garmin' ORDER BY created_at DESC LIMIT 1")
        fail("stored-once", f"Garmin: {garmin[1]} of the fake's {garmin_activities} activities stored (latest run: {latest})")
    route_names = counts(stack.sql("routesdb", f"SELECT name, count(*) FROM routes WHERE name LIKE 'drill {ledger.tag} %' GROUP BY name"))
    for name, status, rid in ledger.routes:
        n = route_names.get(name, 0)
        if (status == 201 and n != 1) or n > 1:
            fail("stored-once", f"route '{name}' ({status}) stored {n} times")
    numbers["routes"] = sum(route_names.values())

    # projected-once: Sync's rides and Coaching's projection are the same set; every WorkoutImported reached Coaching.
    projected = {r[0] for r in stack.sql("coachingdb", "SELECT workout_id FROM workouts")}
    if projected != stored_ids:
        fail("projected-once", f"{len(stored_ids - projected)} ride(s) not projected, {len(projected - stored_ids)} projected that Sync lacks")
    numbers["projected"] = len(projected)

    # inbox-once: each consumer's inbox is exactly the published events of its type.
    outbox = {}
    for db in ("syncdb", "coachingdb", "routesdb"):
        outbox[db] = stack.sql(db, "SELECT id, split_part(message_type, ',', 1), published_at IS NOT NULL, payload FROM outbox_messages")
        pending = [r for r in outbox[db] if r[2] != "t"]
        if pending:
            fail("outbox-drained", f"{db}: {len(pending)} outbox row(s) not published")
        numbers[f"outbox_{db}"] = len(outbox[db])
    for db, consumer, event, publisher in CONSUMERS:
        published = {r[0] for r in outbox[publisher] if r[1] == f"CyclingCoach.Contracts.{event}"}
        inbox = {r[0] for r in stack.sql(db, f"SELECT message_id FROM processed_messages WHERE consumer = '{consumer}'")}
        if published - inbox or inbox - published:
            fail("inbox-once" if event != "WorkoutImported" else "projected-once",
                 f"{db} {consumer}: {len(published - inbox)} {event} not consumed, {len(inbox - published)} consumed that were never published")
        numbers[f"{event}→{db}"] = len(inbox)
    doubled = stack.sql("coachingdb", "SELECT count(*) - count(DISTINCT (message_id, consumer)) FROM processed_messages")[0][0]
    if doubled != "0":
        fail("inbox-once", f"coachingdb: {doubled} message(s) processed twice by one consumer")

    # analysed-once: one WorkoutReview per projected ride, completed, with one AnalysisCompleted (one per revision).
    completed = {}
    for r in outbox["coachingdb"]:
        if r[1] == "CyclingCoach.Contracts.AnalysisCompleted":
            aid = json.loads(r[3])["analysisId"]
            completed[aid] = completed.get(aid, 0) + 1
    analyses = stack.sql("coachingdb", "SELECT id, workout_id, status, revision, attempts, coalesce(error, '') FROM analyses WHERE type = 'WorkoutReview'")
    per_workout = {}
    for aid, wid, status, revision, attempts, error in analyses:
        per_workout[wid] = per_workout.get(wid, 0) + 1
        if status in ("Pending", "Failed"):
            fail("analysed-once", f"analysis {aid} is {status} after {attempts} attempt(s): {error[:160]}")
        elif not 1 <= completed.get(aid, 0) <= int(revision) + 1:
            fail("analysed-once", f"analysis {aid} ({status}, revision {revision}) has {completed.get(aid, 0)} AnalysisCompleted events")
    missing = [w for w in projected if per_workout.get(w, 0) != 1]
    if missing:
        fail("analysed-once", f"{len(missing)} ride(s) without exactly one analysis, e.g. {missing[0]} ({per_workout.get(missing[0], 0)})")
    numbers["analyses"] = len(analyses)

    # routes-once: the newest profile everywhere, one RouteAnalyzed per route and profile version.
    coaching_version = int(stack.sql("coachingdb", "SELECT coalesce(max(version), 0) FROM athlete_profile")[0][0])
    routes_version = int(stack.sql("routesdb", "SELECT coalesce(max(version), 0) FROM rider_profile")[0][0])
    numbers["profile_version"] = coaching_version
    if routes_version != coaching_version:
        fail("routes-once", f"Routes is at profile version {routes_version}, Coaching at {coaching_version}")
    stale = stack.sql("routesdb", f"SELECT count(*) FROM routes WHERE profile_version <> {routes_version}")[0][0]
    if stale != "0":
        fail("routes-once", f"{stale} route(s) not re-estimated to profile version {routes_version}")
    analyzed = {}
    for r in outbox["routesdb"]:
        if r[1] == "CyclingCoach.Contracts.RouteAnalyzed":
            p = json.loads(r[3])
            key = (p["routeId"], p["profileVersion"])
            analyzed[key] = analyzed.get(key, 0) + 1
    twice = [k for k, n in analyzed.items() if n > 1]
    if twice:
        fail("routes-once", f"{len(twice)} route×version estimated more than once, e.g. {twice[0]} ({analyzed[twice[0]]}×)")
    for (rid,) in stack.sql("routesdb", "SELECT id FROM routes"):
        if analyzed.get((rid, routes_version), 0) != 1:
            fail("routes-once", f"route {rid}: {analyzed.get((rid, routes_version), 0)} RouteAnalyzed at version {routes_version}")
            break
    numbers["route_estimates"] = sum(analyzed.values())

    # broker-drained
    for q in stack.queues():
        if q["name"].endswith(("_error", "_skipped")) and (q.get("messages_ready", 0) or q.get("messages_unacknowledged", 0)):
            fail("broker-drained", f"{q['name']} holds {q.get('messages_ready', 0)} message(s)")
        elif q.get("messages_ready", 0) or q.get("messages_unacknowledged", 0):
            fail("broker-drained", f"{q['name']}: {q.get('messages_ready', 0)} ready, {q.get('messages_unacknowledged', 0)} unacknowledged")
    return failures, numbers


def settle(stack, ledger, garmin_activities, timeout):
    """Checks until every one holds or the time is up: the events of a round may still be on their way. A Garmin
    activity whose import outlasted its database retries during an outage is in the next sync run, as when a rider
    presses Sync again: while the fake's activities are not all stored, a Garmin run is asked for every 10 s (409 while
    one is running); stored-once still fails on any activity stored twice."""
    started, synced = time.monotonic(), 0.0
    while True:
        try:
            failures, numbers = check_all(stack, ledger, garmin_activities)
        except Exception as e:  # PostgreSQL or the management API not answering yet
            failures, numbers = {"recovered": [f"the checks could not run: {e}"]}, {}
        if not failures or time.monotonic() - started > timeout:
            return failures, numbers, time.monotonic() - started
        short = any(m.startswith("Garmin: ") and " of the fake's " in m for m in failures.get("stored-once", []))
        if short and time.monotonic() - synced > 10:
            stack.request("POST", "/api/sync/runs", {"source": "garmin", "daysBack": 90})
            synced = time.monotonic()
        time.sleep(2)


def wait_until_serving(stack, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if stack.request("GET", "/api/workouts?pageSize=1", timeout=5)[0] == 200 and stack.request("GET", "/healthz", base=stack.web, timeout=5)[0] == 200:
            return True
        time.sleep(0.5)
    return False


def run_round(stack, ledger, args, round_no, target, rnd):
    load = Load(stack, ledger, round_no)
    began = time.monotonic()
    load.start()
    kill_at = rnd.uniform(2.0, max(2.5, args.load_seconds * 0.5))
    time.sleep(kill_at)
    result = {"round": round_no, "target": target, "killed_at_s": round(time.monotonic() - began, 1), "wall_clock": datetime.now(timezone.utc).strftime("%H:%M:%S")}
    problems = []
    killed = time.monotonic()
    try:
        stack.coach("kill", target, timeout=60)
        result["start_command_s"] = round(stack.coach("start", target), 1)
        result["healthy_after_s"] = round(time.monotonic() - killed, 1)
    except Exception as e:
        problems.append(str(e))
    serving = wait_until_serving(stack)
    result["serving_after_s"] = round(time.monotonic() - killed, 1)
    if not serving:
        problems.append("the gateway and web app did not serve again within 180 s")
    # Steady load for a while after the recovery, then stop writing and let the events settle.
    time.sleep(max(3.0, args.load_seconds - (time.monotonic() - began)))
    load.finish()
    # A failure belongs to the outage when it came after the kill (a request in flight then counts); one sent more than
    # a second after the stack served again is a failure of its own.
    before = [e for e in load.errors if e[1] < killed]
    after_kill = [e for e in load.errors if e[1] >= killed]
    result["errors_before_kill"] = len(before)
    result["errors_after_kill"] = len(after_kill)
    result["last_error_after_s"] = round(max((e[0] for e in after_kill), default=killed) - killed, 1)
    result["requests_ok"] = load.ok
    late = [e for e in after_kill if e[0] - killed > result["serving_after_s"] + 1]
    if late:
        problems.append(f"{len(late)} request(s) sent after the stack served again failed, e.g. {late[0][2]}: {str(late[0][3])[:160]}")
    if before:
        problems.append(f"{len(before)} request(s) failed before the kill, e.g. {before[0][2]}: {str(before[0][3])[:160]}")
    failures, numbers, settle_s = settle(stack, ledger, args.garmin_activities, args.settle_timeout)
    result["settled_s"] = round(settle_s, 1)
    result.update(numbers)
    failures = dict(failures)
    if problems:
        failures["recovered"] = problems
    result["failures"] = failures
    return result


def load_with_faults(stack, args, rnd):
    """Issue 23's second drill: a read mix at --rate requests/s through the gateway for --duration (+ --tail) s (loadgen.mjs: open
    loop on --connections keep-alive sockets; each request has its due time and its latency counts from it, so a stall
    is not hidden), with manual rides at 2/s beside it, RabbitMQ restarted (kill -9, `./coach start`) at 20 s and
    PostgreSQL at 40 s. Per restart: the errors between the kill and `./coach start` returning (the window), the time
    from the kill to the last failed request before the next restart (recovery, as the clients saw it); outside the
    windows: errors and latency. Then the drills' checks over the rides posted: events lost or doubled."""
    ledger = Ledger(f"{args.tag}-load")
    args.garmin_activities = 0  # no backfill here: the read mix alone
    seed_ids = [w["id"] for w in (stack.request("GET", "/api/workouts?pageSize=50")[1] or {}).get("items", [])]
    while len(seed_ids) < 50:
        status, body = stack.request("POST", "/api/workouts/manual", {"name": f"drill load seed #{len(seed_ids)}",
                                     "startTime": (datetime(2018, 1, 1, tzinfo=timezone.utc) + timedelta(days=len(seed_ids))).isoformat(),
                                     "durationSeconds": 3600, "distanceMeters": 30000, "averagePower": 190})
        if status == 201:
            seed_ids.append(body["id"])
    # The dashboard's reads (its recent rides and reviews), the ride list, a ride's detail, fitness.
    mix = [(0.25, ["/api/workouts?pageSize=5", "/api/coach/analyses?pageSize=5"]),
           (0.35, ["/api/workouts?page=1&pageSize=50"]),
           (0.20, [f"/api/workouts/{i}" for i in seed_ids]),
           (0.20, ["/api/coach/fitness"])]
    began_wall = time.time() + 2.0
    began = time.monotonic() + (began_wall - time.time())
    config = {"url": stack.gateway, "key": stack.key, "rate": args.rate, "duration": args.duration + args.tail, "connections": args.connections,
              "startAt": began_wall * 1000, "timeoutMs": 10000, "seed": rnd.randrange(1 << 31), "mix": mix}
    config_path = os.path.join(stack.coach_dir, "loadgen.json")
    with open(config_path, "w") as f:
        json.dump(config, f)
    generator = subprocess.Popen(["node", os.path.join(os.path.dirname(os.path.abspath(__file__)), "loadgen.mjs"), config_path],
                                 stdout=subprocess.PIPE, text=True)
    writer = Load(stack, ledger, 1)
    writer.threads = [threading.Thread(target=writer.every, args=(0.5, writer.manual), daemon=True)]
    faults = []

    def fault(at, target):
        time.sleep(max(0.0, began + at - time.monotonic()))
        t0 = time.monotonic() - began
        # kill -9, not `./coach stop`: the drills' way (`./coach stop` of a server is slower and was seen to fail).
        stack.coach("kill", target, timeout=120)
        t1 = time.monotonic() - began
        error = None
        try:
            stack.coach("start", target)  # returns once it is healthy (at most 120 s)
        except Exception as e:
            error = str(e)[-300:]
        faults.append({"target": target, "killed_at_s": round(t0, 2), "killed_by_s": round(t1, 2),
                       "started_at_s": round(time.monotonic() - began, 2), "start_error": error})

    faulters = [threading.Thread(target=fault, args=(20, "messaging"), daemon=True), threading.Thread(target=fault, args=(40, "postgres"), daemon=True)]
    for t in faulters + writer.threads:
        t.start()  # the rides only; no backfill in the middle of the read mix
    load_before = os.getloadavg()
    out, _ = generator.communicate()
    load_after = os.getloadavg()
    for t in faulters:
        t.join()
    writer.finish()
    generated = json.loads(out)
    # (when it went on the wire, latency from its due time, status): a request belongs to a fault's window by when the
    # stack got it, which is later than its due time when the stack falls behind the rate.
    done = [(x[3], x[1], x[2]) for x in generated["requests"] if x]
    wall = max((x[0] + x[1] for x in done), default=0) - min((x[0] for x in done), default=0)
    faults.sort(key=lambda f: f["killed_at_s"])
    windows = [(f["killed_at_s"], f["started_at_s"]) for f in faults]
    inside = lambda t: any(a <= t <= b for a, b in windows)
    outside = [x for x in done if not inside(x[0])]
    errors_outside = [x for x in outside if x[2] != 200]
    for n, f in enumerate(faults):
        until = faults[n + 1]["killed_at_s"] if n + 1 < len(faults) else float("inf")
        span = [x for x in done if f["killed_at_s"] <= x[0] < until]
        failed = [x for x in span if x[2] != 200]
        within = [x for x in span if x[0] <= f["started_at_s"]]
        f["requests_in_window"] = len(within)
        f["errors_in_window"] = sum(1 for x in within if x[2] != 200)
        f["errors_after_start"] = sum(1 for x in failed if x[0] > f["started_at_s"])
        last_failure = max((x[0] for x in failed), default=f["killed_at_s"])
        f["recovered_after_s"] = round(last_failure - f["killed_at_s"], 2)
        f["served_after_recovery"] = sum(1 for x in span if x[0] > last_failure)  # 0: the run ended before it recovered
        # Requests that waited rather than failed count too: back to normal once every later one answers 200 within 1 s.
        last_bad = max((x[0] for x in span if x[2] != 200 or x[1] > 1.0), default=f["killed_at_s"])
        f["normal_after_s"] = round(last_bad - f["killed_at_s"], 2)
        f["statuses"] = {str(s): sum(1 for x in failed if x[2] == s) for s in sorted({x[2] for x in failed})}
    lat = sorted(x[1] * 1000 for x in outside if x[2] == 200)
    pct = lambda q: round(lat[min(len(lat) - 1, int(q * len(lat)))], 1) if lat else None
    failures, numbers, settle_s = settle(stack, ledger, args.garmin_activities, args.settle_timeout)
    report = {"rate": args.rate, "duration_s": args.duration, "tail_s": args.tail, "requests": len(done), "generator_max_lag_ms": round(generated["lagMaxMs"]),
              "answered_per_s": round(len(done) / max(wall, 1e-9), 1), "last_answer_s": round(wall, 1),
              "load_average_before_after": [round(x, 1) for x in load_before + load_after],
              "errors_outside_windows": len(errors_outside), "errors_total": sum(1 for x in done if x[2] != 200),
              "first_errors_outside": [list(x) for x in errors_outside[:5]],
              "p50_ms_outside": pct(0.5), "p99_ms_outside": pct(0.99), "late_over_1s_outside": sum(1 for x in outside if x[1] > 1.0),
              "faults": faults, "writes_accepted": sum(1 for _, s, _ in ledger.manual if s == 201), "writes_sent": len(ledger.manual),
              "settled_s": round(settle_s, 1), "failures": failures, **numbers}
    log(json.dumps(report))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({**report, "per_second": per_second(done)}, f, indent=1)
    return 0 if not failures and not errors_outside and not any(f["start_error"] for f in faults) else 1


def per_second(done):
    """[second, requests put on the wire, failed, p50 ms, p99 ms] for each second of the run."""
    rows = []
    for s in range(int(max((x[0] for x in done), default=0)) + 1):
        xs = [x for x in done if s <= x[0] < s + 1]
        lat = sorted(x[1] * 1000 for x in xs)
        q = lambda p: round(lat[min(len(lat) - 1, int(p * len(lat)))], 1) if lat else None
        rows.append([s, len(xs), sum(1 for x in xs if x[2] != 200), q(0.5), q(0.99)])
    return rows


def table(path):
    """The rounds of a --json file as the markdown table bench/RESULTS.md shows."""
    rounds = json.load(open(path))["rounds"]
    print("| round | killed | at (s) | UTC | `./coach start` healthy after (s) | last failed request sent at (s after the kill) | "
          "failed requests (after kill) | events settled after the load stopped (s) | rides | routes | Garmin | analyses | profile v | checks |")
    print("|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rounds:
        checks = "all 8 hold" if not r["failures"] else "FAILED: " + "; ".join(f"{k}: {v[0]}" for k, v in r["failures"].items())
        print(f"| {r['round']} | {r['target']} | {r['killed_at_s']} | {r['wall_clock']} | {r.get('healthy_after_s', '–')} | "
              f"{r['last_error_after_s']} | {r['errors_after_kill']} | {r['settled_s']} | {r.get('rides')} | {r.get('routes')} | "
              f"{r.get('garmin_rides')} | {r.get('analyses')} | {r.get('profile_version')} | {checks} |")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--targets", default="", help="comma-separated, in order; default: shuffled, every target before any repeats")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--short", action="store_true", help="./coach test's three rounds: PostgreSQL, RabbitMQ and one other part, shuffled")
    p.add_argument("--load-seconds", type=float, default=20)
    p.add_argument("--settle-timeout", type=float, default=120)
    p.add_argument("--garmin-activities", type=int, default=int(os.environ.get("FAKE_GARMIN_ACTIVITIES", "0")))
    p.add_argument("--tap", action="store_true")
    p.add_argument("--json", default=None)
    p.add_argument("--table", default=None, help="print the rounds of a --json file as a markdown table and exit")
    p.add_argument("--planted", action="store_true", help="print a planted result (runner self-test) and exit")
    p.add_argument("--load-fault", action="store_true", help="the read mix at --rate for --duration s, RabbitMQ restarted at 20 s, PostgreSQL at 40 s")
    p.add_argument("--rate", type=float, default=500)
    p.add_argument("--duration", type=float, default=60)
    p.add_argument("--connections", type=int, default=48)
    p.add_argument("--tail", type=float, default=30, help="--load-fault: the load goes on this long after --duration, to see the recovery from the last restart")
    args = p.parse_args()
    if args.planted:
        return planted()
    if args.table:
        return table(args.table)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rnd = random.Random(seed)
    args.tag = f"{seed:x}"
    if args.targets:
        targets = args.targets.split(",")
    elif args.short:
        targets = [rnd.choice(TARGETS[:5]), "postgres", "messaging"]
        rnd.shuffle(targets)
    else:
        targets = []
        while len(targets) < args.rounds:
            batch = TARGETS[:]
            rnd.shuffle(batch)
            targets += batch
    targets = (targets * args.rounds)[:args.rounds]
    log(f"seed {seed}; targets {', '.join(targets)}")

    stack = Stack()
    if not wait_until_serving(stack):
        raise SystemExit("drill: the stack does not serve (GATEWAY_URL, WEB_URL)")
    # The rider's starting point: a profile (bike included) and Garmin connected to the fake.
    stack.request("PUT", "/api/coach/athlete", profile_body(7.0))
    # The token file a rider would paste, issued by the fake (the way the web end-to-end tier gets one).
    status, tokens = stack.request("POST", "/__fake/tokens", base=os.environ["FAKE_GARMIN_URL"])
    status, body = stack.request("POST", "/api/sync/garmin/token", tokens) if status == 200 else (status, tokens)
    if status != 200:
        raise SystemExit(f"drill: connecting Garmin failed: {status} {body}")

    if args.load_fault:
        return load_with_faults(stack, args, rnd)
    ledger, results, tap = Ledger(args.tag), [], Tap(args.tap)
    for i, target in enumerate(targets, 1):
        r = run_round(stack, ledger, args, i, target, rnd)
        results.append(r)
        log(f"round {i}: killed {target} at {r['killed_at_s']} s ({r['wall_clock']} UTC); healthy after {r.get('healthy_after_s', '-')} s, "
            f"serving after {r['serving_after_s']} s, last error +{r['last_error_after_s']} s; settled in {r['settled_s']} s; "
            f"rides {r.get('rides')}, routes {r.get('routes')}, garmin {r.get('garmin_rides')}, analyses {r.get('analyses')}, "
            f"profile v{r.get('profile_version')}; {'OK' if not r['failures'] else 'FAILED: ' + json.dumps(r['failures'])[:1500]}")
        tap.round(r)
        if args.json:  # after every round: a drill stopped early keeps what it measured
            with open(args.json, "w") as f:
                json.dump({"seed": seed, "rounds": results}, f, indent=1)
    tap.end()
    return 0 if all(not r["failures"] for r in results) else 1


class Tap:
    """One TAP test per check per round, and the summary node's test runner prints (what ./coach test counts)."""

    def __init__(self, enabled):
        self.enabled, self.number, self.passed, self.failed = enabled, 0, 0, 0
        self.out("TAP version 13")

    def out(self, line):
        if self.enabled:
            print(line, flush=True)

    def round(self, r):
        for check in CHECKS:
            self.number += 1
            bad = r["failures"].get(check)
            if bad:
                self.failed += 1
            else:
                self.passed += 1
            self.out(f"{'not ok' if bad else 'ok'} {self.number} - round {r['round']} ({r['target']} killed at {r['killed_at_s']} s): {check}")
            for line in (bad or [])[:5]:
                self.out(f"  # {line}")

    def end(self):
        self.out(f"1..{self.number}\n# tests {self.number}\n# pass {self.passed}\n# fail {self.failed}\n# cancelled 0\n# skipped 0\n# todo 0")


def planted():
    """The runner self-test's planted drill: two rounds, one check of the second failing (no stack needed)."""
    tap = Tap(True)
    tap.round({"round": 1, "target": "postgres", "killed_at_s": 3.0, "failures": {}})
    tap.round({"round": 2, "target": "messaging", "killed_at_s": 4.0, "failures": {"inbox-once": ["planted: one WorkoutImported consumed twice"]}})
    tap.end()
    return 1


if __name__ == "__main__":
    sys.exit(main())
