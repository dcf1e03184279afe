// A stand-in for the CyclingCoach gateway, for trying the web app without the .NET services:
//   API_KEY=dev node e2e/fake-gateway.mjs            (listens on 127.0.0.1:${FAKE_GATEWAY_PORT:-5199})
// It speaks the first API slice (DESIGN §11): POST /api/workouts/manual, GET /api/workouts, GET /api/events (SSE).
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { pathToFileURL } from 'node:url';

/** @param {{ apiKey: string, port?: number, host?: string }} options */
export function startFakeGateway({ apiKey, port = 0, host = '127.0.0.1' }) {
  const workouts = [];
  const streams = new Set();
  const seen = [];

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
    if (req.method === 'GET' && url.pathname === '/api/workouts') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const pageSize = Number(url.searchParams.get('pageSize') ?? 50);
      const sorted = [...workouts].sort((a, b) => b.startTime.localeCompare(a.startTime));
      const items = sorted.slice((page - 1) * pageSize, page * pageSize);
      return send(res, 200, { items, page, pageSize, total: workouts.length });
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

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
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
