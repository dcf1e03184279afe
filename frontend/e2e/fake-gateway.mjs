// A stand-in for the CyclingCoach gateway, for trying the web app without the .NET services:
//   API_KEY=dev node e2e/fake-gateway.mjs            (listens on 127.0.0.1:${FAKE_GATEWAY_PORT:-5199})
// It answers what the web app calls today, with bodies shaped like openapi/{sync,routes}.json: workouts (list with
// filters, detail, streams, file, delete, manual, import with duplicates), sync runs, Garmin and intervals.icu
// connections, routes (list with sorting, upload with duplicates, detail, rename, delete, GPX) and GET /api/events (SSE).
// Seeded with 40 rides (one of 5 h with 1 Hz streams) and two routes; `seed: false` starts empty.
// Garmin: login password "slow" → 429 cooldown, any other → MFA step, code "123456" → connected.
// A test can make paths fail (`failing.add('/api/workouts')` → 503), turn wellness off (`coach.readiness = false`) and
// give the plan a history (`coach.planVersions = planVersionSummaries(60)`, fake-coach.mjs; FAKE_PLAN_VERSIONS=60 from the shell).
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { handleCoach, planVersionSummaries, readinessAdjustment, reviewOf, thresholdUpdate } from './fake-coach.mjs';
import { parseMultipart, routeDetail, routeSummary, seedWorkouts, streamsFor, trainingLoadOf, uuid, workout as workoutBody, workoutSummary } from './fake-data.mjs';

/** @param {{ apiKey: string, port?: number, host?: string, seed?: boolean }} options */
export function startFakeGateway({ apiKey, port = 0, host = '127.0.0.1', seed = true }) {
  // FAKE_RIDES=250: about a year of rides for measuring (e2e/measure.mjs); the tests use the default 40.
  const workouts = seed ? seedWorkouts(Number(process.env.FAKE_RIDES ?? 40)) : [];
  const coach = {
    analyses: workouts.length > 0 ? [readinessAdjustment(), reviewOf(workouts[0]), thresholdUpdate()] : [],
    readiness: seed,
    planVersions: planVersionSummaries(Number(process.env.FAKE_PLAN_VERSIONS ?? 0)), // e.g. 60 for screenshots
  };
  const fileHashes = new Map(); // sha256 → workout id (import duplicates)
  const routes = seed
    ? [
        routeDetail({ id: uuid('route-1'), name: 'Gurnigel loop', createdAt: '2026-11-20T08:00:00+00:00' }),
        routeDetail({ id: uuid('route-2'), name: 'Aare valley out and back', createdAt: '2026-11-25T17:30:00+00:00', fileSizeBytes: 30_112 }),
      ]
    : [];
  const routeHashes = new Map();
  let latestRun = seed ? syncRun('garmin', 'success', Date.now() - 40 * 60_000) : null;
  let garmin = garminState('not_connected');
  const mfaStates = new Set();
  let intervals = { connected: false, athleteId: null, from: null };
  // The plan on the rider's calendars (GET/PUT /api/sync/plan-push): both off, no sessions pushed by this fake.
  const pushEnabled = { intervals_icu: false, garmin: false };
  const planPush = () => ({
    planId: null,
    planVersion: null,
    targets: [
      { target: 'intervals_icu', enabled: pushEnabled.intervals_icu, connected: intervals.connected, pushed: 0, pending: 0, failed: 0 },
      { target: 'garmin', enabled: pushEnabled.garmin, connected: garmin.connected, pushed: 0, pending: 0, failed: 0 },
    ],
    sessions: [],
  });
  const streams = new Set();
  const seen = [];
  const failing = new Set(); // paths a test makes answer 503 (error states)

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    seen.push({ method: req.method, path: url.pathname, headers: req.headers });
    if (process.env.FAKE_GATEWAY_LOG) {
      console.log(`${req.method} ${url.pathname} traceparent=${req.headers.traceparent ?? '-'} key=${req.headers['x-api-key'] ? 'yes' : 'no'}`);
    }
    if (url.pathname === '/health' || url.pathname === '/alive') {
      return send(res, 200, { status: 'Healthy' });
    }
    const presented = req.headers['x-api-key'] ?? req.headers.authorization?.replace(/^Bearer /, '');
    if (presented !== apiKey) {
      return problem(res, 401, 'Unauthorized', 'A valid API key is required.');
    }
    if (failing.has(url.pathname)) {
      return problem(res, 503, 'Service Unavailable', `The fake gateway was told to fail ${url.pathname}.`);
    }
    if (req.method === 'GET' && url.pathname === '/api/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('event: ready\ndata: {}\n\n');
      streams.add(res);
      req.on('close', () => {
        streams.delete(res);
        if (process.env.FAKE_GATEWAY_LOG) console.log(`SSE stream closed (${streams.size} open)`);
      });
      return;
    }
    const coachReply = (status, body) => send(res, status, body, status >= 400 ? 'application/problem+json' : undefined);
    if (handleCoach(req, url, workouts, coachReply, (status) => problem(res, status, 'Not Found', undefined), coach, async () => JSON.parse((await readBody(req)) || 'null'))) return;
    if (req.method === 'GET' && url.pathname === '/api/workouts') {
      const q = url.searchParams;
      const page = Number(q.get('page') ?? 1);
      const pageSize = Number(q.get('pageSize') ?? 50);
      const source = q.get('source');
      if (source && !['manual', 'file', 'garmin', 'intervals_icu'].includes(source)) {
        return problem(res, 400, 'One or more validation errors occurred.', undefined, { source: ['source must be one of manual, file, garmin, intervals_icu.'] });
      }
      const from = q.get('from') ? Date.parse(q.get('from')) : -Infinity;
      const to = q.get('to') ? Date.parse(q.get('to')) : Infinity;
      const type = q.get('type');
      const matching = workouts
        .filter((w) => (!source || w.source === source) && (!type || w.activityType === type || w.sport === type))
        .filter((w) => Date.parse(w.startTime) >= from && Date.parse(w.startTime) <= to)
        .sort((a, b) => Date.parse(b.startTime) - Date.parse(a.startTime));
      const items = matching.slice((page - 1) * pageSize, page * pageSize).map(workoutSummary);
      return send(res, 200, { items, page, pageSize, total: matching.length });
    }
    const workoutMatch = /^\/api\/workouts\/([0-9a-f-]{36})(\/streams|\/file)?$/.exec(url.pathname);
    if (workoutMatch) {
      const found = workouts.find((w) => w.id === workoutMatch[1]);
      if (!found) return problem(res, 404, 'Not Found', undefined);
      if (req.method === 'GET' && !workoutMatch[2]) return send(res, 200, { ...found, aliases: [], rawSource: null });
      if (req.method === 'GET' && workoutMatch[2] === '/streams') {
        return found.hasStreams ? send(res, 200, streamsFor(found)) : problem(res, 404, 'Not Found', undefined);
      }
      if (req.method === 'GET' && workoutMatch[2] === '/file') {
        res.writeHead(200, { 'content-type': 'application/vnd.ant.fit', 'content-disposition': `attachment; filename="${found.id}.fit"` });
        return res.end(Buffer.from('.FIT fake'));
      }
      if (req.method === 'DELETE' && !workoutMatch[2]) {
        workouts.splice(workouts.indexOf(found), 1);
        res.writeHead(204).end();
        setTimeout(() => broadcast('workout-deleted', { workoutId: found.id }), 20);
        return;
      }
    }
    if (req.method === 'POST' && url.pathname === '/api/workouts/import') {
      const parts = parseMultipart(await readBuffer(req), req.headers['content-type']);
      if (!parts) return problem(res, 415, 'Unsupported media type', "Send the file as multipart/form-data in a field named 'file'.");
      const files = parts.filter((p) => p.name === 'file' && p.filename != null);
      if (files.length === 0) return problem(res, 400, 'One or more validation errors occurred.', undefined, { file: ["Attach at least one file (field 'file')."] });
      const items = [];
      for (const file of files) {
        if (!/\.(fit|gpx|tcx|zip)$/i.test(file.filename)) {
          return problem(res, 415, 'The file was not imported', `${file.filename}: not a FIT, GPX, TCX or zip file.`);
        }
        if (file.content.length < 16) return problem(res, 400, 'The file was not imported', `${file.filename}: the file is truncated.`);
        const sha = createHash('sha256').update(file.content).digest('hex');
        const existing = fileHashes.get(sha);
        if (existing) {
          items.push({ entry: file.filename, outcome: 'duplicate', workoutId: existing, workout: workouts.find((w) => w.id === existing) });
          continue;
        }
        const created = workoutBody({
          id: randomUUID(), name: file.filename.replace(/\.[^.]+$/, ''), source: 'file', startTime: new Date(Date.now() - 3600_000).toISOString(),
          durationSeconds: 3600, distanceMeters: 31_400, activityType: 'road_biking', hasStreams: true, power: 192, hr: 141,
        });
        workouts.push(created);
        fileHashes.set(sha, created.id);
        items.push({ entry: file.filename, outcome: 'created', workoutId: created.id, workout: created });
        setTimeout(() => broadcast('workout-imported', { workoutId: created.id, source: 'file', name: created.name }), 20);
      }
      if (items.every((i) => i.outcome === 'duplicate')) {
        return send(res, 409, {
          type: 'https://tools.ietf.org/html/rfc9110#section-15.5.10', title: 'Already imported', status: 409,
          detail: items.length === 1 ? `This file is already stored as workout ${items[0].workoutId}.` : `All ${items.length} files are already stored.`,
          instance: `/api/workouts/${items[0].workoutId}`, code: 'duplicate', workoutId: items[0].workoutId, workoutIds: items.map((i) => i.workoutId),
        }, 'application/problem+json');
      }
      const first = items.find((i) => i.outcome === 'created');
      if (first) res.setHeader('location', `/api/workouts/${first.workoutId}`);
      return send(res, first ? 201 : 200, { items });
    }
    if (req.method === 'GET' && url.pathname === '/api/sync/runs/latest') {
      return latestRun ? send(res, 200, latestRun) : problem(res, 404, 'Not Found', undefined);
    }
    if (req.method === 'POST' && url.pathname === '/api/sync/runs') {
      const body = JSON.parse((await readBody(req)) || '{}');
      latestRun = syncRun(body.source ?? 'garmin', 'in_progress', Date.now());
      res.setHeader('location', `/api/sync/runs/${latestRun.id}`);
      send(res, 202, latestRun);
      broadcast('sync-run-started', { runId: latestRun.id, source: latestRun.source });
      setTimeout(() => {
        latestRun = { ...latestRun, status: 'success', found: 3, imported: 1, skipped: 2, finishedAt: new Date().toISOString(), durationSeconds: 1.5 };
        broadcast('sync-run-completed', { runId: latestRun.id, source: latestRun.source, found: 3, imported: 1, skipped: 2, failed: 0 });
      }, 1500);
      return;
    }
    if (url.pathname === '/api/sync/garmin' && req.method === 'GET') return send(res, 200, garmin);
    if (url.pathname === '/api/sync/garmin' && req.method === 'DELETE') return send(res, 200, (garmin = garminState('not_connected')));
    if (url.pathname === '/api/sync/garmin/token' && req.method === 'POST') {
      // As Sync reads it: a token file's JSON, a GARTH_TOKEN string, or either inside { "token": … }.
      const raw = (await readBody(req)).trim();
      let text = raw;
      try {
        const parsed = JSON.parse(raw);
        if (typeof parsed?.token === 'string') text = parsed.token.trim();
      } catch {
        // not JSON: the bare string
      }
      if (text === '') return garminInvalid(res, 'body', 'The body is empty: send a token file\'s JSON or a GARTH_TOKEN string.');
      if (!/di_token|oauth2|access_token|^[A-Za-z0-9+/=]{20,}$/.test(text)) return garminInvalid(res, 'body', 'Not a Garmin token: expected di_token, an OAuth2 token or a GARTH_TOKEN.');
      return send(res, 200, (garmin = garminState('connected', 'token_import')));
    }
    if (url.pathname === '/api/sync/garmin/ticket' && req.method === 'POST') {
      const { ticket } = JSON.parse((await readBody(req)) || '{}');
      if (typeof ticket !== 'string' || !ticket.startsWith('ST-')) return garminInvalid(res, 'ticket', 'ticket must be a CAS service ticket (ST-…), as in serviceTicketId of the sign-in response.');
      return send(res, 200, (garmin = garminState('connected', 'ticket')));
    }
    if (url.pathname === '/api/sync/garmin/login' && req.method === 'POST') {
      const { password } = JSON.parse((await readBody(req)) || '{}');
      if (password === 'slow') {
        const until = new Date(Date.now() + 3600_000).toISOString();
        garmin = { ...garminState('cooling_down'), cooldownUntil: until, cooldownScope: 'login' };
        res.setHeader('retry-after', '3600');
        return send(res, 429, { type: 'https://tools.ietf.org/html/rfc6585#section-4', title: 'Garmin is cooling down', status: 429,
          detail: 'Garmin answered 429 Too Many Requests; no sign-in is tried again before the cooldown ends.', cooldownUntil: until, scope: 'login' }, 'application/problem+json');
      }
      const state = randomUUID();
      mfaStates.add(state);
      return send(res, 200, { mfaRequired: true, state, connection: null });
    }
    const mfa = /^\/api\/sync\/garmin\/login\/([^/]+)\/mfa$/.exec(url.pathname);
    if (mfa && req.method === 'POST') {
      if (!mfaStates.has(mfa[1])) return problem(res, 404, 'Unknown sign-in', 'No pending Garmin sign-in has this state (it expired or finished); start the login again.');
      const { code } = JSON.parse((await readBody(req)) || '{}');
      if (code !== '123456') return garminInvalid(res, 'code', 'Garmin did not accept the code; try again.');
      mfaStates.delete(mfa[1]);
      return send(res, 200, { mfaRequired: false, state: null, connection: (garmin = garminState('connected', 'login')) });
    }
    if (url.pathname === '/api/sync/plan-push' && req.method === 'GET') return send(res, 200, planPush());
    if (url.pathname === '/api/sync/plan-push/retry' && req.method === 'POST') return send(res, 200, planPush());
    const pushTarget = /^\/api\/sync\/plan-push\/(intervals_icu|garmin)$/.exec(url.pathname);
    if (pushTarget && req.method === 'PUT') {
      const { enabled } = JSON.parse((await readBody(req)) || '{}');
      if (typeof enabled !== 'boolean') return problem(res, 400, 'One or more validation errors occurred.', undefined, { enabled: ['enabled (true or false) is required.'] });
      pushEnabled[pushTarget[1]] = enabled;
      return send(res, 200, planPush());
    }
    if (url.pathname === '/api/sync/intervals') {
      if (req.method === 'GET') return send(res, 200, intervals);
      if (req.method === 'DELETE') {
        intervals = { connected: false, athleteId: null, from: null };
        return res.writeHead(204).end();
      }
      if (req.method === 'PUT') {
        const body = JSON.parse((await readBody(req)) || '{}');
        const errors = {};
        if (!/^[A-Za-z0-9_-]{1,64}$/.test(body.athleteId?.trim() ?? '')) errors.athleteId = ["athleteId is required (like i12345): letters, digits, '_' or '-', at most 64."];
        if (!body.apiKey?.trim()) errors.apiKey = ['apiKey is required (at most 200 characters).'];
        if (Object.keys(errors).length > 0) return problem(res, 400, 'One or more validation errors occurred.', undefined, errors);
        return send(res, 200, (intervals = { connected: true, athleteId: body.athleteId.trim(), from: 'stored' }));
      }
    }
    if (req.method === 'GET' && url.pathname === '/api/routes') {
      const sort = url.searchParams.get('sort') ?? 'created';
      const desc = (url.searchParams.get('desc') ?? String(sort === 'created')) === 'true';
      const key = { name: (r) => r.name, distance: (r) => r.summary.distanceMeters, gain: (r) => r.summary.elevationGainMeters ?? 0, created: (r) => r.createdAt }[sort];
      if (!key) return problem(res, 400, 'One or more validation errors occurred.', undefined, { sort: ['sort must be one of name, distance, gain, created.'] });
      const sorted = [...routes].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (desc ? -1 : 1));
      const page = Number(url.searchParams.get('page') ?? 1);
      const pageSize = Number(url.searchParams.get('pageSize') ?? 50);
      return send(res, 200, { items: sorted.slice((page - 1) * pageSize, page * pageSize).map(routeSummary), page, pageSize, total: routes.length });
    }
    if (req.method === 'POST' && url.pathname === '/api/routes') {
      const parts = parseMultipart(await readBuffer(req), req.headers['content-type']);
      if (!parts) return problem(res, 415, 'Unsupported media type', "Upload the GPX file as multipart/form-data with a 'file' part.");
      const file = parts.find((p) => p.name === 'file');
      if (!file) return problem(res, 400, 'One or more validation errors occurred.', undefined, { file: ["A 'file' part with the GPX file is required."] });
      if (!file.content.toString('utf8').includes('<gpx')) return problem(res, 400, 'One or more validation errors occurred.', 'The file is not GPX (no <gpx> root element).', { file: ['The file is not GPX (no <gpx> root element).'] });
      const sha = createHash('sha256').update(file.content).digest('hex');
      if (routeHashes.has(sha)) {
        const existing = routeHashes.get(sha);
        return send(res, 409, { type: 'https://cyclingcoach.dev/problems/duplicate-route', title: 'Duplicate route', status: 409,
          detail: `This file is already in the library as route ${existing}.`, existingRouteId: existing, existingRoute: `/api/routes/${existing}` }, 'application/problem+json');
      }
      const name = parts.find((p) => p.name === 'name')?.content.toString('utf8').trim() || file.filename.replace(/\.gpx$/i, '');
      const created = routeDetail({ id: randomUUID(), name, createdAt: new Date().toISOString(), fileSizeBytes: file.content.length });
      routes.push(created);
      routeHashes.set(sha, created.id);
      res.setHeader('location', `/api/routes/${created.id}`);
      send(res, 201, created);
      setTimeout(() => broadcast('route-analyzed', { routeId: created.id, name: created.name }), 20);
      return;
    }
    const routeMatch = /^\/api\/routes\/([0-9a-f-]{36})(\/gpx)?$/.exec(url.pathname);
    if (routeMatch) {
      const route = routes.find((r) => r.id === routeMatch[1]);
      if (!route) return problem(res, 404, 'Not Found', undefined);
      if (req.method === 'GET' && routeMatch[2]) {
        res.writeHead(200, { 'content-type': 'application/gpx+xml', 'content-disposition': `attachment; filename="${route.name}.gpx"` });
        return res.end('<?xml version="1.0"?><gpx version="1.1" creator="fake"></gpx>');
      }
      if (req.method === 'GET') return send(res, 200, route);
      if (req.method === 'PATCH') {
        const { name } = JSON.parse((await readBody(req)) || '{}');
        if (typeof name !== 'string' || name.trim() === '' || name.length > 200) {
          return problem(res, 400, 'One or more validation errors occurred.', 'The name must be 1 to 200 characters.', { name: ['The name must be 1 to 200 characters.'] });
        }
        route.name = name.trim();
        return send(res, 200, routeSummary(route));
      }
      if (req.method === 'DELETE') {
        routes.splice(routes.indexOf(route), 1);
        return res.writeHead(204).end();
      }
    }
    if (req.method === 'POST' && url.pathname === '/api/workouts/manual') {
      let body;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return problem(res, 400, 'Bad Request', 'The body is not JSON.');
      }
      const errors = validate(body);
      if (Object.keys(errors).length > 0) {
        return problem(res, 400, 'One or more validation errors occurred.', 'Check the highlighted fields.', errors);
      }
      const workout = {
        id: randomUUID(),
        source: 'manual',
        name: body.name,
        startTime: body.startTime,
        durationSeconds: body.durationSeconds,
        distanceMeters: body.distanceMeters,
        averagePower: body.averagePower ?? null,
        averageHeartRate: body.averageHeartRate ?? null,
        createdAt: new Date().toISOString(),
        sourceActivityId: null,
        sport: 'cycling',
        activityType: null,
        hasStreams: false,
        ...trainingLoadOf(null, null, body.durationSeconds),
      };
      workouts.push(workout);
      res.setHeader('location', `/api/workouts/${workout.id}`);
      send(res, 201, workout);
      setTimeout(() => broadcast('workout-imported', { workoutId: workout.id, source: 'manual', name: workout.name }), 50);
      return;
    }
    return problem(res, 404, 'Not Found', `No route for ${req.method} ${url.pathname}.`);
  });

  function broadcast(type, data) {
    for (const stream of streams) {
      stream.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
    }
  }

  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({
        url: `http://${host}:${address.port}`,
        seen,
        broadcast,
        failing,
        coach, // the fake coach's state: `coach.readiness = false` answers readiness without wellness days
        close: () =>
          new Promise((done) => {
            streams.forEach((s) => s.end());
            server.closeAllConnections();
            server.close(done);
          }),
      });
    });
  });
}

function validate(body) {
  const errors = {};
  if (typeof body?.name !== 'string' || body.name.trim() === '') errors.name = ['A name is required.'];
  if (typeof body?.startTime !== 'string' || !/[+-]\d{2}:\d{2}$|Z$/.test(body.startTime) || Number.isNaN(Date.parse(body.startTime)))
    errors.startTime = ['Use ISO 8601 with an offset.'];
  if (!(body?.durationSeconds > 0)) errors.durationSeconds = ['Must be more than 0 seconds.'];
  if (!(body?.distanceMeters >= 0)) errors.distanceMeters = ['Must be 0 or more metres.'];
  return errors;
}

function syncRun(source, status, at) {
  const iso = (ms) => new Date(ms).toISOString();
  return {
    id: randomUUID(), source, status, trigger: 'schedule', from: iso(at - 7 * 86_400_000), to: iso(at), found: status === 'success' ? 4 : 0,
    imported: status === 'success' ? 1 : 0, skipped: status === 'success' ? 3 : 0, failed: 0, error: null, attempts: 1, createdAt: iso(at),
    startedAt: iso(at), finishedAt: status === 'in_progress' ? null : iso(at + 2400), durationSeconds: status === 'in_progress' ? null : 2.4,
  };
}

function garminState(status, origin = null) {
  const connected = status === 'connected';
  const now = Date.now();
  return {
    status, connected, accountName: connected ? 'rider@example.org' : null, connectedAt: connected ? new Date(now).toISOString() : null,
    tokenOrigin: origin, accessTokenExpiresAt: connected ? new Date(now + 86_400_000).toISOString() : null,
    refreshTokenExpiresAt: connected ? new Date(now + 30 * 86_400_000).toISOString() : null, cooldownUntil: null, cooldownScope: null,
    lastError: null, lastErrorAt: null,
  };
}

function garminInvalid(res, field, message) {
  return problem(res, 400, 'Garmin connection rejected', message, { [field]: [message] });
}

function readBuffer(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res, status, body, contentType = 'application/json; charset=utf-8') {
  res.writeHead(status, { 'content-type': contentType });
  res.end(JSON.stringify(body));
}

function problem(res, status, title, detail, errors) {
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ type: `https://httpstatuses.io/${status}`, title, status, detail, traceId: '0'.repeat(32), errors }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const apiKey = process.env.API_KEY ?? process.env.Auth__ApiKey;
  if (!apiKey) {
    console.error('fake gateway: set API_KEY');
    process.exit(1);
  }
  const gateway = await startFakeGateway({ apiKey, port: Number(process.env.FAKE_GATEWAY_PORT ?? 5199) });
  console.log(`fake gateway listening on ${gateway.url}`);
}
